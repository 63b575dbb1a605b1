// The diagnosis, run on replies Microsoft's services really gave (__tests__/fixtures/real-replies.json,
// each with its public source). What it says must be as certain as the reply: the reply or code is
// quoted; a generic refusal lists at least two causes; a specific reply gets its meaning and no
// unrelated one; a transient one warns; a catalogued code is never called unknown.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { graphFailure } from '../../src/graph/client.js';
import { AADSTS_CATALOGUE } from '../../src/identity/aadsts-catalogue.js';
import { exchangeAudiences } from '../../src/identity/exchange-audiences.js';
import { diagnoseTokenError } from '../../src/identity/token-diagnosis.js';
import { entraErrorSchema } from '../../src/identity/token-response.js';
import { diagnoseMailOutcome } from '../../src/mailbox/diagnose.js';
import type { MailProtocol, ProbeOutcome, ProbeStage } from '../../src/mailbox/probe-types.js';
import { explainGraphRefusal } from '../../src/permissions/graph-refusal.js';
import { CLOUD_ENDPOINTS } from '../../src/settings/clouds.js';

interface Expect {
  code?: string;
  class?: 'generic' | 'specific' | 'transient' | 'protocol';
  status?: 'fail' | 'warn';
  mentions?: string[];
  notMentions?: string[];
}
interface Base {
  id: string;
  source: string;
  grant?: 'password' | 'client-credentials';
  expect: Expect;
}
type TokenReply = Base & { kind: 'token'; status: number | null; body: unknown };
type GraphReply = Base & { kind: 'graph'; status: number; body: unknown };
type MailReply = Base & { kind: MailProtocol; stage: ProbeStage; reply: string };
type Reply = TokenReply | GraphReply | MailReply;

const fixture = JSON.parse(readFileSync('__tests__/fixtures/real-replies.json', 'utf8')) as {
  replies: Reply[];
};
const replies = fixture.replies;
const tokens = replies.filter((r): r is TokenReply => r.kind === 'token');
const graph = replies.filter((r): r is GraphReply => r.kind === 'graph');
const mail = replies.filter((r): r is MailReply => !['token', 'graph'].includes(r.kind));

const TENANT = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d10';
const CLIENT = '3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21';
const MAILBOX = 'alice@contoso.example';

function expectWords(text: string, e: Expect): void {
  for (const word of e.mentions ?? []) expect(text).toContain(word);
  for (const word of e.notMentions ?? []) expect(text).not.toContain(word);
}

describe('the fixture of real replies', () => {
  it('holds at least 30 replies across token, Graph, IMAP, POP and SMTP, each with a public source', () => {
    expect(replies.length).toBeGreaterThanOrEqual(30);
    expect(new Set(replies.map((r) => r.kind))).toEqual(
      new Set(['token', 'graph', 'imap', 'pop', 'smtp']),
    );
    for (const r of replies) expect(r.source).toMatch(/^https:\/\/[a-z0-9.-]+\/\S+$/);
    expect(new Set(replies.map((r) => r.id)).size).toBe(replies.length);
  });
});

