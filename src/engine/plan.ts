// Which checks exist, in report order. Each domain adds its check here.
import { mailboxCheck } from '../checks/mailbox-check.js';
import { permissionsCheck } from '../checks/permissions-check.js';
import { secretExpiryCheck } from '../checks/secret-expiry-check.js';
import { tokenCheck } from '../checks/token-check.js';
import type { Check } from './check.js';

export const ALL_CHECKS: readonly Check[] = [
  tokenCheck,
  permissionsCheck,
  secretExpiryCheck,
  mailboxCheck,
];
