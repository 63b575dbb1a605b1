// The `client-certificate` PEM as secret parts to mask: loaded at start-up by every run that has
// the input (masking comes before anything is printed), so it stays apart from certificate.ts,
// which only runs that use the certificate load.

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)\r?\n?-----END \1-----/g;

/**
 * The strings to mask for a PEM secret: the whole text and every line of every private key
 * block (a log line may show any one line of it), the key's headers excepted.
 */
export function pemSecretParts(text: string): string[] {
  const parts = [text, text.trim()];
  for (const m of text.replace(/\r\n/g, '\n').matchAll(BLOCK)) {
    if (!/PRIVATE KEY$/.test(m[1]!)) continue;
    parts.push(m[0]);
    for (const line of m[2]!.split('\n')) {
      const trimmed = line.trim();
      if (trimmed && !trimmed.includes(':')) parts.push(trimmed);
    }
  }
  return [...new Set(parts)].filter((p) => p.length >= 4);
}
