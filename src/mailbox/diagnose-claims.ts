// What the token's own claims (decoded unverified by the caller) say is wrong for a protocol:
// expiry, audience (the unprefixed-scope trap), missing scope or app role, another user.
import { isExchangeAudience, normaliseAudience } from '../identity/exchange-audiences.js';
import { STEP_PERMISSIONS, STEP_TOKEN_SCOPE } from './diagnose-common.js';
import type { MailDiagnosisContext, Finding } from './diagnose-common.js';
import { MAIL_PERMISSIONS, RESOURCE_APP_IDS, type MailProtocol } from '../settings/types.js';
import { psWord } from '../text/command-values.js';

const GRAPH_AUDIENCES = ['https://graph.microsoft.com', RESOURCE_APP_IDS.graph];

/** The largest time a Date holds, in seconds (ECMAScript: 8.64e15 ms either side of 1970). */
const MAX_EPOCH_SECONDS = 8.64e12;

/** Problems the token's own claims show, most decisive first. */
export function claimFindings(ctx: MailDiagnosisContext, protocol: MailProtocol): Finding[] {
  const claims = ctx.claims;
  if (!claims) return [];
  const findings: Finding[] = [];
  const now = ctx.now ?? Date.now();

  // The claims are unverified server text: an `exp` outside what a Date holds is no finding.
  const exp = claims.exp;
  if (typeof exp === 'number' && Math.abs(exp) <= MAX_EPOCH_SECONDS && exp * 1000 <= now) {
    const ago = Math.round((now - exp * 1000) / 1000);
    findings.push({
      cause: `The access token expired at ${new Date(exp * 1000).toISOString()} (${ago} s before the login).`,
      remediation:
        'Request a new token right before the login (tokens last about an hour) and check the runner’s clock.',
    });
  }

  const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
  if (
    audiences.length > 0 &&
    !audiences.some((a) => isExchangeAudience(a, ctx.expectedAudiences))
  ) {
    const graph = audiences.some((a) => GRAPH_AUDIENCES.includes(normaliseAudience(a)));
    const wanted =
      ctx.grant === 'password'
        ? `https://outlook.office.com/${MAIL_PERMISSIONS[protocol].delegated}`
        : 'https://outlook.office365.com/.default';
    findings.push({
      cause:
        `The token is for ${audiences.join(', ')}, not for Exchange Online (expected one of ${ctx.expectedAudiences.join(', ')}).` +
        (graph
          ? ` A scope written without its resource prefix (${MAIL_PERMISSIONS[protocol].delegated} instead of ${wanted}) defaults to Microsoft Graph, and mail servers refuse Graph tokens.`
          : ''),
      remediation: `Request the scope ${wanted} (check the scope input), in a token request of its own.`,
      setupStep: STEP_TOKEN_SCOPE,
    });
  }

  if (ctx.grant === 'password') {
    const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
    const needed = MAIL_PERMISSIONS[protocol].delegated;
    if (claims.scp !== undefined && !scopes.some((s) => s.toLowerCase() === needed.toLowerCase())) {
      findings.push({
        cause: `The token's scp lacks ${needed} (it has: ${scopes.join(' ') || 'nothing'}).`,
        remediation: `Add the delegated permission ${needed} (Microsoft Graph or Office 365 Exchange Online), grant admin consent, and request https://outlook.office.com/${needed}.`,
        setupStep: STEP_PERMISSIONS,
      });
    }
    if (claims.upn && claims.upn.toLowerCase() !== ctx.mailbox.toLowerCase()) {
      findings.push({
        cause: `The token belongs to ${claims.upn}, but the login names ${ctx.mailbox} (XOAUTH2 user=).`,
        remediation:
          `Use the signing-in account as the username, or, if ${ctx.mailbox} is a shared mailbox, give ${claims.upn} access: ` +
          `Add-MailboxPermission -Identity ${psWord(ctx.mailbox)} -User ${psWord(claims.upn)} -AccessRights FullAccess`,
      });
    }
  } else if ((ctx.exchangeAuthorization ?? 'auto') === 'entra') {
    // With RBAC for Applications a token has no mail role at all, so a missing role proves
    // something only when the Entra route is the one in use (generic-causes.ts ranks it otherwise).
    const needed = MAIL_PERMISSIONS[protocol].application;
    if (!(claims.roles ?? []).includes(needed)) {
      findings.push({
        cause: `The app-only token's roles lack ${needed} (it has: ${(claims.roles ?? []).join(' ') || 'no roles'}).`,
        remediation: `Add the application permission ${needed} under Office 365 Exchange Online (APIs my organization uses) and grant admin consent.`,
        setupStep: STEP_PERMISSIONS,
      });
    }
  }
  return findings;
}
