// Reads a response body with a byte cap, whatever transport produced it (any async iterable of
// byte chunks: undici's body, a Node stream, a web stream). A server that answers a token or
// Graph request with gigabytes — hostile, broken or a misdirected download — costs at most the
// cap in memory: reading stops there and the body is dropped.

/** Largest answer read from an HTTP endpoint (token, Graph page or $batch): README, Security. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** "8 MiB", "512 KiB": the cap as people read it. */
export function describeBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

type Body = AsyncIterable<Uint8Array | string> & { destroy?: (error?: Error) => unknown };

/**
 * The body as UTF-8 text, or BodyTooLarge once more than `limit` bytes arrived (or a
 * Content-Length says they will). The body is destroyed then, so the connection is not read on.
 */
export async function readCappedText(
  body: Body,
  limit: number = MAX_BODY_BYTES,
  declaredLength?: string,
): Promise<string> {
  const tooLarge = () => {
    const error = new BodyTooLarge(limit);
    body.destroy?.(error);
    return error;
  };
  if (declaredLength !== undefined && Number(declaredLength) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    // A Buffer (Node streams) is kept as it is; a bare Uint8Array is viewed, not copied.
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    if (size > limit) throw tooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
