import { css } from 'lit';

/** The thread and its composer, shared by `<vp-messages>` and `<vp-officer-inbox>`. */
export const threadStyles = css`
  .thread {
    margin: 0 0 var(--_space-4);
    padding: 0;
    list-style: none;
  }

  .message {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  /* Who wrote it is always said in words ("You", the officer's name); colour and side only help. */
  .message.own {
    margin-left: var(--_space-5);
    border-left: 5px solid var(--_brand);
    background: var(--_panel);
  }

  .message.theirs {
    margin-right: var(--_space-5);
    border-left: 5px solid var(--_button);
  }

  .message.notice {
    border-style: dashed;
    color: var(--_secondary-text);
    text-align: center;
  }

  .message.update-request .kind {
    font-weight: 700;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
    margin: 0 0 var(--_space-1);
    font-size: 0.875rem;
    color: var(--_secondary-text);
  }

  .author {
    font-weight: 700;
    color: var(--_text);
  }

  .kind,
  .body {
    margin: 0 0 var(--_space-1);
  }

  /* Message bodies are plain text: keep the writer's line breaks. */
  .body {
    white-space: pre-wrap;
  }

  .delivery {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_secondary-text);
  }

  .delivery.problem {
    color: var(--_text);
  }

  .failed {
    border-color: var(--_error);
    border-left-color: var(--_error);
  }

  .failed .button {
    margin-top: var(--_space-2);
  }

  .connection:empty {
    display: none;
  }

  .connection {
    padding: var(--_space-1) var(--_space-2);
    background: var(--_panel);
  }

  .emergency {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border-left: 5px solid var(--_error);
    background: var(--_panel);
  }

  .emergency p:last-child {
    margin-bottom: 0;
  }

  .composer,
  .update-request-form {
    margin: 0 0 var(--_space-4);
  }

  label {
    display: block;
    margin: 0 0 var(--_space-1);
    font-weight: 700;
  }

  textarea,
  input {
    display: block;
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75rem;
    margin: 0 0 var(--_space-2);
    padding: var(--_space-1);
    border: 2px solid var(--_text);
    border-radius: 0;
    font: inherit;
    color: var(--_text);
    background: var(--_background);
  }

  textarea {
    resize: vertical;
  }

  textarea:focus,
  input:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_text);
  }

  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }

  .field-problem {
    margin: 0 0 var(--_space-1);
    font-weight: 700;
    color: var(--_error);
  }

  .hint {
    color: var(--_secondary-text);
  }

  .hint.over {
    font-weight: 700;
    color: var(--_text);
  }

  .empty {
    color: var(--_secondary-text);
  }
`;
