import { css } from 'lit';

export const rightsStyles = css`
  .rights {
    margin: 0 0 var(--_space-4);
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--_border);
  }

  .rights > li {
    border-bottom: 1px solid var(--_border);
  }

  summary {
    display: block;
    min-height: 2.75rem;
    padding: var(--_space-2) 0 var(--_space-2) 1.75rem;
    position: relative;
    color: var(--_brand);
    font-weight: 700;
    cursor: pointer;
  }

  summary::-webkit-details-marker {
    display: none;
  }

  /* A chevron that turns when the section opens; drawn with borders so it follows forced colours. */
  summary::before {
    content: '';
    position: absolute;
    top: 0.9em;
    left: 0.35rem;
    width: 0.45rem;
    height: 0.45rem;
    border: solid currentColor;
    border-width: 0 3px 3px 0;
    transform: rotate(-45deg);
  }

  details[open] > summary::before {
    transform: rotate(45deg);
  }

  summary:hover {
    text-decoration: underline;
  }

  summary:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
  }

  .right-body {
    padding: 0 0 var(--_space-3) 1.75rem;
  }

  .review {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border: 5px solid var(--_brand);
  }

  .review p:last-child {
    margin-bottom: 0;
  }
`;
