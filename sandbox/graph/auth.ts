// Who is calling Graph: the sandbox accepts only app-only tokens it issued for Graph.
import type { GraphAnswer, GraphRequest } from '../routes/graph.js';
import { graphError } from './errors.js';

export function graphCaller(req: GraphRequest): { ok: true } | { ok: false; answer: GraphAnswer } {
  const aud = req.claims?.aud;
  if (
    !req.claims ||
    (aud !== 'https://graph.microsoft.com' && aud !== '00000003-0000-0000-c000-000000000000')
  ) {
    return {
      ok: false,
      answer: graphError(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
      ),
    };
  }
  return { ok: true };
}
