// The package version: what `m365-mail-preflight --version` prints. A test keeps it equal to
// package.json's, which the release workflow checks against the release tag.
export const VERSION = '0.1.0';
