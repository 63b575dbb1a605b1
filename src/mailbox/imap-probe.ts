// IMAP over implicit TLS (outlook.office365.com:993): greeting, CAPABILITY when the greeting
// lacks it (Exchange's does), AUTHENTICATE XOAUTH2, then SELECT INBOX, because Exchange can
// accept the login and only then say "BAD User is authenticated but not connected.".
import {
  openProbe,
  ReplyFailure,
  type DialogueContext,
  type ServerReply,
} from './probe-session.js';
import type { MailEndpoint, MailProbe, ProbeOptions } from './probe-types.js';

/** 'NO [AUTHENTICATIONFAILED]', 'BAD', 'OK [CAPABILITY]'... from a tagged or untagged status line. */
function imapCode(line: string): string {
  const match = /^\S+ (OK|NO|BAD|BYE|PREAUTH)\b(?: \[([^\]\s]+))?/i.exec(line);
  if (!match) return line.split(' ')[0] ?? '';
  const status = match[1]!.toUpperCase();
  return match[2] ? `${status} [${match[2].toUpperCase()}]` : status;
}

/** Reads until the tagged reply for `tag`; untagged BYE ends the session. */
async function tagged(ctx: DialogueContext, tag: string): Promise<string> {
  for (;;) {
    const line = await ctx.conn.readLine();
    if (line.startsWith(`${tag} `)) return line;
    if (/^\* BYE\b/i.test(line)) throw new ReplyFailure(line, 'BYE');
  }
}

function requireOk(line: string): void {
  if (!/^\S+ OK\b/i.test(line)) throw new ReplyFailure(line, imapCode(line));
}

export function openImapProbe(endpoint: MailEndpoint, options: ProbeOptions): MailProbe {
  let capabilities: string[] = [];
  let capabilityLine = '';

  return openProbe(
    {
      protocol: 'imap',
      implicitTls: true,
      async preAuth(ctx) {
        const greeting = await ctx.conn.readLine();
        if (!/^\* OK\b/i.test(greeting)) throw new ReplyFailure(greeting, imapCode(greeting));
        const inline = /\[CAPABILITY ([^\]]*)\]/i.exec(greeting);
        if (inline) {
          capabilityLine = greeting;
          capabilities = inline[1]!.toUpperCase().split(' ');
          return;
        }
        ctx.conn.send('a0 CAPABILITY');
        for (;;) {
          const line = await ctx.conn.readLine();
          if (/^\* CAPABILITY /i.test(line)) {
            capabilityLine = line;
            capabilities = line.slice('* CAPABILITY '.length).toUpperCase().split(' ');
          } else if (line.startsWith('a0 ')) {
            requireOk(line);
            return;
          } else if (/^\* BYE\b/i.test(line)) {
            throw new ReplyFailure(line, 'BYE');
          }
        }
      },

      async login(ctx, initialResponse): Promise<ServerReply> {
        // Sending the token to a server that does not take XOAUTH2 would prove nothing.
        if (!capabilities.includes('AUTH=XOAUTH2')) {
          throw new ReplyFailure(capabilityLine, 'AUTH=XOAUTH2 not offered');
        }
        if (capabilities.includes('SASL-IR')) {
          ctx.conn.send(
            `a1 AUTHENTICATE XOAUTH2 ${initialResponse}`,
            'a1 AUTHENTICATE XOAUTH2 <redacted>',
          );
        } else {
          ctx.conn.send('a1 AUTHENTICATE XOAUTH2');
          const go = await ctx.conn.readLine();
          if (!go.startsWith('+')) throw new ReplyFailure(go, imapCode(go));
          ctx.conn.send(initialResponse, '<redacted>');
        }
        let challenged = false;
        for (;;) {
          const line = await ctx.conn.readLine();
          if (line.startsWith('+')) {
            // XOAUTH2 error challenge (base64 JSON): an empty response makes the server send
            // its final NO. Answer once; a second challenge is a protocol error.
            if (challenged) throw new ReplyFailure(line, '+');
            challenged = true;
            ctx.conn.send('');
          } else if (line.startsWith('a1 ')) {
            requireOk(line);
            return { reply: line, code: imapCode(line) };
          } else if (/^\* BYE\b/i.test(line)) {
            throw new ReplyFailure(line, 'BYE');
          }
        }
      },

      async postAuth(ctx) {
        ctx.conn.send('a2 SELECT INBOX');
        requireOk(await tagged(ctx, 'a2'));
      },

      async logout(ctx) {
        ctx.conn.send('a3 LOGOUT');
        // '* BYE' is the normal first answer here, so read past it to the tagged OK.
        while (!(await ctx.conn.readLine()).startsWith('a3 ')) {
          /* untagged lines */
        }
      },
    },
    endpoint,
    options,
  );
}
