// A CRLF line reader/writer over node:net + node:tls with STARTTLS upgrade. Raw sockets rather
// than an IMAP/SMTP library because the probes need the server's exact replies, control over
// STARTTLS, and a connection opened before the token exists. Every line read or written is
// recorded in the transcript, after redaction.
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { MailEndpoint, TranscriptLine } from './probe-types.js';
import type { Redactor } from '../engine/redactor.js';

export type ConnectionFailureKind = 'timeout' | 'aborted' | 'network' | 'closed' | 'protocol';

/** A failure below the protocol: the socket, TLS, a timeout or the caller. */
export class ConnectionFailure extends Error {
  constructor(
    readonly kind: ConnectionFailureKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ConnectionFailure';
  }
}

export interface ConnectOptions {
  ca?: string | Buffer;
  servername?: string;
}

const MAX_LINE = 1 << 20; // a reply longer than 1 MiB is not a mail server talking

export class LineConnection {
  private socket?: net.Socket;
  private buffer = '';
  private readonly lines: string[] = [];
  private waiter?: { resolve: (line: string) => void; reject: (error: Error) => void };
  private failure?: ConnectionFailure;
  readonly where: string;

  constructor(
    private readonly endpoint: MailEndpoint,
    private readonly options: ConnectOptions,
    private readonly transcript: TranscriptLine[],
    private readonly redactor: Redactor,
  ) {
    this.where = `${endpoint.host}:${endpoint.port}`;
  }

  /** TCP connect; `onTcp` runs once connected (before TLS), so the caller can track the stage. */
  async connect(implicitTls: boolean, onTcp: () => void): Promise<void> {
    if (this.failure) throw this.failure; // aborted or closed before it started
    const raw = net.connect({ host: this.endpoint.host, port: this.endpoint.port });
    this.attach(raw);
    await this.until(raw, 'connect');
    onTcp();
    if (implicitTls) await this.upgrade();
  }

  /** Wraps the current socket in TLS (implicit TLS, or after a STARTTLS reply). */
  async upgrade(): Promise<void> {
    if (this.failure) throw this.failure;
    // Bytes that arrived before the handshake would be unauthenticated plaintext (STARTTLS
    // injection): refuse rather than read them as if they came over TLS.
    if (this.buffer.length > 0 || this.lines.length > 0) {
      throw this.fail(
        new ConnectionFailure('protocol', `unexpected data before TLS from ${this.where}`),
      );
    }
    const raw = this.socket!;
    raw.removeAllListeners('data');
    const host = this.endpoint.host;
    const secure = tls.connect({
      socket: raw,
      host,
      // SNI must not be an IP address; certificate checks still use `host` then.
      servername: this.options.servername ?? (net.isIP(host) ? undefined : host),
      ca: this.options.ca,
    });
    this.attach(secure);
    await this.until(secure, 'secureConnect');
  }

  send(line: string, shownAs: string = line): void {
    this.transcript.push({ dir: 'C', text: shownAs });
    if (this.failure) return; // the next read reports it
    this.socket?.write(`${line}\r\n`);
  }

  readLine(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Ends the connection with `failure`: pending and later reads reject with it. */
  fail(failure: ConnectionFailure): ConnectionFailure {
    if (!this.failure) {
      this.failure = failure;
      this.socket?.destroy();
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter?.reject(failure);
    }
    return this.failure;
  }

  close(): void {
    this.fail(new ConnectionFailure('aborted', `connection to ${this.where} closed by the caller`));
  }

  private attach(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    // A probe waiting for its token must not keep the process alive; the phase timer does that
    // while the probe is actually waiting on the server.
    socket.unref();
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => this.fail(this.describe(error)));
    socket.on('close', () =>
      this.fail(new ConnectionFailure('closed', `${this.where} closed the connection`)),
    );
  }

  private onData(chunk: string) {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const text = this.redactor.redact(this.buffer.slice(0, end).replace(/\r$/, ''));
      this.buffer = this.buffer.slice(end + 1);
      this.transcript.push({ dir: 'S', text });
      const waiter = this.waiter;
      this.waiter = undefined;
      if (waiter) waiter.resolve(text);
      else this.lines.push(text);
    }
    if (this.buffer.length > MAX_LINE) {
      this.fail(new ConnectionFailure('protocol', `reply line from ${this.where} exceeds 1 MiB`));
    }
  }

  private until(socket: net.Socket, event: 'connect' | 'secureConnect'): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const onFail = () =>
        reject(
          this.failure ?? new ConnectionFailure('closed', `${this.where} closed the connection`),
        );
      socket.once('close', onFail);
      socket.once('error', onFail);
      socket.once(event, () => {
        socket.off('close', onFail);
        socket.off('error', onFail);
        resolve();
      });
    });
  }

  private describe(error: NodeJS.ErrnoException): ConnectionFailure {
    const code = error.code;
    const text = this.redactor.redact(error.message);
    if (code && /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO|VERIFY/i.test(code)) {
      return new ConnectionFailure(
        'network',
        `TLS certificate of ${this.where} not accepted: ${text} (${code})`,
        code,
      );
    }
    const detail = text.includes(this.where) ? text : `${text} (${this.where})`;
    return new ConnectionFailure('network', `${detail}`, code);
  }
}
