// Every HTTP answer is read with a byte cap (src/http/capped-body.ts): a server that streams
// without end, or announces a huge Content-Length, gets an "answer too large" error naming the
// endpoint, and the connection is dropped instead of read on.
import { afterEach, describe, expect, it } from '@jest/globals';
import { Deadline } from '../../src/http/deadline.js';
import { HttpError } from '../../src/http/errors.js';
import { MAX_BODY_BYTES, readCappedText } from '../../src/http/capped-body.js';
import { createHttpClient } from '../../src/http/client.js';
import { flood, startHostileHttp, type HostileHttp } from '../helpers/hostile-http.js';

let server: HostileHttp | undefined;
let deadline: Deadline | undefined;
afterEach(async () => {
  deadline?.dispose();
  await server?.close();
});

const get = async (url: string, maxBodyBytes?: number) => {
  deadline = new Deadline(20_000);
  const http = createHttpClient({ deadline });
  return http.request({
    method: 'GET',
    url,
    endpointName: 'Microsoft Graph (list applications)',
    maxBodyBytes,
  });
};

describe('the capped body reader', () => {
  it('a body that never ends: "answer too large from <endpoint>", reading stops near the cap', async () => {
    server = await startHostileHttp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      flood(res, `{"value":[${'{"appId":"x"},'.repeat(4096)}`);
    });
    const error = await get(`${server.url}/v1.0/applications`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).kind).toBe('bad-response');
    expect((error as HttpError).message).toMatch(
      /^answer too large from Microsoft Graph \(list applications\) \(http:\/\/127\.0\.0\.1:\d+\/v1\.0\/applications\): more than 8 MiB/,
    );
    // Not retried: a second flood would prove nothing. The server got to send little more than
    // the cap (socket buffers), not the gigabyte it meant to.
    expect(server.requests).toHaveLength(1);
    expect(server.sent.bytes).toBeLessThan(MAX_BODY_BYTES + 8 * 1024 * 1024);
  });

  it('a Content-Length over the cap is refused before the body is read', async () => {
    server = await startHostileHttp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2000000' });
      res.write('{');
    });
    const error = await get(`${server.url}/x`, 1024 * 1024).catch((e: unknown) => e);
    expect((error as HttpError).message).toMatch(/answer too large from .*: more than 1 MiB/);
  });

  it('reads any async iterable of chunks, strings or bytes, up to the cap', async () => {
    const chunks = () => ['ab', new TextEncoder().encode('cé')].values();
    const iterable = () => ({ [Symbol.asyncIterator]: () => toAsync(chunks()) });
    await expect(readCappedText(iterable(), 5)).resolves.toBe('abcé');
    await expect(readCappedText(iterable(), 4)).rejects.toThrow('more than 4 bytes');
  });
});

function toAsync<T>(items: Iterator<T>): AsyncIterator<T> {
  return { next: () => Promise.resolve(items.next()) };
}
