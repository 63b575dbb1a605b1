// Permissions the registration holds that the run does not require: reported as notes, never
// failures (the connector's other features may use them).
import { MAIL_DELEGATED, formatPermission } from './catalogue.js';
import type { HeldPermission, RegistrationEvidence } from './grants.js';
import type { PermissionRow } from './rows.js';

export function notRequired(evidence: RegistrationEvidence, rows: PermissionRow[]): string[] {
  const required = (p: HeldPermission) =>
    rows.some((r) => {
      const q = r.requirement;
      if (q.type !== p.type || q.name.toLowerCase() !== p.name?.toLowerCase()) return false;
      return q.resource === p.resource || (q.eitherResource && MAIL_DELEGATED.has(q.name));
    });
  const names = new Set<string>();
  for (const part of [evidence.configured, evidence.appRoles, evidence.delegated]) {
    if (!part.ok) continue;
    for (const p of part.value) {
      if (required(p)) continue;
      names.add(
        formatPermission({ resource: p.resource, type: p.type, name: p.name ?? p.id ?? '?' }),
      );
    }
  }
  return [...names].sort();
}
