// POP3 over implicit TLS (outlook.office365.com:995): greeting, then `AUTH XOAUTH2`, then STAT (a
// command that needs the mailbox) and QUIT, whose reply is not waited for.
//
// The initial response goes on the AUTH line (one round trip less) only where the server must
// accept it: RFC 5034 section 4 forbids it when the line would pass POP3's 255 octets
// (https://www.rfc-editor.org/rfc/rfc5034#section-4), which every Entra access token does. And
// Exchange Online refuses the one-line form ("-ERR Protocol error. Connection is closed.", as users
// report: https://github.com/getmail6/getmail6/issues/256, https://github.com/marlam/mpop/issues/11);
// Microsoft documents the two-step `AUTH XOAUTH2` / `+` / <initial response>
// (https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth#pop-protocol-exchange).
import { openProbe, ReplyFailure, type ServerReply } from './probe-session.js';
import type { MailEndpoint, MailProbe, ProbeOptions } from './probe-types.js';

/** '-ERR [AUTH]', '-ERR', '+OK'. */
function popCode(line: string): string {
  const match = /^(\+OK|-ERR)(?: \[([^\]\s]+)[^\]]*\])?/i.exec(line);
  if (!match) return line.split(' ')[0] ?? '';
  const status = match[1]!.toUpperCase();
  return match[2] ? `${status} [${match[2].toUpperCase()}]` : status;
}

const isOk = (line: string) => /^\+OK\b/i.test(line);

/** RFC 5034 section 4: a POP3 command line, CRLF included, is at most 255 octets. */
const POP_MAX_COMMAND_OCTETS = 255;

export function openPopProbe(endpoint: MailEndpoint, options: ProbeOptions): MailProbe {
  return openProbe(
    {
      protocol: 'pop',
      implicitTls: true,
      async preAuth(ctx) {
        const greeting = await ctx.conn.readLine();
        if (!isOk(greeting)) throw new ReplyFailure(greeting, popCode(greeting));
      },

      async login(ctx, initialResponse): Promise<ServerReply> {
        const oneLine = `AUTH XOAUTH2 ${initialResponse}`;
        if (Buffer.byteLength(oneLine) + 2 <= POP_MAX_COMMAND_OCTETS) {
          ctx.conn.send(oneLine, 'AUTH XOAUTH2 <redacted>');
        } else {
          ctx.conn.send('AUTH XOAUTH2');
          const go = await ctx.conn.readLine();
          if (isOk(go) || !go.startsWith('+')) throw new ReplyFailure(go, popCode(go));
          ctx.conn.send(initialResponse, '<redacted>');
        }
        let challenged = false;
        for (;;) {
          const line = await ctx.conn.readLine();
          if (isOk(line)) return { reply: line, code: '+OK' };
          if (line.startsWith('+') && !challenged) {
            // XOAUTH2 error challenge: an empty response makes the server send its -ERR.
            challenged = true;
            ctx.conn.send('');
            continue;
          }
          throw new ReplyFailure(line, popCode(line));
        }
      },

      async postAuth(ctx) {
        ctx.conn.send('STAT');
        const line = await ctx.conn.readLine();
        if (!isOk(line)) throw new ReplyFailure(line, popCode(line));
      },

      goodbye(ctx) {
        ctx.conn.send('QUIT');
      },
    },
    endpoint,
    options,
  );
}
