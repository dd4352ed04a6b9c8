import { existsSync } from 'node:fs';
import type { Middleware } from 'koa';
import serve from 'koa-static';

const placeholder = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Victim Portal demo</title></head>
<body>
<main>
<h1>Victim Portal demo</h1>
<p>The example force website (examples/force-website/public) is not here yet.</p>
<ul>
<li><a href="/dev/mailbox">Dev mailbox</a>: the invites the demo has "sent"</li>
<li><a href="/healthz">Health check</a></li>
</ul>
</main>
</body>
</html>
`;

/**
 * Demo only: the example force website at `/` and the widget bundle at `/widgets/`. Either
 * folder may be missing (others build them): the site then gets a placeholder page.
 */
export function staticFiles(options: { siteDir: string | undefined; widgetsDir: string | undefined }): Middleware {
  const site = options.siteDir && existsSync(options.siteDir) ? serve(options.siteDir, { index: 'index.html' }) : undefined;
  const widgets = options.widgetsDir ? serve(options.widgetsDir) : undefined;
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path.startsWith('/widgets/')) {
      // Mounted under /widgets/: the folder sees the path without the prefix.
      if (!widgets || !existsSync(options.widgetsDir ?? '')) return next();
      const mountedPath = ctx.path;
      ctx.path = mountedPath.slice('/widgets'.length);
      try {
        return await widgets(ctx, async () => {
          ctx.path = mountedPath;
          await next();
        });
      } finally {
        ctx.path = mountedPath;
      }
    }
    if (site) return site(ctx, next);
    if (ctx.path === '/' || ctx.path === '/index.html') {
      ctx.type = 'html';
      ctx.body = placeholder;
      return;
    }
    return next();
  };
}
