// The package's version, as `m365-mail-preflight --version` prints it. A constant rather than a
// read of package.json, so that printing it loads nothing; a test keeps it equal to package.json.
export const VERSION = '0.1.0';
