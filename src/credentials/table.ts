// The secrets table of the job summary: one row per credential, soonest first.
import type { DetailTable } from '../engine/types.js';
import { nameOf, type CredentialView } from './credentials.js';
import { dayOf } from './days.js';

const LEVEL_CELL = {
  ok: '✅ ok',
  warning: '⚠️ expiring',
  failure: '❌ expiring',
  expired: '❌ expired',
} as const;

export function credentialTable(
  caption: string,
  views: readonly CredentialView[],
  withApp: boolean,
  more = 0,
): DetailTable {
  const rows = views.map((v) => [
    ...(withApp ? [v.app.displayName] : []),
    nameOf(v),
    v.hint,
    v.neverExpires ? `${dayOf(v.end)} (never expires)` : dayOf(v.end),
    v.neverExpires ? '—' : String(v.daysLeft),
    v.kind === 'password' ? (v.inUse ? 'yes' : 'no') : '—',
    LEVEL_CELL[v.level],
  ]);
  if (more > 0)
    rows.push([
      ...(withApp ? [''] : []),
      `… and ${more} more (all are in the JSON report's secrets array)`,
      '',
      '',
      '',
      '',
      '',
    ]);
  return {
    caption,
    headers: [
      ...(withApp ? ['App'] : []),
      'Credential',
      'Hint',
      'Expires',
      'Days left',
      'In use',
      'State',
    ],
    rows,
  };
}
