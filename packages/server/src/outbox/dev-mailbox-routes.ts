import Router from '@koa/router';
import type { DevMailbox, MailboxMessage } from './dev-mailbox.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function linkified(message: MailboxMessage): string {
  const body = escapeHtml(message.body);
  if (!message.link || !message.link.startsWith('http')) return body;
  const link = escapeHtml(message.link);
  return body.split(link).join(`<a href="${link}">${link}</a>`);
}

function renderMessage(message: MailboxMessage): string {
  const what = message.channel === 'email' ? 'Email' : 'Text message';
  return `<li>
  <article aria-labelledby="m-${message.id}">
    <h2 id="m-${message.id}">${what} to ${escapeHtml(message.to)}</h2>
    <p class="meta">From ${escapeHtml(message.senderName)}, <time datetime="${message.sentAt}">${escapeHtml(new Date(message.sentAt).toUTCString())}</time></p>
    ${message.subject ? `<p><strong>Subject:</strong> ${escapeHtml(message.subject)}</p>` : ''}
    <p class="body">${linkified(message)}</p>
  </article>
</li>`;
}

function renderPage(messages: MailboxMessage[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev mailbox (${messages.length}) – Victim Portal demo</title>
<style>
  body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 48rem; padding: 1rem; color: #0b0c0c; }
  ol { list-style: none; padding: 0; }
  article { border: 1px solid #b1b4b6; border-radius: 4px; padding: 0 1rem; margin-bottom: 1rem; }
  h2 { font-size: 1.1rem; }
  .meta { color: #505a5f; }
  .body { white-space: pre-wrap; overflow-wrap: anywhere; }
  a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
</style>
</head>
<body>
<main>
<h1>Dev mailbox</h1>
<p>Development only: nothing here was really sent. These are the emails and text messages the
demo would have sent, newest first. Open a sign-in link to see the portal as that victim; each
link works once. <a href="/dev/mailbox">Refresh</a> · <a href="/dev/mailbox.json">As JSON</a></p>
${messages.length === 0 ? '<p>No messages yet.</p>' : `<ol>\n${messages.map(renderMessage).join('\n')}\n</ol>`}
</main>
</body>
</html>
`;
}

/** Demo/dev only: the dev mailbox as a page and as JSON. Never mounted in production. */
export function devMailboxRouter(mailbox: DevMailbox): Router {
  const router = new Router();
  router.get('/dev/mailbox', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    ctx.type = 'html';
    ctx.body = renderPage(mailbox.messages());
  });
  router.get('/dev/mailbox.json', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { messages: mailbox.messages() };
  });
  return router;
}
