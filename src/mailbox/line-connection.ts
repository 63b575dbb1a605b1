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

/**
 * Bounds on what one mail connection reads (README, Security). The probes send five commands at
 * most; Exchange answers each in a handful of short lines. A server that floods lines or bytes
 * past these is cut off with a protocol failure instead of filling memory and the report.
 */
export const MAIL_LIMITS = {
  /** One reply line (RFC 5321 allows 512 octets for SMTP; IMAP capability lines stay short). */
  lineBytes: 16 * 1024,
  /** Lines read from the server over the whole connection. */
  linesRead: 1000,
  /** Bytes read from the server over the whole connection. */
  bytesRead: 1024 * 1024,
  /** Server lines kept in the transcript; later ones are counted, not kept. */
  transcriptLines: 100,
} as const;
/** How long an ended connection may wait for the server's side to close before it is dropped. */
const LINGER_MS = 2_000;

export class LineConnection {
  private socket?: net.Socket;
  private buffer = '';
  private readonly lines: string[] = [];
  private linesRead = 0;
  private bytesRead = 0;
  private keptLines = 0;
  private droppedNote?: TranscriptLine;
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
    this.record({ dir: 'C', text: shownAs });
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
      // After a flood or an overlong line nothing more of this server is read, queued or not
      // (a reply and then a close is different: that reply is still read).
      if (failure.kind === 'protocol') this.lines.length = 0;
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

  /**
   * Closes after what was sent has gone out (TLS close_notify, then FIN), without waiting for the
   * server: what it still says is not read. A server that never closes its side is dropped later.
   */
  end(): void {
    const socket = this.socket;
    if (this.failure || !socket) return this.close();
    this.failure = new ConnectionFailure(
      'aborted',
      `connection to ${this.where} ended by the caller`,
    );
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.failure);
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
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
    if (this.failure) return;
    this.bytesRead += Buffer.byteLength(chunk);
    if (this.bytesRead > MAIL_LIMITS.bytesRead) {
      this.fail(
        new ConnectionFailure(
          'protocol',
          `${this.where} sent more than ${MAIL_LIMITS.bytesRead / 1024} KiB; no mail server needs that much to answer these commands`,
        ),
      );
      return;
    }
    this.buffer += chunk;
    // One pass over the chunk, the rest kept once: slicing the buffer per line would copy it
    // again for every line of a flood (quadratic).
    let start = 0;
    let end: number;
    while (!this.failure && (end = this.buffer.indexOf('\n', start)) >= 0) {
      const raw = this.buffer.slice(start, end);
      start = end + 1;
      this.onLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    }
    this.buffer = this.buffer.slice(start);
    if (!this.failure && Buffer.byteLength(this.buffer) > MAIL_LIMITS.lineBytes) {
      this.fail(
        new ConnectionFailure(
          'protocol',
          `a reply line from ${this.where} exceeds ${MAIL_LIMITS.lineBytes / 1024} KiB`,
        ),
      );
    }
  }

  private onLine(line: string) {
    this.linesRead += 1;
    if (this.linesRead > MAIL_LIMITS.linesRead) {
      this.fail(
        new ConnectionFailure(
          'protocol',
          `${this.where} sent more than ${MAIL_LIMITS.linesRead} lines; no mail server needs that many to answer these commands`,
        ),
      );
      return;
    }
    if (Buffer.byteLength(line) > MAIL_LIMITS.lineBytes) {
      this.fail(
        new ConnectionFailure(
          'protocol',
          `a reply line from ${this.where} exceeds ${MAIL_LIMITS.lineBytes / 1024} KiB`,
        ),
      );
      return;
    }
    const text = this.redactor.redact(line);
    this.record({ dir: 'S', text });
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) waiter.resolve(text);
    else this.lines.push(text);
  }

  /** Keeps the first server lines; later ones are counted on one line of the transcript. */
  private record(entry: TranscriptLine) {
    if (entry.dir === 'C' || this.keptLines < MAIL_LIMITS.transcriptLines) {
      if (entry.dir === 'S') this.keptLines += 1;
      this.transcript.push(entry);
      return;
    }
    if (!this.droppedNote) {
      this.droppedNote = { dir: 'S', text: '' };
      this.transcript.push(this.droppedNote);
    }
    const more = this.linesRead - MAIL_LIMITS.transcriptLines;
    this.droppedNote.text = `… ${more} more line${more === 1 ? '' : 's'} from the server, not kept`;
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
