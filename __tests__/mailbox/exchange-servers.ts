// Loopback IMAP, POP and SMTP servers that speak like Exchange Online's (greetings, capabilities,
// STARTTLS) and answer the login with a reply a test gives: Exchange's real refusals
// (__tests__/fixtures/real-replies.json) replayed against the built dist/.
import { startFakeServer, type FakeServer } from './fake-server.js';

export interface ExchangeScript {
  /** Reply to `a1 AUTHENTICATE XOAUTH2 …` without its tag; default `OK AUTHENTICATE completed.` */
  imapAuth?: string;
  /** Reply to `a2 SELECT INBOX` without its tag; default `OK [READ-WRITE] SELECT completed.` */
  imapSelect?: string;
  /** Reply to the XOAUTH2 response; default `+OK User successfully authenticated.` */
  popAuth?: string;
  /** Reply to STAT; default `+OK 0 0`. */
  popStat?: string;
  /** Reply to `AUTH XOAUTH2 …`; default `235 2.7.0 Authentication successful`. */
  smtpAuth?: string;
}

export interface ExchangeServers {
  imap: FakeServer;
  pop: FakeServer;
  smtp: FakeServer;
  close(): Promise<void>;
}

const HOST = 'SN4PR0501CA0054.namprd05.prod.outlook.com';

export async function startExchangeServers(
  cert: { key: string; cert: string },
  script: ExchangeScript,
): Promise<ExchangeServers> {
  const imap = await startFakeServer({
    tls: cert,
    greeting: '* OK The Microsoft Exchange IMAP4 service is ready.',
    onLine: (line, s) => {
      const tag = line.split(' ')[0]!;
      if (line.endsWith(' CAPABILITY')) {
        s.send(
          '* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+',
        );
        s.send(`${tag} OK CAPABILITY completed.`);
      } else if (line.includes(' AUTHENTICATE XOAUTH2 '))
        s.send(`${tag} ${script.imapAuth ?? 'OK AUTHENTICATE completed.'}`);
      else if (line.endsWith(' SELECT INBOX'))
        s.send(`${tag} ${script.imapSelect ?? 'OK [READ-WRITE] SELECT completed.'}`);
      else if (line.endsWith(' LOGOUT')) {
        s.send('* BYE Microsoft Exchange Server IMAP4 server signing off.');
        s.send(`${tag} OK LOGOUT completed.`);
      }
    },
  });
  let popAwaitingResponse = false;
  const pop = await startFakeServer({
    tls: cert,
    greeting: '+OK The Microsoft Exchange POP3 service is ready.',
    onLine: (line, s) => {
      if (line === 'AUTH XOAUTH2') {
        popAwaitingResponse = true;
        s.send('+ ');
      } else if (popAwaitingResponse) {
        popAwaitingResponse = false;
        s.send(script.popAuth ?? '+OK User successfully authenticated.');
      } else if (line === 'STAT') s.send(script.popStat ?? '+OK 0 0');
      else if (line === 'QUIT') s.send('+OK Microsoft Exchange Server POP3 server signing off.');
      else s.send('-ERR Protocol error. 14');
    },
  });
  let secure = false;
  const smtp = await startFakeServer({
    tls: cert,
    plainFirst: true,
    greeting: `220 ${HOST} Microsoft ESMTP MAIL Service ready`,
    onLine: (line, s) => {
      if (line.startsWith('EHLO ')) {
        s.send(`250-${HOST} Hello [127.0.0.1]`);
        s.send('250-SIZE 157286400');
        s.send(secure ? '250-AUTH LOGIN XOAUTH2' : '250-STARTTLS');
        s.send('250 SMTPUTF8');
      } else if (line === 'STARTTLS') {
        s.send('220 2.0.0 SMTP server ready');
        s.startTls();
        secure = true;
      } else if (line.startsWith('AUTH XOAUTH2 '))
        s.send(script.smtpAuth ?? '235 2.7.0 Authentication successful');
      else if (line === 'QUIT') s.send('221 2.0.0 Service closing transmission channel');
      else s.send('500 5.3.3 Unrecognized command');
    },
  });
  return {
    imap,
    pop,
    smtp,
    close: async () => {
      await Promise.all([imap.close(), pop.close(), smtp.close()]);
    },
  };
}
