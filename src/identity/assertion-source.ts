// Where a federated client assertion comes from, fresh for every token request: GitHub's OIDC
// token endpoint (the action, and the CLI inside GitHub Actions), or another CI system's OIDC token
// handed to the CLI in M365_CLIENT_ASSERTION or a file (GitLab `id_tokens`, Azure DevOps,
// Buildkite), read again for every request so a refreshed file is followed.
import { readFile } from 'node:fs/promises';
import type { HttpClient } from '../http/types.js';
import type { AssertionSource } from '../settings/client-auth.js';
import { fetchGithubOidcToken, type OidcFailure } from './github-oidc.js';

export type { AssertionSource };

export type AssertionOutcome =
  { ok: true; assertion: string } | { ok: false; failure: OidcFailure };

export async function nextAssertion(
  source: AssertionSource,
  deps: { http: HttpClient; registerSecret: (value: string) => void },
): Promise<AssertionOutcome> {
  if (source.kind === 'github') {
    const outcome = await fetchGithubOidcToken({ ...source, ...deps });
    return outcome.ok ? { ok: true, assertion: outcome.token } : outcome;
  }
  if (source.kind === 'value') return { ok: true, assertion: source.value };
  let text: string;
  try {
    text = (await readFile(source.path, 'utf8')).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return {
      ok: false,
      failure: {
        summary: `the client assertion file '${source.path}' could not be read (${code})`,
        remediation:
          'Write the CI system’s OIDC token to that file before the run, or pass it in M365_CLIENT_ASSERTION.',
      },
    };
  }
  deps.registerSecret(text);
  if (!text)
    return {
      ok: false,
      failure: {
        summary: `the client assertion file '${source.path}' is empty`,
        remediation: 'Write the CI system’s OIDC token (a JWT) to that file before the run.',
      },
    };
  return { ok: true, assertion: text };
}
