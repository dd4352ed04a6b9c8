import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';

/** Liveness, and how to report a security problem. */
export function healthOperations({ securityContact }: AppServices): OperationHandlers {
  return {
    // Liveness only: answers without touching the database (readiness comes with /readyz).
    getHealth: async (ctx) => {
      ctx.body = { status: 'ok' };
    },
    // SCAFFOLD (issue 7, in progress): replaced by readiness and Prometheus metrics.
    getReadiness: async () => {
      throw new Error('not implemented yet');
    },
    getMetrics: async () => {
      throw new Error('not implemented yet');
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
