// Which of the app's secrets this pipeline uses. Graph shows each password credential's `hint`,
// the first three characters of its value (https://learn.microsoft.com/graph/api/resources/passwordcredential), so the configured secret's
// first three characters pick it out. The hint alone is public (Graph shows it to anyone who can
// read the app); it must never be printed next to any other fragment of the secret.

const HINT_LENGTH = 3;

export const hintOf = (secretValue: string): string => secretValue.slice(0, HINT_LENGTH);

/** The credentials whose hint matches the configured secret (several can share a hint). */
export function matchingHint<T extends { hint?: string | null }>(
  credentials: readonly T[],
  secretValue: string,
): T[] {
  if (secretValue.length < HINT_LENGTH) return [];
  const hint = hintOf(secretValue);
  return credentials.filter((c) => c.hint === hint);
}
