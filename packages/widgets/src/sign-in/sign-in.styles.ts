import { css } from 'lit';

/** GOV.UK's form patterns: labels above fields, hints, error messages, the error summary. */
export const signInStyles = css`
  .alert:not(:empty) {
    margin: 0 0 var(--_space-3);
    padding-left: var(--_space-3);
    border-left: 5px solid var(--_error);
  }

  form {
    margin: 0 0 var(--_space-4);
  }

  .form-group {
    margin: 0 0 var(--_space-4);
  }

  .form-group-error {
    padding-left: var(--_space-3);
    border-left: 5px solid var(--_error);
  }

  .label,
  .legend {
    display: block;
    margin: 0 0 var(--_space-1);
    font-weight: 700;
  }

  .fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .legend {
    padding: 0;
  }

  .hint {
    margin: 0 0 var(--_space-2);
    color: var(--_secondary-text);
  }

  .error-message {
    margin: 0 0 var(--_space-2);
    color: var(--_error);
    font-weight: 700;
  }

  .input {
    box-sizing: border-box;
    max-width: 100%;
    min-height: 2.75rem;
    margin: 0;
    padding: var(--_space-1) var(--_space-2);
    border: 2px solid var(--_text);
    border-radius: 0;
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    font-size: 1.1875rem;
  }

  .input:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }

  .input-error {
    border-color: var(--_error);
  }

  .width-full {
    width: 100%;
  }

  .width-10 {
    width: 11.5em;
  }

  .width-4 {
    width: 5.4em;
  }

  .width-2 {
    width: 3.2em;
  }

  .date-input {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }

  .error-summary {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border: 5px solid var(--_error);
  }

  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }

  .error-summary-title {
    margin: 0 0 var(--_space-3);
    font-size: 1.1875rem;
    font-weight: 700;
  }

  .error-summary-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Each link stands alone in the list, not inside a sentence, so it must be a 24 px target
     (WCAG 2.5.8): as an inline-block its line box, not just its text, is the target. */
  .error-summary-list .link {
    display: inline-block;
    min-height: 1.5rem;
    color: var(--_error);
    font-weight: 700;
  }

  .notice {
    padding: var(--_space-2) var(--_space-3);
    border-left: 5px solid var(--_brand);
    background: var(--_panel);
  }
`;
