// Command-line wrapper around peers.ts, for trying the probes by hand or from a CI script:
//
//   tsx scripts/mail-peers/cli.ts up DIR --key public.pem --kid KID --issuer ISS \
//       [--client-id ID]... [--audience https://outlook.office.com] [--smtp-refusal TEXT]
//   tsx scripts/mail-peers/cli.ts down DIR
//
// `up` prints the endpoints as JSON (also written to DIR/peers.json with the PIDs) and leaves
// the servers running; `down` stops them by PID and waits until every process is gone.
// `--smtp-refusal TEXT`: Postfix refuses every valid token with TEXT (see peers.ts smtpRefusal).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startPeers, stopPeerProcesses } from './peers.js';

const USAGE =
  'usage: cli.ts up DIR --key PEM_FILE --kid KID --issuer ISS [--client-id ID]... [--audience AUD]\n' +
  '       [--smtp-refusal TEXT]\n' +
  '       cli.ts down DIR';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      kid: { type: 'string' },
      issuer: { type: 'string', multiple: true },
      'client-id': { type: 'string', multiple: true },
      audience: { type: 'string' },
      'smtp-refusal': { type: 'string' },
    },
  });
  const [command, dir] = positionals;
  if (!dir) {
    console.error(USAGE);
    return 64;
  }
  const stateFile = path.join(path.resolve(dir), 'peers.json');
  if (command === 'down') {
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
      pids: { dovecot: number; postfix: number };
    };
    await stopPeerProcesses(state.pids);
    fs.rmSync(stateFile);
    return 0;
  }
  if (command !== 'up' || !values.key || !values.kid || !values.issuer) {
    console.error(USAGE);
    return 64;
  }
  const peers = await startPeers({
    dir: path.resolve(dir),
    keepDir: true,
    detach: true,
    publicKeyPem: fs.readFileSync(values.key, 'utf8'),
    kid: values.kid,
    clientIds: values['client-id'] ?? [],
    issuers: values.issuer,
    audience: values.audience ?? 'https://outlook.office.com',
    smtpRefusal: values['smtp-refusal'],
  });
  const state = {
    imap: peers.imap,
    pop: peers.pop,
    smtp: peers.smtp,
    caPath: path.join(peers.dir, 'dc', 'tls', 'cert.pem'),
    logPath: peers.logPath,
    pids: peers.pids,
    startupMs: peers.startupMs,
  };
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
  console.log(JSON.stringify(state, null, 2));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
