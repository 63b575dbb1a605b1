// The doctor's words for each federation refusal, from a GitHub token's decoded claims: the
// presented subject side by side with what the app needs, and a fix ready to paste.
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_JOB, githubClaims, type GithubJob } from '../../sandbox/github-oidc.js';
import { signJwt, generateSigningKey } from '../../sandbox/jwt.js';
import { diagnoseFederation, presentedClaims } from '../../src/identity/federation-doctor.js';

const key = generateSigningKey('doctor-test');
const CLIENT = '3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21';
const token = (job: Partial<GithubJob> = {}, audience = 'api://AzureADTokenExchange') =>
  signJwt(
    githubClaims({ ...DEFAULT_JOB, ...job }, audience, Date.parse('2026-11-30T08:00:00Z')),
    key,
  );
const doctor = (code: number, job: Partial<GithubJob> = {}, audience?: string) =>
  diagnoseFederation({
    code,
    presented: presentedClaims(token(job, audience)),
    clientId: CLIENT,
    cloud: 'public',
    audience: 'api://AzureADTokenExchange',
    now: new Date('2026-11-30T08:01:00Z'),
  });

describe('the federated-credential doctor', () => {
  it('shows the claims side by side, never the token, and the az line with the presented subject', () => {
    const jwt = token({ environment: 'production' });
    const finding = doctor(700213, { environment: 'production' });
    const subject = 'repo:contoso/mail-connector:environment:production';
    expect(finding.summary).toBe(
      `no federated credential of app ${CLIENT} matches the subject the workflow presented: '${subject}'`,
    );
    expect(finding.details).toMatch(new RegExp(`subject +${subject} +${subject}`));
    expect(finding.details).toMatch(
      /issuer +https:\/\/token\.actions\.githubusercontent\.com +https:\/\/token\.actions\.githubusercontent\.com/,
    );
    expect(finding.details).toMatch(/environment +production/);
    expect(finding.details).toMatch(
      /job_workflow_ref +contoso\/mail-connector\/\.github\/workflows\/preflight\.yml@refs\/heads\/main/,
    );
    expect(finding.details).toContain(
      "This job runs in environment 'production', so its subject ends in :environment:production, not :ref:refs/heads/main.",
    );
    expect(finding.remediation).toContain(
      `az ad app federated-credential create --id ${CLIENT} --parameters '{"name":"github-contoso-mail-connector-environment-production","issuer":"https://token.actions.githubusercontent.com","subject":"${subject}","audiences":["api://AzureADTokenExchange"]}'`,
    );
    expect(finding.remediation).toContain(
      'Certificates & secrets → Federated credentials → Add credential → GitHub Actions deploying Azure resources',
    );
    expect(finding.remediation).toContain('entity type Environment, value production');
    for (const text of Object.values(finding)) expect(text).not.toContain(jwt.split('.')[2]!);
  });

  it('names pull requests and tags as the portal does', () => {
    expect(doctor(700213, { eventName: 'pull_request' }).remediation).toContain(
      'entity type Pull request',
    );
    expect(doctor(700213, { ref: 'refs/tags/v2' }).remediation).toContain(
      'entity type Tag, value v2',
    );
  });

  it('explains case-only mismatches, issuers, audiences and expired tokens', () => {
    expect(doctor(7002138, { owner: 'Contoso' }).summary).toContain('only in upper/lower case');
    expect(doctor(7002138, { owner: 'Contoso' }).details).toContain('case-sensitively');
    expect(doctor(700211).details).toContain('no trailing slash');
    const audience = doctor(700212, {}, 'api://something-else');
    expect(audience.summary).toContain("('api://something-else')");
    expect(audience.details).toMatch(
      /audience +api:\/\/something-else +api:\/\/AzureADTokenExchange/,
    );
    const late = doctor(700024);
    expect(late.summary).toBe(
      "Entra judged the workflow's OIDC token outside its valid time range (issued 2026-11-30T08:00:00Z, expired 2026-11-30T08:05:00Z)",
    );
    expect(late.remediation).toContain('clock');
  });

  it('copes with a token it cannot read', () => {
    const finding = diagnoseFederation({
      code: 700213,
      presented: presentedClaims('opaque'),
      clientId: CLIENT,
      cloud: 'usgov',
      audience: 'api://AzureADTokenExchangeUSGov',
      now: new Date(),
    });
    expect(finding.details).toContain('could not be decoded');
    expect(finding.details).toMatch(/audience +\? +api:\/\/AzureADTokenExchangeUSGov/);
  });
});
