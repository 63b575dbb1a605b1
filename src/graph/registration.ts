// The registration as Microsoft Graph shows it, read once per run with an app-only Graph token
// from the same app (a service principal may read its own application without any Graph
// permission). Shared by the permissions and secret-expiry checks.
import type { RunContext } from '../engine/context.js';
import { getGraphToken } from '../identity/tokens.js';
import { HttpError } from '../http/errors.js';
import {
  applicationSchema,
  graphErrorSchema,
  type Application,
  type GraphReadFailure,
} from './types.js';

export interface RegistrationRead {
  application?: Application;
  /** Set when the application could not be read. */
  failure?: GraphReadFailure;
}

export const APPLICATION_SELECT =
  'id,appId,displayName,requiredResourceAccess,passwordCredentials,keyCredentials,isFallbackPublicClient,signInAudience';

export function getRegistration(ctx: RunContext): Promise<RegistrationRead> {
  return ctx.once('registration', async () => {
    const token = await getGraphToken(ctx);
    if (!token)
      return {
        failure: { message: 'no client secret was given, so Microsoft Graph could not be read' },
      };
    if (!token.ok)
      return {
        failure: { message: `no Graph token: ${token.failure.summary}`, code: token.failure.code },
      };
    const { clientId, endpoints } = ctx.settings;
    const url = `${endpoints.graph}/v1.0/applications(appId='${clientId}')?$select=${APPLICATION_SELECT}`;
    try {
      const res = await ctx.http.request({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token.token.accessToken}`, accept: 'application/json' },
        endpointName: 'Microsoft Graph (application)',
      });
      const body = safeJson(res.text);
      if (res.status === 200) {
        const app = applicationSchema.safeParse(body);
        if (app.success) return { application: app.data };
        return {
          failure: {
            status: 200,
            message: `Microsoft Graph answered an application of an unexpected shape (${res.contentType})`,
          },
        };
      }
      const err = graphErrorSchema.safeParse(body);
      return {
        failure: {
          status: res.status,
          code: err.success ? err.data.error.code : undefined,
          message: `Microsoft Graph answered HTTP ${res.status}${err.success ? ` ${err.data.error.code}` : ` (${res.contentType || 'no content type'})`}`,
        },
      };
    } catch (error) {
      if (error instanceof HttpError) return { failure: { message: error.message } };
      throw error;
    }
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
