// A hostile HTTP server on loopback for the tests of issue 11: each request is answered by a
// scripted handler (a flood, a redirect, a crafted error body), and the server counts the bytes
// it managed to send, so a test can show that the client stopped reading.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileRequest {
  method: string;
  path: string;
  body: string;
}

export type Handler = (
  req: HostileRequest,
  res: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

export interface HostileHttp {
  url: string;
  requests: HostileRequest[];
  /** Bytes of response bodies written so far (what the client accepted before it hung up). */
  sent: { bytes: number };
  close(): Promise<void>;
}

export async function startHostileHttp(handler: Handler): Promise<HostileHttp> {
  const requests: HostileRequest[] = [];
  const sent = { bytes: 0 };
  const server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const req = {
        method: raw.method ?? '',
        path: raw.url ?? '/',
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(req);
      const write = res.write.bind(res);
      res.write = ((chunk: string | Buffer, ...rest: never[]) => {
        sent.bytes += Buffer.byteLength(chunk);
        return write(chunk, ...rest);
      }) as typeof res.write;
      void handler(req, res, raw);
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sent,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Writes `chunk` until the client stops reading (the socket closes) or `maxBytes` went out. */
export function flood(res: ServerResponse, chunk: string, maxBytes = 1 << 30): void {
  let written = 0;
  const pump = () => {
    while (!res.destroyed && written < maxBytes) {
      written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}
