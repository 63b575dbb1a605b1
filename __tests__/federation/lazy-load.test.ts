// A secret-only run's start-up does not grow: the certificate, assertion, OIDC and doctor code
// are chunks of dist/ that only runs using them load (dynamic imports), not part of the bundle
// every run parses. `npm run bench` prints the start-up figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const LAZY_MARKERS = [
  'checkPrivateKey', // certificate.ts
  'RSA_PKCS1_PSS_PADDING', // client-assertion.ts
  'GitHub builds the subject by the first rule that applies', // federation-doctor.ts
  "GitHub's OIDC token endpoint", // github-oidc.ts
];

describe.each(['action', 'cli'])('dist/%s', (folder) => {
  const dir = join('dist', folder);
  const main = readFileSync(join(dir, 'index.js'), 'utf8');
  const chunks = readdirSync(dir)
    .filter((f) => /^\d+\.index\.js$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

  it.each(LAZY_MARKERS)('loads %s only on demand (in a chunk, not in index.js)', (marker) => {
    expect(main).not.toContain(marker);
    expect(chunks.some((chunk) => chunk.includes(marker))).toBe(true);
  });
});
