// What the mailbox logins showed, per protocol, for the permissions check: with
// `exchange-authorization: auto` a missing Exchange app role is a failure only when the login for
// its protocol failed too (Exchange RBAC for Applications authorizes an app without any Entra
// role). The mailbox check announces itself when it starts and publishes once when it ends (also
// when it skipped or threw); without it there is nothing to wait for, and the run's deadline bounds
// the wait either way.
import type { RunContext } from '../engine/context.js';
import type { ProbeResults } from '../mailbox/probe-types.js';

interface Shared {
  promise: Promise<ProbeResults>;
  settle(results: ProbeResults): void;
}

const pending = new WeakMap<RunContext, Shared>();

/** Called by the mailbox check as it starts (synchronously, before any check awaits). */
export function expectProbeResults(ctx: RunContext): (results: ProbeResults) => void {
  let settle!: (results: ProbeResults) => void;
  const promise = new Promise<ProbeResults>((resolve) => (settle = resolve));
  pending.set(ctx, { promise, settle });
  return settle;
}

/** The logins' results; empty when no mailbox check runs or the deadline passed. */
export async function probeResults(ctx: RunContext): Promise<ProbeResults> {
  const shared = pending.get(ctx);
  const signal = ctx.deadline.signal;
  if (!shared || signal.aborted) return {};
  return Promise.race([
    shared.promise,
    new Promise<ProbeResults>((resolve) =>
      signal.addEventListener('abort', () => resolve({}), { once: true }),
    ),
  ]);
}
