import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { defaultExitUrl } from './quick-exit.js';
import './quick-exit.js';

interface Args {
  exitUrl: string;
}

/**
 * "Exit this page". In Storybook the page is not left: `navigate` is replaced, so the Actions
 * panel shows where it would have gone. Shift 3 times or Escape twice does the same.
 */
const meta: Meta<Args> = {
  title: 'Elements/vp-quick-exit',
  component: 'vp-quick-exit',
  args: { exitUrl: defaultExitUrl },
  argTypes: {
    exitUrl: { name: 'exit-url', description: 'Attribute: the neutral page to go to; anything but http(s) falls back to the default' },
  },
  render: ({ exitUrl }) => html`<vp-quick-exit
    exit-url=${exitUrl}
    .navigate=${action('navigate')}
    @vp-quick-exit=${action('vp-quick-exit')}
  ></vp-quick-exit>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const OwnExitPage: Story = { args: { exitUrl: 'https://www.google.co.uk/' } };
/** A `javascript:` URL is refused: the link goes to the default page instead (and warns in the console). */
export const UnsafeExitUrl: Story = { args: { exitUrl: 'javascript:alert(1)' } };
