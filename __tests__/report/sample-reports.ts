// Hand-made reports in the engine's shape, covering every check id (also the checks being built
// in parallel), tables and probe replies. Deterministic: fixed instants, no generated ids.
import type { CheckResult, Report } from '../../src/engine/types.js';

const TENANT = '8f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const CLIENT = '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b';

const permissionsTable = (missing: boolean) => ({
  caption: 'Permissions the flow needs',
  headers: ['Resource', 'Permission', 'Type', 'Configured', 'Admin consent'],
  rows: [
    ['Office 365 Exchange Online', 'IMAP.AccessAsUser.All', 'delegated', 'yes', 'yes'],
    [
      'Office 365 Exchange Online',
      'SMTP.Send',
      'delegated',
      missing ? 'no' : 'yes',
      missing ? 'no' : 'yes',
    ],
    ['Microsoft Graph', 'offline_access', 'delegated', 'yes', 'yes'],
  ],
});

const secretsTable = (days: number) => ({
  caption: 'Client secrets of the registration',
  headers: ['Secret', 'Hint', 'Expires', 'Days left', 'In use'],
  rows: [
    ['ci-pipeline', 'Qx4', '2027-03-01T00:00:00Z', String(days), 'yes'],
    ['old <rotated>', 'k9_', '2026-12-01T00:00:00Z', '7', 'no'],
  ],
});

const passing: CheckResult[] = [
  { id: 'inputs', title: 'Inputs', status: 'pass', summary: 'all inputs are valid' },
  {
    id: 'token',
    title: 'Access token',
    status: 'pass',
    summary:
      'ROPC (grant: password) token issued in 412 ms, valid for 60 min, with a refresh token',
    details:
      'Scopes: https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send\nExpires: 2026-11-24T07:00:00.000Z',
  },
  {
    id: 'permissions',
    title: 'Permissions',
    status: 'pass',
    summary: 'all 3 permissions the flow needs are configured and consented',
    tables: [permissionsTable(false)],
  },
  {
    id: 'secret-expiry',
    title: 'Client secret expiry',
    status: 'pass',
    summary: "the secret in use ('ci-pipeline') expires in 97 days, on 2027-03-01",
    tables: [secretsTable(97)],
  },
  {
    id: 'mailbox-imap',
    title: 'Mailbox login (IMAP)',
    status: 'pass',
    summary:
      'XOAUTH2 login to outlook.office365.com:993 as ci@contoso.com succeeded; INBOX has 12 messages',
    details:
      'S: * OK The Microsoft Exchange IMAP4 service is ready.\nC: A1 AUTHENTICATE XOAUTH2 ***\nS: A1 OK AUTHENTICATE completed.',
  },
  {
    id: 'mailbox-smtp',
    title: 'Mailbox login (SMTP)',
    status: 'pass',
    summary: 'XOAUTH2 login to smtp.office365.com:587 (STARTTLS) as ci@contoso.com succeeded',
  },
];

export const passingReport: Report = {
  version: 1,
  result: 'pass',
  tenantId: TENANT,
  clientId: CLIENT,
  grant: 'password',
  checks: passing,
  token: {
    expiresOn: '2026-11-24T07:00:00.000Z',
    scopes: [
      'https://outlook.office.com/IMAP.AccessAsUser.All',
      'https://outlook.office.com/SMTP.Send',
    ],
  },
  secrets: [
    {
      keyId: '0a1b2c3d-0000-4000-8000-000000000001',
      displayName: 'ci-pipeline',
      hint: 'Qx4',
      endDateTime: '2027-03-01T00:00:00Z',
      daysLeft: 97,
      inUse: true,
      app: 'Mail connector',
    },
  ],
};

export const failingReport: Report = {
  version: 1,
  result: 'fail',
  tenantId: TENANT,
  clientId: CLIENT,
  grant: 'password',
  checks: [
    {
      id: 'inputs',
      title: 'Inputs',
      status: 'warn',
      summary:
        'password has leading or trailing whitespace; it is sent as given, but Entra ROPC does not support such passwords (expect AADSTS50126).',
    },
    {
      id: 'token',
      title: 'Access token',
      status: 'fail',
      code: 'AADSTS50126',
      summary: 'Entra ID refused the sign-in of ci@contoso.com: the username or password is wrong',
      details:
        'Microsoft said (HTTP 400, invalid_grant): AADSTS50126: Error validating credentials due to invalid username or password.\nTrace ID: 00000000-0000-0000-0000-000000000000',
      remediation:
        'Check the password secret and that `username` is the UPN of the account. The password was sent once and will not be retried, to avoid locking the account.',
    },
    {
      id: 'permissions',
      title: 'Permissions',
      status: 'fail',
      summary: 'missing: exchange:SMTP.Send (delegated)',
      remediation:
        'Entra ID → App registrations → your app → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Delegated → SMTP.Send, then Grant admin consent.',
      tables: [permissionsTable(true)],
    },
    {
      id: 'secret-expiry',
      title: 'Client secret expiry',
      status: 'warn',
      summary: "the secret in use ('ci-pipeline') expires in 12 days, on 2026-12-06",
      remediation:
        'Create a new client secret under Certificates & secrets, update the repository secret, then delete the old one.',
      tables: [secretsTable(12)],
    },
    // One cause, one red row: without a token the logins are not tried, and say so.
    {
      id: 'mailbox-imap',
      title: 'Mailbox login (IMAP)',
      status: 'skip',
      summary: 'not checked: needs the token (see Access token)',
    },
    {
      id: 'mailbox-smtp',
      title: 'Mailbox login (SMTP)',
      status: 'skip',
      summary: 'not checked: needs the token (see Access token)',
    },
  ],
  token: null,
  secrets: [],
};
