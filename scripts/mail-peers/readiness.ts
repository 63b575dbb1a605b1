// Start-up readiness: free loopback ports for the daemons, and each server's greeting (TCP
// accept alone is not enough: login processes hold the greeting until auth is up).
import { once } from 'node:events';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { type Daemon } from './processes.js';

const HOST = '127.0.0.1';

export interface Listener {
  kind: 'imap' | 'pop' | 'smtp';
  port: number;
  tls: boolean;
}

const GREETING = { imap: /^\* OK/, pop: /^\+OK/, smtp: /^220 / };

export async function waitForGreetings(
  listeners: Listener[],
  ca: string,
  daemons: Daemon[],
  /** performance.now() value after which to give up. */
  deadline: number,
) {
  for (const listener of listeners) {
    // TCP accept is not enough: login processes hold the greeting until auth is up.
    while (!(await greets(listener, ca))) {
      const dead = daemons.find((d) => d.hasExited());
      if (dead) throw new Error(`${dead.name} exited during start-up (see its log)`);
      if (performance.now() > deadline) {
        throw new Error(`no ${listener.kind} greeting on ${HOST}:${listener.port}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

function greets(listener: Listener, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = listener.tls
      ? tls.connect({ host: HOST, port: listener.port, ca })
      : net.connect(listener.port, HOST);
    let text = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\n')) finish(GREETING[listener.kind].test(text));
    });
  });
}

export async function freePorts(count: number): Promise<number[]> {
  // Hold all at once so the kernel hands out distinct ports, then release them for the daemons.
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = net.createServer();
      server.listen(0, HOST);
      await once(server, 'listening');
      return server;
    }),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}