describe.each(tokens.map((r) => [r.id, r] as const))('token endpoint: %s', (_id, r) => {
  it('is read as an Entra refusal, names its code and is never called unknown', () => {
    const parsed = entraErrorSchema.safeParse(r.body);
    expect(parsed.success).toBe(true);
    const failure = diagnoseTokenError(parsed.data!, r.status ?? 400, {
      settings: { tenantId: TENANT, clientId: CLIENT, username: MAILBOX },
      grant: r.grant ?? 'password',
    });
    expect(failure.code).toBe(r.expect.code);
    expect(failure.summary).toContain(r.expect.code!);
    expect(AADSTS_CATALOGUE.has(Number(r.expect.code!.slice(6)))).toBe(true);
    const text = `${failure.summary}\n${failure.remediation}`;
    expect(text).not.toMatch(/not in the action's catalogue|unknown/i);
    // Microsoft's own words stay in the details.
    expect(failure.details).toContain(r.expect.code!);
    expectWords(text, r.expect);
  });
});

describe.each(graph.map((r) => [r.id, r] as const))('Microsoft Graph: %s', (_id, r) => {
  it("quotes Graph's code and message and explains it", () => {
    const failure = graphFailure(r.status, r.body);
    const text = explainGraphRefusal("the app's service principal", failure);
    expect(text).toContain(String(r.status));
    expectWords(text, r.expect);
  });
});

/** The short code the probes put in the report: the diagnosis reads the reply, not this. */
const CODE: Record<MailProtocol, (line: string) => string> = {
  imap: (line) => /^\S+ (OK|NO|BAD|BYE)\b/i.exec(line)?.[1]?.toUpperCase() ?? '',
  pop: (line) => /^(\+OK|-ERR)/i.exec(line)?.[1]?.toUpperCase() ?? '',
  smtp: (line) =>
    /^(\d{3})(?: (\d\.\d+\.\d+))?/.exec(line)?.slice(1).filter(Boolean).join(' ') ?? '',
};

describe.each(mail.map((r) => [r.id, r] as const))('%s', (_id, r) => {
  it('says as much as the reply allows', () => {
    const outcome: ProbeOutcome = {
      protocol: r.kind,
      ok: false,
      stage: r.stage,
      reply: r.reply,
      code: CODE[r.kind](r.reply),
      transcript: [],
      durationMs: 1,
    };
    const d = diagnoseMailOutcome(outcome, {
      grant: r.grant ?? 'password',
      clientId: CLIENT,
      mailbox: MAILBOX,
      servicePrincipalObjectId: 'b1d2c3b4-0000-4000-8000-00000000b001',
      expectedAudiences: exchangeAudiences({ cloud: 'public', endpoints: CLOUD_ENDPOINTS.public }),
    });
    const text = `${d.summary}\n${d.cause}\n${d.remediation}`;
    // The reply is quoted as the server sent it.
    expect(`${d.summary}\n${d.cause}`).toContain(r.reply.split('\n').pop()!);
    expect(d.replyClass).toBe(r.expect.class);
    expect(d.status ?? 'fail').toBe(r.expect.status);
    // ("unknown user name" is the server's own words.)
    expect(text.split(r.reply).join('')).not.toMatch(/does not know|unknown/i);
    if (r.expect.class === 'generic') {
      expect(d.causes!.length).toBeGreaterThanOrEqual(2);
      expect(d.cause).toMatch(/any failed login/);
    } else {
      // A reply with a meaning is not dressed up as a list of guesses.
      expect(d.causes).toBeUndefined();
      expect(text).not.toMatch(/likely causes/);
    }
    expectWords(text, r.expect);
  });
});

describe('a reply no one catalogued', () => {
  it.each([
    ['imap', 'a1 NO [UNAVAILABLE] Something new happened'],
    ['pop', '-ERR Mailbox migration in progress'],
    ['smtp', '535 5.7.999 Something Microsoft has not said before'],
  ] as const)('%s: is quoted verbatim and called unknown', (protocol, reply) => {
    const d = diagnoseMailOutcome(
      {
        protocol,
        ok: false,
        stage: 'authenticate',
        reply,
        code: CODE[protocol](reply),
        transcript: [],
        durationMs: 1,
      },
      {
        grant: 'password',
        clientId: CLIENT,
        mailbox: MAILBOX,
        expectedAudiences: exchangeAudiences({
          cloud: 'public',
          endpoints: CLOUD_ENDPOINTS.public,
        }),
      },
    );
    expect(d.replyClass).toBe('unknown');
    expect(d.cause).toContain(`"${reply}"`);
    expect(d.cause).toMatch(/does not know.*unknown/s);
    expect(d.remediation).not.toMatch(/Set-CASMailbox|Set-TransportConfig/);
  });
});
