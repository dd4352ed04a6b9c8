import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A PGlite served over TCP in the PostgreSQL wire protocol, so that the service can reach it
 * through `pg` (DATABASE_URL) and a test can cut the line between them.
 *
 * Why not @electric-sql/pglite-socket: its releases pin an exact PGlite (0.5.14) and seven
 * extension packages as peer dependencies, which npm refuses beside this repository's PGlite
 * (ERESOLVE). What it does is small, and is done here the same way: each message goes to
 * PGlite's `execProtocolRaw` and the answer back to the socket.
 *
 * PGlite is ONE backend, so connections take turns: a connection holds the backend from its
 * first message until PGlite answers ReadyForQuery "idle", so an extended query (Parse … Sync)
 * or a transaction is never interleaved with another connection's messages. Named prepared
 * statements a connection made are deallocated when it goes, so the next connection (which
 * knows nothing of them) can prepare them again; two connections using the same names at the
 * same time would clash, so give the service a pool of one (plus its LISTEN connection).
 */
export interface PGliteTcpServer {
  /** `postgres://…` for `pg`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const sslRequest = 80877103;
const gssEncRequest = 80877104;
const cancelRequest = 80877102;

/** One turn at a time on the single backend. */
class Turns {
  private tail: Promise<void> = Promise.resolve();
  holder: object | undefined;

  async take(who: object): Promise<void> {
    if (this.holder === who) return;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    await before;
    this.holder = who;
    this.releaseCurrent = () => {
      this.holder = undefined;
      release();
    };
  }

  releaseCurrent: () => void = () => undefined;

  give(who: object): void {
    if (this.holder === who) this.releaseCurrent();
  }
}

/** @returns the transaction status of the last ReadyForQuery in a backend answer, if any */
function lastReadyStatus(answer: Uint8Array): string | undefined {
  let status: string | undefined;
  let at = 0;
  while (at + 5 <= answer.length) {
    const type = answer[at];
    const length = ((answer[at + 1] ?? 0) << 24) | ((answer[at + 2] ?? 0) << 16) | ((answer[at + 3] ?? 0) << 8) | (answer[at + 4] ?? 0);
    if (type === 0x5a && length === 5) status = String.fromCharCode(answer[at + 5] ?? 0);
    at += 1 + length;
  }
  return status;
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private work: Promise<void> = Promise.resolve();
  private readonly prepared = new Set<string>();
  private gone = false;

  constructor(
    private readonly socket: Socket,
    private readonly pglite: PGlite,
    private readonly turns: Turns,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.work = this.work.then(() => this.drain()).catch(() => {
        this.socket.destroy();
      });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.gone = true;
      this.work = this.work.then(() => this.cleanUp()).catch(() => undefined);
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.gone) return;
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        const message = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        if (code === sslRequest || code === gssEncRequest) {
          this.socket.write('N');
          continue;
        }
        if (code === cancelRequest) {
          this.socket.destroy();
          return;
        }
        this.started = true;
        await this.send(message);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const type = String.fromCharCode(this.buffer[0] ?? 0);
      const message = this.buffer.subarray(0, 1 + length);
      this.buffer = this.buffer.subarray(1 + length);
      // Terminate ends this connection, not the one backend every connection shares.
      if (type === 'X') {
        this.socket.end();
        return;
      }
      if (type === 'P') {
        const name = message.subarray(5, message.indexOf(0, 5)).toString('utf8');
        if (name) this.prepared.add(name);
      }
      await this.send(message);
    }
  }

  private async send(message: Uint8Array): Promise<void> {
    await this.turns.take(this);
    const answer = await this.pglite.execProtocolRaw(new Uint8Array(message));
    if (!this.gone && answer.length > 0) this.socket.write(answer);
    const status = lastReadyStatus(answer);
    if (status === 'I') this.turns.give(this);
  }

  /** The connection went: leave the backend as a new connection expects to find it. */
  private async cleanUp(): Promise<void> {
    if (!this.started) return;
    await this.turns.take(this);
    try {
      // An extended query cut before its Sync, then a transaction left open.
      await this.pglite.execProtocolRaw(new Uint8Array([0x53, 0, 0, 0, 4]));
      if (this.pglite.isInTransaction()) await this.pglite.execProtocolRaw(simpleQuery('rollback'));
      for (const name of this.prepared) await this.pglite.execProtocolRaw(simpleQuery(`deallocate "${name.replaceAll('"', '""')}"`));
    } finally {
      this.turns.give(this);
    }
  }
}

/**
 * Serve a PGlite on 127.0.0.1 (a free port).
 * @returns its URL, and close (which leaves the PGlite open)
 */
export async function servePGlite(pglite: PGlite): Promise<PGliteTcpServer> {
  await pglite.waitReady;
  const turns = new Turns();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new Connection(socket, pglite, turns);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
