// Every story renders inside a wrapper that plays the force's page: it sets the design-token
// controls as `--vp-*` custom properties, and the page's language from the toolbar (the
// elements follow `<html lang>` through their LanguageController, as on a force's website).
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { tokenArgTypes, tokenStyles } from '../packages/widgets/src/stories/tokens.js';
import { supportedLocale } from '../packages/widgets/src/shared/localization.js';
import { sourceLocale, targetLocales } from '../packages/widgets/src/locales/locale-codes.js';
// Docs pages and controls read each element's attributes, properties, events, parts and tokens
// from the package's custom elements manifest (`npm run build` writes it from the JSDoc).
import manifest from '../packages/widgets/custom-elements.json';

setCustomElementsManifest(manifest);

// Every language the widgets speak, each named in itself ("Cymraeg", "polski") where the browser knows how.
const languageItems = [sourceLocale, ...targetLocales].map((locale) => ({
  value: locale,
  title: new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(locale) ?? locale,
}));

const withPage: Decorator = (story, { args, globals }) => {
  document.documentElement.lang = supportedLocale(String(globals.locale ?? 'en'));
  return html`<div class="vp-story" style=${styleMap(tokenStyles(args))}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withPage],
  argTypes: tokenArgTypes,
  globalTypes: {
    locale: {
      description: 'The language of the page the widgets are on',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: languageItems,
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // The elements' own axe rules: WCAG 2 A/AA, 2.1 and 2.2, as their tests run them.
    a11y: { options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }, test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
