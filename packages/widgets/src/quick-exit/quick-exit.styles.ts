import { css } from 'lit';

export const quickExitStyles = css`
  /* Often put in a site's own coloured header: the button carries its colours, the host none. */
  :host {
    display: inline-block;
    background-color: transparent;
  }

  .exit {
    background: var(--_exit);
    color: var(--_exit-text);
  }
`;
