import { css } from 'lit';

export const timelineStyles = css`
  .panel {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border-left: 5px solid var(--_brand);
    background: var(--_panel);
  }

  .panel > :last-child,
  .next-steps li:last-child {
    margin-bottom: 0;
  }

  .caption {
    margin: 0;
    color: var(--_secondary-text);
  }

  .title {
    font-size: 1.1875rem;
    font-weight: 700;
    margin: 0 0 var(--_space-2);
  }

  .next-steps {
    margin: 0 0 var(--_space-3);
    padding-left: var(--_space-4);
  }

  .update-due,
  .ask-by {
    font-weight: 700;
  }

  a {
    color: var(--_brand);
  }

  a:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
    text-decoration: none;
  }

  /* Newest first; a line down the side joins the events (room on the left for its dots). */
  .events {
    margin: 0 0 var(--_space-3);
    padding: 0 0 0 var(--_space-2);
    list-style: none;
  }

  .event {
    position: relative;
    padding: 0 0 var(--_space-3) var(--_space-4);
    border-left: 3px solid var(--_border);
  }

  .event::before {
    content: '';
    position: absolute;
    top: 0.3rem;
    left: -0.5625rem;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: var(--_brand);
  }

  .event p {
    margin: 0 0 var(--_space-1);
  }

  .when {
    color: var(--_secondary-text);
  }

  .officer-words {
    margin: var(--_space-2) 0 0;
    padding: var(--_space-2) var(--_space-3);
    border-left: 5px solid var(--_border);
    background: var(--_panel);
  }

  .officer-words figcaption {
    font-weight: 700;
  }

  .officer-words blockquote {
    margin: 0;
    /* The officer's line breaks, as written. */
    white-space: pre-line;
  }
`;
