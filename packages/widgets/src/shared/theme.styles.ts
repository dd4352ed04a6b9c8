import { css } from 'lit';

/**
 * Design tokens, GOV.UK-like by default. Each element reads the public `--vp-*` properties
 * (which inherit from the page through shadow roots) into private `--_*` ones. The public ones
 * are never set on `:host`: a nested element would then reset what the page chose.
 *
 * Dark mode changes only the fallbacks: a token the page sets wins in both colour schemes, so a
 * force that themes the portal decides its dark look (or keeps it light) itself.
 */
export const themeStyles = css`
  :host {
    --_brand: var(--vp-color-brand, #1d70b8);
    --_text: var(--vp-color-text, #0b0c0c);
    --_secondary-text: var(--vp-color-secondary-text, #505a5f);
    --_background: var(--vp-color-background, #ffffff);
    --_border: var(--vp-color-border, #b1b4b6);
    --_panel: var(--vp-color-panel, #f3f2f1);
    --_error: var(--vp-color-error, #d4351c);
    --_button: var(--vp-color-button, #00703c);
    --_button-text: var(--vp-color-button-text, #ffffff);
    --_exit: var(--vp-color-exit, #d4351c);
    --_exit-text: var(--vp-color-exit-text, #ffffff);
    --_focus: var(--vp-focus-colour, #ffdd00);
    --_focus-text: var(--vp-focus-text-colour, #0b0c0c);
    --_font: var(--vp-font-family, arial, sans-serif);
    --_space-1: var(--vp-space-1, 0.25rem);
    --_space-2: var(--vp-space-2, 0.5rem);
    --_space-3: var(--vp-space-3, 1rem);
    --_space-4: var(--vp-space-4, 1.5rem);
    --_space-5: var(--vp-space-5, 2rem);
    --_radius: var(--vp-radius, 0);

    /* Form controls and scrollbars the browser draws follow the same scheme as the tokens. */
    color-scheme: var(--vp-color-scheme, light dark);
    display: block;
    /* Painted here, not left to the page: light text in dark mode must never land on a light page. */
    background-color: var(--_background);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
    /* Long crime references and names must wrap at 320 px rather than scroll sideways. */
    overflow-wrap: anywhere;
  }

  /*
   * WCAG 2.2 AA in the dark as in the light: text 4.5:1 on the background and on panels, the
   * button and the quick exit 3:1 against the background. The focus colours stay: yellow with a
   * dark bar reads on both.
   */
  @media (prefers-color-scheme: dark) {
    :host {
      --_brand: var(--vp-color-brand, #8eb8dc);
      --_text: var(--vp-color-text, #f3f2f1);
      --_secondary-text: var(--vp-color-secondary-text, #b1b4b6);
      --_background: var(--vp-color-background, #131415);
      --_border: var(--vp-color-border, #6f777b);
      --_panel: var(--vp-color-panel, #242729);
      --_error: var(--vp-color-error, #f28b82);
      --_button: var(--vp-color-button, #00823b);
    }
  }

  :host([hidden]) {
    display: none;
  }

  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 var(--_space-3);
    font-weight: 700;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.5rem;
  }

  h3,
  h4,
  h5,
  h6 {
    font-size: 1.1875rem;
  }

  p {
    margin: 0 0 var(--_space-3);
  }

  /*
   * Headings get focus from script after a change of screen (tabindex=-1) so screen readers
   * read where the victim now is. They are not controls, so they get no focus ring.
   */
  [tabindex='-1']:focus {
    outline: none;
  }
`;

/** Facts as a definition list: label above value on phones, side by side when there is room. */
export const factListStyles = css`
  dl {
    margin: 0 0 var(--_space-3);
  }

  .fact {
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_border);
  }

  dt {
    font-weight: 700;
  }

  dd {
    margin: 0;
  }

  @media (min-width: 40em) {
    .fact {
      display: grid;
      grid-template-columns: 14em 1fr;
      gap: var(--_space-3);
    }
  }
`;

/**
 * GOV.UK-style buttons and focus: a yellow focus with a dark bar underneath, plus a transparent
 * outline that forced-colours (Windows high contrast) modes turn visible.
 */
export const controlStyles = css`
  .button {
    display: inline-block;
    box-sizing: border-box;
    /* WCAG 2.2 target size: well above 24 px in both directions. */
    min-height: 2.75rem;
    min-width: 2.75rem;
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_button);
    color: var(--_button-text);
    font: inherit;
    font-weight: 700;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    box-shadow: 0 2px 0 var(--_text);
  }

  .button.secondary {
    background: var(--_panel);
    color: var(--_text);
  }

  .button:focus-visible,
  .link:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
  }

  .link {
    color: var(--_brand);
    text-decoration: underline;
  }

  /* A "Back" button that looks like a link. */
  .back {
    display: inline-block;
    min-height: 2.75rem;
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) 0;
    border: 0;
    background: none;
    color: var(--_brand);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  .back::before {
    content: '‹ ';
  }

  .back:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
  }

  /* Read by screen readers, not shown. */
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
`;
