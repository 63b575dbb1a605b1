// What each AADSTS code means for this setup, which connector step fixes it, and how.
// Microsoft warns that codes and texts change: we branch on the OAuth `error` first and use the
// number only to explain (m365-facts.md section 2).

export interface AadstsEntry {
  code: number;
  /** Plain cause, one sentence. */
  cause: string;
  /** The setup step (seed-summary.md) or input that is wrong. */
  step: string;
  /** What to do. */
  fix: string;
  /** Never retry: a credential or account problem (retrying can lock the account). */
  final?: boolean;
}

const entries: AadstsEntry[] = [
  {
    code: 50126,
    cause: 'the username or password is wrong',
    step: 'step 1 (the account used for ROPC): `username` / `password` inputs',
    fix: 'Check the password secret and that `username` is the UPN of the account; a federated user without a cloud password also gets this. The password was sent once and will not be retried, to avoid locking the account.',
    final: true,
  },
  {
    code: 7000215,
    cause: "the client secret is invalid: usually the secret's ID was given instead of its value",
    step: 'step 2 (client secret): `client-secret` input',
    fix: 'In Entra ID → App registrations → your app → Certificates & secrets, copy the secret VALUE (shown once, at creation), not the Secret ID; if the value is lost, create a new client secret.',
    final: true,
  },
];

export const AADSTS_CATALOGUE: ReadonlyMap<number, AadstsEntry> = new Map(
  entries.map((e) => [e.code, e]),
);
