import { css } from 'lit';

export const caseStatusStyles = css`
  .status {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border-left: 5px solid var(--_brand);
    background: var(--_panel);
  }

  .status p {
    margin: 0;
  }

  .status-caption {
    color: var(--_secondary-text);
  }

  .status .update-due {
    margin-top: var(--_space-2);
    font-weight: 700;
  }

  .status-title {
    font-size: 1.1875rem;
    font-weight: 700;
  }
`;
