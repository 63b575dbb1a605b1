// SMTP submission with STARTTLS (smtp.office365.com:587): 220, EHLO, STARTTLS, TLS, EHLO,
// AUTH XOAUTH2 <initial response>, QUIT. Never MAIL FROM: the probe proves the login only and
// must not send or queue anything.
import type { DialogueContext } from './probe-session.js';
import { openProbe, ReplyFailure, type ServerReply } from './probe-session.js';
import type { MailEndpoint, MailProbe, ProbeOptions } from './probe-types.js';

// Address literal, as common clients send when the host has no FQDN; Exchange does not check it.
const EHLO_NAME = '[127.0.0.1]';

interface SmtpReply {
  status: number;
  lines: string[];
  text: string;
}

/** '535 5.7.139', '421', ... from the last line of a reply. */
function smtpCode(line: string): string {
  const match = /^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3})\b)?/.exec(line);
  if (!match) return line.split(' ')[0] ?? '';
  return match[2] ? `${match[1]} ${match[2]}` : match[1]!;
}

/** A reply is lines "250-..." continued until "250 ..." (or a bare code). */
async function readReply(ctx: DialogueContext): Promise<SmtpReply> {
  const lines: string[] = [];
  for (;;) {
    const line = await ctx.conn.readLine();
    lines.push(line);
    if (!/^\d{3}-/.test(line)) {
      return { status: Number(line.slice(0, 3)) || 0, lines, text: lines.join('\n') };
    }
  }
}

function expectStatus(reply: SmtpReply, status: number): SmtpReply {
  const last = reply.lines[reply.lines.length - 1] ?? '';
  if (reply.status !== status) throw new ReplyFailure(reply.text, smtpCode(last));
  return reply;
}

/** EHLO keywords, upper case: ['STARTTLS', 'AUTH XOAUTH2 OAUTHBEARER', ...]. */
const extensions = (reply: SmtpReply) =>
  reply.lines.slice(1).map((line) => line.slice(4).toUpperCase());

export function openSmtpProbe(endpoint: MailEndpoint, options: ProbeOptions): MailProbe {
  let mechanisms: string[] = [];
  let ehloText = '';

  return openProbe(
    {
      protocol: 'smtp',
      implicitTls: false,
      async preAuth(ctx) {
        expectStatus(await readReply(ctx), 220);
        ctx.setStage('starttls');
        ctx.conn.send(`EHLO ${EHLO_NAME}`);
        const plain = expectStatus(await readReply(ctx), 250);
        if (!extensions(plain).includes('STARTTLS')) {
          throw new ReplyFailure(plain.text, 'STARTTLS not offered');
        }
        ctx.conn.send('STARTTLS');
        expectStatus(await readReply(ctx), 220);
        await ctx.conn.upgrade();
        // Capabilities seen before TLS are not to be trusted (RFC 3207): ask again.
        ctx.conn.send(`EHLO ${EHLO_NAME}`);
        const secure = expectStatus(await readReply(ctx), 250);
        ehloText = secure.text;
        mechanisms = extensions(secure)
          .filter((ext) => /^AUTH[ =]/.test(ext))
          .flatMap((ext) => ext.slice(5).split(' '));
      },

      async login(ctx, initialResponse): Promise<ServerReply> {
        if (!mechanisms.includes('XOAUTH2')) {
          throw new ReplyFailure(ehloText, 'AUTH XOAUTH2 not offered');
        }
        ctx.conn.send(`AUTH XOAUTH2 ${initialResponse}`, 'AUTH XOAUTH2 <redacted>');
        let reply = await readReply(ctx);
        if (reply.status === 334) {
          // XOAUTH2 error challenge: an empty response makes the server send its 535.
          ctx.conn.send('');
          reply = await readReply(ctx);
        }
        expectStatus(reply, 235);
        return { reply: reply.text, code: smtpCode(reply.lines[reply.lines.length - 1]!) };
      },

      async logout(ctx) {
        ctx.conn.send('QUIT');
        await readReply(ctx);
      },
    },
    endpoint,
    options,
  );
}
