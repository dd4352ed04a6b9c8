import { css } from 'lit';

export const oicCardStyles = css`
  .no-officer {
    padding: var(--_space-3);
    border-left: 5px solid var(--_border);
    background: var(--_panel);
  }

  .no-officer p:last-child,
  .hint:last-child {
    margin-bottom: 0;
  }

  .absence {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    border-left: 5px solid var(--_brand);
    background: var(--_panel);
  }

  .absence > :last-child {
    margin-bottom: 0;
  }

  .hint {
    color: var(--_secondary-text);
  }
`;
