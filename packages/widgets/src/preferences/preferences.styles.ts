import { css } from 'lit';

export const preferencesStyles = css`
  .field {
    min-width: 0;
    margin: 0 0 var(--_space-4);
    padding: 0;
    border: 0;
  }

  legend,
  .label {
    margin-bottom: var(--_space-2);
    padding: 0;
    font-size: 1.1875rem;
    font-weight: 700;
    line-height: 1.25;
  }

  .hint {
    color: var(--_secondary-text);
  }

  .invalid {
    padding-left: var(--_space-3);
    border-left: 5px solid var(--_error);
  }

  .error {
    margin-bottom: var(--_space-2);
    color: var(--_error);
    font-weight: 700;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    margin-bottom: var(--_space-2);
  }

  .choice input {
    flex: none;
    width: 2.75rem;
    height: 2.75rem;
    margin: 0;
    accent-color: var(--_text);
  }

  .choice label {
    padding-top: var(--_space-2);
  }

  .times {
    margin: var(--_space-2) 0 0 1.375rem;
    padding-left: var(--_space-4);
    border-left: 4px solid var(--_border);
  }

  .time {
    margin-bottom: var(--_space-3);
  }

  .time label {
    display: block;
    margin-bottom: var(--_space-1);
    font-weight: 700;
  }

  input[type='time'] {
    box-sizing: border-box;
    min-height: 2.75rem;
    padding: var(--_space-1) var(--_space-2);
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  .invalid input[type='time'] {
    border-color: var(--_error);
  }

  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }

  .choice input:focus-visible {
    box-shadow: 0 0 0 6px var(--_focus-text);
  }

  .error-summary {
    margin-bottom: var(--_space-4);
    padding: var(--_space-3);
    border: 5px solid var(--_error);
  }

  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }

  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .error-summary .link {
    color: var(--_error);
    font-weight: 700;
  }

  .saved {
    margin-bottom: var(--_space-4);
    padding: var(--_space-3);
    border-left: 5px solid var(--_button);
    background: var(--_panel);
  }

  .saved p {
    margin: 0;
    font-weight: 700;
  }
`;
