import type { RunningServer } from './server.js';

/** Close the server on SIGINT/SIGTERM (Ctrl-C, container stop), once; a second signal exits at once. */
export function closeOnSignals(server: RunningServer, say: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    say(`${signal}: finishing requests in flight and closing the database…`);
    server.close().then(
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
