// Scripted loopback servers for what real Dovecot/Postfix cannot show: Exchange's own replies,
// silence (timeouts), echoes (redaction), untrusted certificates.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import type { MailEndpoint } from '../../src/mailbox/probe-types.js';

export interface Session {
  send(line: string): void;
  /** Server side of STARTTLS: call right after sending the 220 reply. */
  startTls(): void;
}

export interface FakeServerOptions {
  tls?: { key: string; cert: string };
  /** Sent on connect; omit for a server that accepts and never greets. */
  greeting?: string;
  /** With `tls`: start in plain text (SMTP STARTTLS) instead of implicit TLS. */
  plainFirst?: boolean;
  /** Called with each line the client sends. */
  onLine?(line: string, session: Session): void;
  /** Called once a client connected, after the greeting (a server that talks unasked). */
  onSession?(session: Session): void;
}

export interface FakeServer {
  endpoint: MailEndpoint;
  /** Every line received, in order. */
  received: string[];
  /** Calls `listener` when a client connects. */
  onConnect(listener: () => void): void;
  /** Calls `listener` when a client connection closes. */
  onClose(listener: () => void): void;
  /** Settles once a client has connected and every connection is closed again. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const closeListeners: (() => void)[] = [];
  const connectListeners: (() => void)[] = [];
  let seen = false;
  const handle = (raw: net.Socket) => {
    let socket = raw;
    seen = true;
    sockets.add(raw);
    for (const listener of connectListeners) listener();
    raw.on('close', () => {
      sockets.delete(raw);
      for (const listener of closeListeners) listener();
    });
    raw.on('error', () => undefined);
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        received.push(line);
        options.onLine?.(line, session);
      }
    };
    const session: Session = {
      send: (line) => socket.write(`${line}\r\n`),
      startTls: () => {
        if (!options.tls) throw new Error('startTls needs the tls option');
        socket.off('data', onData);
        const secure = new tls.TLSSocket(socket, {
          isServer: true,
          key: options.tls.key,
          cert: options.tls.cert,
        });
        secure.on('error', () => undefined);
        secure.on('data', onData);
        socket = secure;
      },
    };
    socket.on('data', onData);
    if (options.greeting !== undefined) session.send(options.greeting);
    options.onSession?.(session);
  };
  /** Implicit TLS when `tls` is set and `plainFirst` is not. */
  const server =
    options.tls && !options.plainFirst
      ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, handle)
      : net.createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: { host: '127.0.0.1', port },
    received,
    onClose: (listener) => closeListeners.push(listener),
    onConnect: (listener) => connectListeners.push(listener),
    idle: () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (seen && sockets.size === 0) resolve();
        };
        closeListeners.push(check);
        check();
      }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway self-signed certificate for 127.0.0.1 / localhost (openssl CLI). */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' }); // prettier-ignore
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
