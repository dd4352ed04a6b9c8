import { css } from 'lit';

export const quickExitStyles = css`
  :host {
    display: inline-block;
  }

  .exit {
    background: var(--_exit);
    color: var(--_exit-text);
  }
`;
