// What the mailbox logins showed, per protocol, for the permissions check: with
// `exchange-authorization: auto` a missing Exchange app role is a failure only when the login for
// its protocol failed too (Exchange RBAC for Applications authorizes an app without any Entra
// role). The mailbox check publishes once, always (also when it skipped or threw); the run's
// deadline bounds the wait either way.
import type { RunContext } from '../engine/context.js';
import type { MailProtocol } from '../mailbox/probe-types.js';

/** ok: logged in; refused: Exchange refused the login; unknown: no login or no verdict. */
export type ProbeResult = 'ok' | 'refused' | 'unknown';
export type ProbeResults = Partial<Record<MailProtocol, ProbeResult>>;

interface Shared {
  promise: Promise<ProbeResults>;
  settle(results: ProbeResults): void;
}

function shared(ctx: RunContext): Promise<Shared> {
  return ctx.once('mailbox-probe-results', () => {
    let settle!: (results: ProbeResults) => void;
    const promise = new Promise<ProbeResults>((resolve) => (settle = resolve));
    return Promise.resolve({ promise, settle });
  });
}

export async function publishProbeResults(ctx: RunContext, results: ProbeResults): Promise<void> {
  (await shared(ctx)).settle(results);
}

/** The logins' results; empty when the mailbox check does not run or the deadline passed. */
export async function probeResults(ctx: RunContext): Promise<ProbeResults> {
  if (!ctx.settings.checks.includes('mailbox')) return {};
  const { promise } = await shared(ctx);
  const signal = ctx.deadline.signal;
  if (signal.aborted) return {};
  return Promise.race([
    promise,
    new Promise<ProbeResults>((resolve) =>
      signal.addEventListener('abort', () => resolve({}), { once: true }),
    ),
  ]);
}
