import type { CloseOptions, RunningServer } from './server.js';

/**
 * Close the server gracefully on SIGINT/SIGTERM (Ctrl-C, container stop), once: /readyz answers
 * 503 at once (for `notReadyForMs` before the server stops listening, so the load balancer
 * notices), live streams end with a retry hint, requests in flight and the outbox batch in hand
 * finish, then the database closes. A second signal exits at once.
 */
export function closeOnSignals(server: RunningServer, say: (line: string) => void = (line) => process.stdout.write(`${line}\n`), options: CloseOptions = {}): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    const waiting = options.notReadyForMs ? ` /readyz answers 503 for ${options.notReadyForMs / 1000} s, then` : '';
    say(`${signal}:${waiting} finishing requests in flight and the outbox batch in hand, then closing the database…`);
    server.close(options).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** @returns a positive whole number from the environment, or the fallback */
export function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}
