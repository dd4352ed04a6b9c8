import { css } from 'lit';

export const portalStyles = css`
  .portal {
    background: var(--_background);
  }

  .header {
    /* The quick exit stays in reach while the victim scrolls through their case. */
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    justify-content: space-between;
    align-items: center;
    padding: var(--_space-2) 0;
    background: var(--_background);
    border-bottom: 1px solid var(--_border);
  }

  .alert:not(:empty),
  .content:not(:empty) {
    padding: var(--_space-4) 0 var(--_space-2);
  }

  .alert:not(:empty) {
    margin-top: var(--_space-3);
    padding-left: var(--_space-3);
    border-left: 5px solid var(--_error);
  }

  .case-button:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
  }

  .case-list {
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
  }

  .case-list li {
    margin: 0 0 var(--_space-2);
  }

  .case-button {
    display: block;
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75rem;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-left: 5px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .case-type {
    display: block;
    color: var(--_brand);
    font-weight: 700;
    text-decoration: underline;
  }

  .case-button:focus-visible .case-type {
    color: var(--_focus-text);
  }

  .case-detail {
    display: block;
  }

  vp-case-status,
  vp-oic-card {
    margin: 0 0 var(--_space-4);
  }

  /* The case's sections: a list of buttons that wraps at 320 px (see section-view.ts). */
  .sections ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0 0 var(--_space-4);
    padding: 0;
    list-style: none;
  }

  .section-button {
    min-height: 2.75rem;
    padding: var(--_space-2) var(--_space-3);
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_brand);
    font: inherit;
    cursor: pointer;
  }

  .section-button[aria-current='true'] {
    background: var(--_brand);
    color: var(--_background);
    font-weight: 700;
  }

  .section-button:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    border-color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
  }

  .help {
    margin: var(--_space-3) 0 0;
    padding: var(--_space-3);
    background: var(--_panel);
  }

  /* The timeout warning: a modal alert dialog over the portal (WCAG 2.2.1). */
  .overlay {
    position: fixed;
    inset: 0;
    z-index: 2;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: var(--_space-2);
    background: rgb(11 12 12 / 60%);
  }

  .dialog {
    box-sizing: border-box;
    width: 100%;
    max-width: 32rem;
    max-height: 100%;
    overflow-y: auto;
    padding: var(--_space-4);
    background: var(--_background);
    color: var(--_text);
    border: 5px solid var(--_text);
  }

  .dialog-title {
    margin: 0 0 var(--_space-3);
    font-size: 1.5rem;
    font-weight: 700;
  }

  .dialog-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin-top: var(--_space-4);
  }
`;
