// The package version: what `m365-mail-preflight --version` prints, and the user agent of GitHub
// requests. A test keeps it equal to package.json's, which the release workflow checks against
// the release tag.
export const VERSION = '0.1.0';
