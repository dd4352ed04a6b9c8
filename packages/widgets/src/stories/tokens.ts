// The design tokens as Storybook controls. The page (here a wrapper <div>) sets the public
// `--vp-*` custom properties; they inherit through the elements' shadow roots (theme.styles.ts).
import type { ArgTypes } from '@storybook/web-components-vite';

/** Each token with the default the theme falls back to, and whether it is a colour. */
const tokens: Record<string, { fallback: string; colour?: true }> = {
  '--vp-color-brand': { fallback: '#1d70b8', colour: true },
  '--vp-color-text': { fallback: '#0b0c0c', colour: true },
  '--vp-color-secondary-text': { fallback: '#505a5f', colour: true },
  '--vp-color-background': { fallback: '#ffffff', colour: true },
  '--vp-color-border': { fallback: '#b1b4b6', colour: true },
  '--vp-color-panel': { fallback: '#f3f2f1', colour: true },
  '--vp-color-error': { fallback: '#d4351c', colour: true },
  '--vp-color-button': { fallback: '#00703c', colour: true },
  '--vp-color-button-text': { fallback: '#ffffff', colour: true },
  '--vp-color-exit': { fallback: '#d4351c', colour: true },
  '--vp-color-exit-text': { fallback: '#ffffff', colour: true },
  '--vp-focus-colour': { fallback: '#ffdd00', colour: true },
  '--vp-focus-text-colour': { fallback: '#0b0c0c', colour: true },
  '--vp-font-family': { fallback: 'arial, sans-serif' },
  '--vp-radius': { fallback: '0' },
  '--vp-space-1': { fallback: '0.25rem' },
  '--vp-space-2': { fallback: '0.5rem' },
  '--vp-space-3': { fallback: '1rem' },
  '--vp-space-4': { fallback: '1.5rem' },
  '--vp-space-5': { fallback: '2rem' },
};

/** Controls for every token, unset by default so each element shows its own defaults. */
export const tokenArgTypes: Partial<ArgTypes> = Object.fromEntries(
  Object.entries(tokens).map(([name, { fallback, colour }]) => [
    name,
    {
      control: colour ? 'color' : 'text',
      description: `Design token (CSS custom property), set on the page around the element.`,
      table: { category: 'Design tokens', defaultValue: { summary: fallback } },
    },
  ]),
);

/** @returns the tokens a story's args set, for lit's `styleMap` */
export function tokenStyles(args: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(tokens).flatMap((name) => (typeof args[name] === 'string' && args[name] !== '' ? [[name, args[name]]] : [])));
}
