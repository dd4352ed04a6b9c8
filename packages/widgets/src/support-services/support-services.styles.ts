import { css } from 'lit';

export const supportServicesStyles = css`
  .services,
  .contact,
  .hours {
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
  }

  .services {
    border-top: 1px solid var(--_border);
  }

  .service {
    padding: var(--_space-3) 0;
    border-bottom: 1px solid var(--_border);
  }

  .contact li,
  .hours li {
    margin-bottom: var(--_space-1);
  }

  /* Phone numbers and addresses are links: tall enough to tap. */
  .contact a {
    display: inline-block;
    padding: var(--_space-2) 0;
  }

  .label {
    margin-bottom: var(--_space-1);
    font-weight: 700;
  }

  .referral {
    padding: var(--_space-2) var(--_space-3);
    border-left: 5px solid var(--_brand);
    background: var(--_panel);
  }

  .referral:focus {
    outline: 3px solid var(--_focus);
  }

  .ask {
    margin-top: var(--_space-3);
    padding: var(--_space-3);
    border-left: 5px solid var(--_border);
  }

  .check {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space-2);
    margin-bottom: var(--_space-3);
  }

  .check.invalid {
    padding-left: var(--_space-3);
    border-left: 5px solid var(--_error);
  }

  .check .error {
    flex-basis: 100%;
  }

  .check input {
    flex: none;
    width: 2.75rem;
    height: 2.75rem;
    margin: 0;
    accent-color: var(--_text);
  }

  /* Beside its box even at 320 px. */
  .check label {
    flex: 1 1 0;
    min-width: 0;
    padding-top: var(--_space-2);
  }

  .check input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_focus-text);
  }

  .error {
    color: var(--_error);
    font-weight: 700;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
`;
