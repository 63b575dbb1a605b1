// Microsoft Graph for the sandbox tenant. Filled in by the permissions work: for now every Graph
// path answers Graph's 404 shape.
import type { SandboxTenant } from '../tenant.js';

export interface GraphRequest {
  method: string;
  /** Path after the version segment, with query, e.g. /applications(appId='...')?$select=... */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  tenant: SandboxTenant;
  /** The bearer token's decoded claims (the sandbox checks only its own signature). */
  claims?: Record<string, unknown>;
}

export interface GraphAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function answerGraphRequest(req: GraphRequest): GraphAnswer {
  return {
    status: 404,
    body: {
      error: {
        code: 'Request_ResourceNotFound',
        message: `Resource '${req.path}' does not exist.`,
      },
    },
  };
}
