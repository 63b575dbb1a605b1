// POP3 over implicit TLS (outlook.office365.com:995): greeting, then the two-step
// `AUTH XOAUTH2` / `+` / <initial response> that Exchange documents, then STAT (a command that
// needs the mailbox) and QUIT.
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
        ctx.conn.send('AUTH XOAUTH2');
        const go = await ctx.conn.readLine();
        if (isOk(go) || !go.startsWith('+')) throw new ReplyFailure(go, popCode(go));
        ctx.conn.send(initialResponse, '<redacted>');
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

      async logout(ctx) {
        ctx.conn.send('QUIT');
        await ctx.conn.readLine();
      },
    },
    endpoint,
    options,
  );
}
