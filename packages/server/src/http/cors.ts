import type { Knex } from 'knex';
import type { Middleware } from 'koa';

// Only what a victim's browser calls, from the force's own website. Force-key operations are
// for records systems, server to server, and never answer a browser on another origin.
const browserPaths = /^\/v1\/(me\/|invites\/|sign-in-links$)/;
const cacheSeconds = 30;

/**
 * The force a browser request concerns, by id (a session's or an invite's) or by the slug the
 * request names (a sign-in link). Recorded with {@link requestConcernsForce}.
 */
export type RequestForce = { id: string } | { slug: string };

const requestForceKey = 'corsForce';

/**
 * Record the force this request concerns, so that CORS answers only origins that force
 * allows. Call it as soon as the force is known (before any refusal that concerns it);
 * a request that never names one keeps the answer for any force's origin.
 */
export function requestConcernsForce(ctx: { state: Record<string, unknown> }, force: RequestForce): void {
  ctx.state[requestForceKey] = force;
}

interface Cached<T> {
  readAt: number;
  value: Promise<T>;
}

/**
 * The origins forces allow (ForceSettings.allowedOrigins): all forces' together, and each
 * force's own. Read from the database at most every 30 s, and at once after a change made
 * through this process (invalidate).
 */
export class AllowedOrigins {
  private union: Cached<Set<string>> | undefined;
  // Only forces that exist are kept, so the map is as small as the number of forces
  // (twice: by id and by slug), whatever slugs a caller makes up.
  private readonly byForce = new Map<string, Cached<Set<string> | undefined>>();

  constructor(private readonly db: Knex) {}

  invalidate(): void {
    this.union = undefined;
    this.byForce.clear();
  }

  /** @returns whether any force allows this origin */
  async has(origin: string): Promise<boolean> {
    if (!this.union || Date.now() - this.union.readAt > cacheSeconds * 1000) {
      const value = this.db
        .raw<{ rows: Array<{ origin: string }> }>('select distinct unnest(allowed_origins) as origin from forces')
        .then(({ rows }) => new Set(rows.map((row) => row.origin)));
      const entry = { readAt: Date.now(), value };
      this.union = entry;
      value.catch(() => {
        if (this.union === entry) this.union = undefined;
      });
    }
    return (await this.union.value).has(origin.toLowerCase());
  }

  /** @returns whether this force allows the origin, or undefined when there is no such force */
  async forceAllows(force: RequestForce, origin: string): Promise<boolean | undefined> {
    const key = 'id' in force ? `id:${force.id}` : `slug:${force.slug}`;
    let entry = this.byForce.get(key);
    if (!entry || Date.now() - entry.readAt > cacheSeconds * 1000) {
      const value = this.db('forces')
        .select<{ allowed_origins: string[] }[]>('allowed_origins')
        .where('id' in force ? { id: force.id } : { slug: force.slug })
        .first()
        .then((row) => (row ? new Set(row.allowed_origins) : undefined));
      const fresh = { readAt: Date.now(), value };
      entry = fresh;
      this.byForce.set(key, fresh);
      value.then(
        (origins) => {
          if (!origins && this.byForce.get(key) === fresh) this.byForce.delete(key);
        },
        () => {
          if (this.byForce.get(key) === fresh) this.byForce.delete(key);
        },
      );
    }
    return (await entry.value)?.has(origin.toLowerCase());
  }
}

/**
 * CORS for the victim API: an allowed origin gets the headers it needs (bearer tokens, no
 * cookies, so no credentials mode); preflights are answered here. Any other origin gets no
 * CORS headers, and its browser keeps the response from the page.
 *
 * A preflight carries no credentials and no body, so it can only be checked against the
 * origins of all forces. The actual request is then bound to the force it concerns (see
 * requestConcernsForce): when that force does not allow the origin, the answer goes without
 * Access-Control-Allow-Origin and the page cannot read it. While no force is known (no valid
 * session, an unknown invite, a refusal before the handler), any force's origin may read it.
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
    try {
      await next();
    } finally {
      // Also when next() failed: a problem about another force's victim is not for this page.
      const force = ctx.state[requestForceKey] as RequestForce | undefined;
      // When the check itself fails, the headers go: the page gets nothing rather than too much.
      const allows = force ? await allowed.forceAllows(force, origin).catch(() => false) : undefined;
      if (allows === false) {
        ctx.remove('Access-Control-Allow-Origin');
        ctx.remove('Access-Control-Expose-Headers');
      }
    }
  };
}
