// Performs the plan's writes in order, one at a time, and stops at the first that Graph refuses:
// nothing after it is sent. A refusal names what the administrator lacks. Graph answers the same
// 403 Authorization_RequestDenied whether the sign-in lacks the delegated permission or the user
// lacks the directory role (https://learn.microsoft.com/graph/errors ; a refused write as a user
// reported it: https://github.com/microsoftgraph/microsoft-graph-docs/issues/12833), so the
// permission is checked against the scopes the sign-in was given, and the roles are named.
import type { GraphClient } from '../graph/client.js';
import type { GraphReadFailure } from '../graph/types.js';
import { NEW_SP, type PlannedWrite } from './plan.js';

export interface WriteResult {
  write: PlannedWrite;
  /** The path as sent (with a new service principal's id filled in). */
  path: string;
  status: number;
  /** Graph's answer in short: the new object's id, "No Content", or the error. */
  answer: string;
  ok: boolean;
}

export interface ApplyResult {
  results: WriteResult[];
  /** Set when a write was refused: what to do about it. */
  refusal?: { write: PlannedWrite; reason: string; fix: string };
  /** Writes not sent because an earlier one was refused. */
  notSent: PlannedWrite[];
}

export async function applyWrites(
  graph: GraphClient,
  writes: PlannedWrite[],
  adminScopes: readonly string[],
): Promise<ApplyResult> {
  const results: WriteResult[] = [];
  let newSpId: string | undefined;
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const fill = <T>(value: T): T =>
      newSpId ? (JSON.parse(JSON.stringify(value).split(NEW_SP).join(newSpId)) as T) : value;
    const path = fill(write.path);
    const reply = await graph.write(write.method, path, fill(write.body), write.what);
    const ok = reply.ok;
    const status = reply.ok ? reply.status : (reply.failure.status ?? 0);
    results.push({ write, path, status, answer: summarize(reply), ok });
    if (reply.ok && write.createsServicePrincipal) {
      const id = (reply.body as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') newSpId = id;
    }
    if (!reply.ok)
      return {
        results,
        refusal: explain(write, reply.failure, adminScopes),
        notSent: writes.slice(i + 1),
      };
  }
  return { results, notSent: [] };
}

type WriteReply = Awaited<ReturnType<GraphClient['write']>>;

function summarize(reply: WriteReply): string {
  if (!reply.ok) return clean(reply.failure.message);
  if (reply.status === 204) return 'No Content';
  const id = (reply.body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? `created, id ${clean(id)}` : 'OK';
}

function explain(write: PlannedWrite, failure: GraphReadFailure, adminScopes: readonly string[]) {
  const { permission, roles } = write.needs;
  const base = permission.split(' ')[0]!;
  const roleText = `one of the directory roles ${roles.join(', ')}`;
  const refused = `Microsoft Graph refused it (${clean(failure.message)})`;
  if (failure.status === 403) {
    const scoped = adminScopes.some((s) => s.toLowerCase().endsWith(base.toLowerCase()));
    return {
      write,
      reason: scoped
        ? `${refused}: the write needs ${permission} and ${roleText}; the sign-in holds ${base}, so the signed-in administrator most likely lacks the role.`
        : `${refused}: the sign-in does not hold the delegated permission ${permission}${adminScopes.length ? ` (it holds ${adminScopes.join(', ')})` : ''}; the administrator also needs ${roleText}.`,
      fix: `Sign in as an administrator with ${roleText} (activate it in PIM if it is eligible only) and consent to ${permission} when asked, then run setup --apply again: the writes already made are not repeated.`,
    };
  }
  return {
    write,
    reason: refused,
    fix: 'Nothing after this write was sent. Run setup again to see the plan as the tenant is now.',
  };
}

/** Graph's text goes to a terminal: no control characters, bounded length. */
export const clean = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 300);
