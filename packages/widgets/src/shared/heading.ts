import { html, nothing, type TemplateResult } from 'lit';

/** Heading levels an element may use; the host page decides where it sits in the outline. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** @returns a level kept within 2–6 (the page owns the h1) */
export function headingLevel(value: unknown, fallback: HeadingLevel): HeadingLevel {
  const level = Number(value);
  return Number.isInteger(level) && level >= 2 && level <= 6 ? (level as HeadingLevel) : fallback;
}

/**
 * Renders a real `<hN>` with part="heading". Written out per level instead of a static tag so
 * no string is ever spliced into markup.
 * @param level the heading level
 * @param content what the heading says
 * @param focusable whether script may move focus to it (tabindex=-1), for a change of screen
 */
export function heading(level: HeadingLevel, content: unknown, focusable = false): TemplateResult {
  const tabindex = focusable ? '-1' : nothing;
  switch (level) {
    case 2:
      return html`<h2 part="heading" tabindex=${tabindex}>${content}</h2>`;
    case 3:
      return html`<h3 part="heading" tabindex=${tabindex}>${content}</h3>`;
    case 4:
      return html`<h4 part="heading" tabindex=${tabindex}>${content}</h4>`;
    case 5:
      return html`<h5 part="heading" tabindex=${tabindex}>${content}</h5>`;
    case 6:
      return html`<h6 part="heading" tabindex=${tabindex}>${content}</h6>`;
  }
}
