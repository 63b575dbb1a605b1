// Collections as Graph pages them: `value`, and an absolute `@odata.nextLink` carrying an opaque
// $skiptoken while more remain (the tenant's graphPageSize sets the page size).
import type { GraphRequest } from '../routes/graph.js';

export function page(
  req: GraphRequest,
  context: string,
  items: unknown[],
  query: URLSearchParams,
): Record<string, unknown> {
  const size = req.tenant.graphPageSize;
  const skip = Number(
    Buffer.from(query.get('$skiptoken') ?? '', 'base64url').toString('utf8') || '0',
  );
  if (!size) return { '@odata.context': context, value: items };
  const value = items.slice(skip, skip + size);
  const body: Record<string, unknown> = { '@odata.context': context, value };
  if (skip + size < items.length) {
    const host = String(req.headers.host ?? '127.0.0.1');
    const [path] = req.path.split('?');
    const next = new URLSearchParams(query);
    next.set('$skiptoken', Buffer.from(String(skip + size)).toString('base64url'));
    // Graph writes $-options unescaped ($skiptoken=...), values escaped.
    const search = [...next].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    body['@odata.nextLink'] = `http://${host}/v1.0${path}?${search}`;
  }
  return body;
}
