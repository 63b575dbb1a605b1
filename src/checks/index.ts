// The registry of checks, in report order, and the context they run in. The front ends (the
// composition root) pass CHECK_PLAN to the engine; adding a check is adding a file in this folder
// and a line here (and its name to the `checks` input).
import type { CheckPlan } from '../engine/check.js';
import { withClients, type CheckContext } from './context.js';
import { mailboxCheck } from './mailbox-check.js';
import { permissionsCheck } from './permissions-check.js';
import { secretExpiryCheck } from './secret-expiry-check.js';
import { tokenCheck } from './token-check.js';

export const CHECK_PLAN: CheckPlan<CheckContext> = {
  checks: [tokenCheck, permissionsCheck, secretExpiryCheck, mailboxCheck],
  context: withClients,
};
