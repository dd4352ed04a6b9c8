import { css } from 'lit';

export const crimeReportStyles = css`
  .account {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    border-left: 5px solid var(--_border);
    background: var(--_panel);
    /* The line breaks of the account, as recorded. */
    white-space: pre-line;
  }

  .correction {
    padding: var(--_space-3);
    border-left: 5px solid var(--_brand);
    background: var(--_panel);
  }
`;
