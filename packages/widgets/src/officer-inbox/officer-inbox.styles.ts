import { css } from 'lit';

export const officerInboxStyles = css`
  .case-list {
    margin: 0 0 var(--_space-4);
    padding: 0;
    list-style: none;
  }

  .case-list li {
    margin: 0 0 var(--_space-2);
  }

  .case-button {
    display: grid;
    gap: var(--_space-1);
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75rem;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-left: 5px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    text-align: left;
    cursor: pointer;
  }

  .case-button:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
  }

  .case-title {
    font-weight: 700;
    color: var(--_brand);
    text-decoration: underline;
  }

  .case-button:focus-visible .case-title {
    color: var(--_focus-text);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .badges:empty {
    display: none;
  }

  .badge {
    padding: 0 var(--_space-2);
    border: 2px solid var(--_text);
    font-weight: 700;
  }

  .badge.update {
    border-style: dashed;
  }

  .facts {
    color: var(--_secondary-text);
  }
`;
