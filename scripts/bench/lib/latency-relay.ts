// A TCP relay on loopback that delays every chunk by half of `rttMs` in each direction, so that
// each round trip through it costs `rttMs` more: the bench counts a dialogue's round trips as
// (time with latency - time without) / latency. Bytes pass unchanged (TLS goes end to end).
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface LatencyRelay {
  host: string;
  port: number;
  rttMs: number;
  close(): Promise<void>;
}

export async function startLatencyRelay(
  target: { host: string; port: number },
  initialRttMs = 0,
): Promise<LatencyRelay> {
  const sockets = new Set<Socket>();
  const relay: LatencyRelay = {
    host: '127.0.0.1',
    port: 0,
    rttMs: initialRttMs,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
  /** Forwards `from` to `to`, each chunk half a round trip later, in order; ends likewise. */
  const pipeDelayed = (from: Socket, to: Socket) => {
    let last = 0;
    const later = (action: () => void) => {
      // Chunks keep their order: none leaves before the one ahead of it.
      const due = Math.max(Date.now() + relay.rttMs / 2, last);
      last = due;
      const wait = due - Date.now();
      if (wait <= 0) action();
      else setTimeout(action, wait);
    };
    from.on('data', (chunk) => later(() => to.writable && to.write(chunk)));
    from.on('end', () => later(() => to.end()));
    from.on('error', () => later(() => to.destroy()));
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  relay.port = (server.address() as AddressInfo).port;
  return relay;
}
