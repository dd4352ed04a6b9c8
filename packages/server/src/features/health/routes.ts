import { problem } from '../../http/problem.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';
import { checkReadiness } from './readiness.js';

/** Liveness, readiness, metrics, and how to report a security problem. docs/operations.md */
export function healthOperations({ db, securityContact, metrics, shuttingDown }: AppServices): OperationHandlers {
  return {
    // Liveness only: answers without touching the database, so an outage does not get the
    // instance restarted (that is what readiness is for).
    getHealth: async (ctx) => {
      ctx.body = { status: 'ok' };
    },
    getReadiness: async (ctx) => {
      // First, so that the load balancer stops sending requests before the instance stops listening.
      if (shuttingDown()) throw problem('notReady', 'This instance is shutting down.', { headers: { 'Retry-After': '10' } });
      const readiness = await checkReadiness(db);
      if (!readiness.ready) throw problem('notReady', readiness.detail, { headers: { 'Retry-After': String(readiness.retryAfterSeconds) } });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { status: 'ready', migrations: readiness.migration };
    },
    getMetrics: async (ctx) => {
      if (!metrics.accepts(ctx.get('Authorization') || undefined)) {
        throw problem('unauthenticated', 'Send the metrics token (VP_METRICS_TOKEN) as Authorization: Bearer.', { headers: { 'WWW-Authenticate': 'Bearer' } });
      }
      const { contentType, text } = await metrics.render();
      ctx.set('Cache-Control', 'no-store');
      ctx.type = contentType;
      ctx.body = text;
    },
    // RFC 9116: Contact and Expires are required; Expires less than a year ahead.
    getSecurityTxt: async (ctx) => {
      const expires = new Date(Date.now() + 180 * 86_400_000);
      expires.setUTCHours(0, 0, 0, 0);
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Contact: ${securityContact}\nExpires: ${expires.toISOString()}\nPreferred-Languages: en, cy\n`;
    },
  };
}
