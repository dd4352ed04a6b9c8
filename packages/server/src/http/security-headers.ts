import type { Middleware } from 'koa';

/** What the API's answers may do in a browser: nothing. They are data, never a page. */
export const apiContentSecurityPolicy = "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The demo's pages (force website, widget bundle): scripts and styles from this origin only,
 * no inline script or style, no plugins, no <base> hijack. Lit's styles are constructable
 * stylesheets, which CSP does not count as inline.
 */
export const pageContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

// The dev mailbox (demo only) styles itself with one inline <style> and runs no script.
const devMailboxContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Paths that are the API (or its well-known neighbours) whatever they answer, problems included.
const apiPaths = /^\/(v1\/|\.well-known\/|healthz$|readyz$|metrics$)/;

/**
 * Security headers on every response the service serves: API answers, problems (the problem
 * middleware runs inside this one, so its answers carry them too), the demo's static pages.
 */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    // Invite tokens live in URL fragments, which browsers never send; this also keeps case
    // and page paths out of any Referer header.
    ctx.set('Referrer-Policy', 'no-referrer');
    // Two years. Ignored by browsers over plain HTTP (local demo); binding behind TLS.
    // No `preload`: that commits the force's whole domain, their decision, not ours.
    ctx.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    ctx.set('Content-Security-Policy', apiContentSecurityPolicy);
    ctx.set('X-Frame-Options', 'DENY');
    // Nothing the API says about a case, a session or a sign-in may be kept by a browser or a
    // proxy; nor the dev mailbox's one-time codes and links.
    if (ctx.path.startsWith('/v1/') || ctx.path.startsWith('/dev/')) ctx.set('Cache-Control', 'no-store');
    try {
      await next();
    } finally {
      if (!apiPaths.test(ctx.path) && ctx.response.is('html')) {
        const devPage = ctx.path.startsWith('/dev/');
        ctx.set('Content-Security-Policy', devPage ? devMailboxContentSecurityPolicy : pageContentSecurityPolicy);
        // Framing by the page's own origin only (the demo's pages may embed each other).
        ctx.set('X-Frame-Options', devPage ? 'DENY' : 'SAMEORIGIN');
      }
    }
  };
}
