import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy between the service and its database, so a test can take the database away and
 * bring it back without touching the machine's PostgreSQL (which others use) or restarting the
 * service: `cut()` resets every connection through it and refuses new ones, as a stopped or
 * unreachable server would; `restore()` lets connections through again.
 */
export interface DatabaseProxy {
  /** The target's URL with the proxy's host and port. */
  url: string;
  /** How many connections are open through the proxy now. */
  readonly open: number;
  /** Drop every connection, and refuse new ones until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * @param targetUrl the database's `postgres://` URL
 * @returns a proxy listening on 127.0.0.1 (a free port)
 */
export async function proxyDatabase(targetUrl: string): Promise<DatabaseProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const targetHost = target.hostname;
  const pairs = new Set<[Socket, Socket]>();
  let isCut = false;

  const server: Server = createServer((client) => {
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    get open() {
      return pairs.size;
    },
    cut() {
      isCut = true;
      // A reset, as from a server that went away, rather than a polite end of the session.
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        pair[0].resetAndDestroy();
        pair[1].destroy();
      }
    },
    restore() {
      isCut = false;
    },
    async close() {
      isCut = true;
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
