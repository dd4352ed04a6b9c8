import type { Knex } from 'knex';
import type { Middleware } from 'koa';

// Only what a victim's browser calls, from the force's own website. Force-key operations are
// for records systems, server to server, and never answer a browser on another origin.
const browserPaths = /^\/v1\/(me\/|invites\/|sign-in-links$)/;
const cacheSeconds = 30;

/**
 * The origins any force allows (ForceSettings.allowedOrigins), read from the database at most
 * every 30 s, and at once after a change made through this process.
 */
export class AllowedOrigins {
  private origins: Promise<Set<string>> | undefined;
  private readAt = 0;

  constructor(private readonly db: Knex) {}

  invalidate(): void {
    this.origins = undefined;
  }

  async has(origin: string): Promise<boolean> {
    if (!this.origins || Date.now() - this.readAt > cacheSeconds * 1000) {
      this.readAt = Date.now();
      this.origins = this.db
        .raw<{ rows: Array<{ origin: string }> }>('select distinct unnest(allowed_origins) as origin from forces')
        .then(({ rows }) => new Set(rows.map((row) => row.origin)))
        .catch((error: unknown) => {
          this.origins = undefined;
          throw error;
        });
    }
    return (await this.origins).has(origin.toLowerCase());
  }
}

/**
 * CORS for the victim API: an allowed origin gets the headers it needs (bearer tokens, no
 * cookies, so no credentials mode); preflights are answered here. Any other origin gets no
 * CORS headers, and its browser keeps the response from the page.
 */
export function cors(allowed: AllowedOrigins, allowedMethods: (path: string) => string[]): Middleware {
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    if (!origin || !browserPaths.test(ctx.path) || !(await allowed.has(origin))) return next();
    ctx.vary('Origin');
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After');
    if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method')) {
      ctx.set('Access-Control-Allow-Methods', allowedMethods(ctx.path).join(', '));
      ctx.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Request-Id');
      ctx.set('Access-Control-Max-Age', '600');
      ctx.status = 204;
      return;
    }
    await next();
  };
}
