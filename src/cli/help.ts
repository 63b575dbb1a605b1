// `m365-mail-preflight --help`: the flags (one per action input), where secrets come from, the
// exit codes, and examples to copy.
import { FLAG_INPUTS, inputSpec } from '../settings/inputs.js';

const USAGE = 'Usage: m365-mail-preflight --tenant-id ID --client-id ID [options]';

/** What a bare `m365-mail-preflight` prints: how to start, in a few lines. */
export function usageText(): string {
  return `${USAGE}

Proves a Microsoft 365 mail setup works: permissions, token, IMAP/POP/SMTP login, secret expiry.
Secrets come from M365_CLIENT_SECRET and M365_PASSWORD (or a prompt), never from flags.

  m365-mail-preflight --help       every option, the exit codes and examples
  m365-mail-preflight --version    the version`;
}

export function helpText(): string {
  const flags = FLAG_INPUTS.map((name) => {
    const { arg, help } = inputSpec(name).flag ?? { arg: 'VALUE', help: '' };
    return `  --${`${name} ${arg}`.padEnd(36)} ${help}`;
  });
  return `m365-mail-preflight: proves a Microsoft 365 mail setup works before anything depends on it:
the app registration's permissions, an OAuth token, an IMAP/POP/SMTP XOAUTH2 login, and the
client secret's expiry. The same engine as the GitHub Action; flags mirror its inputs.

${USAGE}
       m365-mail-preflight consent --help   the device-code verification step
       m365-mail-preflight setup --help     every setup step checked, explained and, on request, done

Environment: NO_COLOR turns colour off; FORCE_COLOR=1 turns it on (FORCE_COLOR=0 off) even
when the output is not a terminal.

Secrets are never flags (other users of the machine can read a process's arguments):
  M365_CLIENT_SECRET                     the client secret VALUE (not its ID)
  M365_PASSWORD                          the mailbox account's password (grant password)
  M365_CLIENT_CERTIFICATE                certificate + unencrypted private key, PEM
  --client-certificate-file PATH         ... or read from a file
  M365_CLIENT_ASSERTION                  another CI system's OIDC token (federation)
  --client-assertion-file PATH           ... or read from a file, again for every token request
  On a terminal, a secret the run needs and the environment lacks is asked for, without echo.

Options:
${flags.join('\n')}
  --json                                 print the JSON report instead of text
  --verbose                              details of passed checks, long tables whole, debug lines
  -V, --version                          print the version
  -h, --help                             this text
  --version                              the version of m365-mail-preflight

Exit status: 0 pass or warn; 1 fail (and warn with --fail-on warning), refused input values
included (the report names the input); 64 unusable arguments (unknown or secret flags, missing
values); 130 a secret prompt cancelled with Ctrl-C.

Examples:
  # Delegated (ROPC): the password is asked for on the terminal
  m365-mail-preflight --tenant-id contoso.onmicrosoft.com \\
    --client-id 1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b --grant password --username ci@contoso.com

  # App-only, in another CI system, the secret from its secret store
  M365_CLIENT_SECRET="$SECRET" m365-mail-preflight --tenant-id 8f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b \\
    --client-id 1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b --username ci@contoso.com --json > report.json

  # Only the client secret's expiry, failing 14 days ahead
  M365_CLIENT_SECRET="$SECRET" m365-mail-preflight --tenant-id contoso.onmicrosoft.com \\
    --client-id 1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b --checks secret-expiry --secret-expiry-failure-days 14
`;
}
