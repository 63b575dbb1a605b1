// Failures below the mail protocol: refused, DNS, TLS certificate, timeout, closed.
import type { Diagnosis } from './diagnose-common.js';
import type { ProbeOutcome } from './probe-types.js';

export function networkDiagnosis(outcome: ProbeOutcome, label: string): Diagnosis {
  const error = outcome.error ?? 'unknown failure';
  const summary = `${label} ${outcome.stage} failed: ${error}`;
  const reach =
    'Check that this runner can reach the host and port (firewall, egress rules; HTTP proxies ' +
    'do not carry IMAP/POP/SMTP) and that the endpoint override, if any, is right.';
  if (outcome.timedOut) {
    return {
      summary,
      cause: `No reply from the ${label} server at stage ${outcome.stage}.`,
      remediation: reach,
    };
  }
  const code = outcome.errorCode ?? '';
  if (code === 'ECONNREFUSED') {
    return {
      summary,
      cause: `Nothing accepts connections on that ${label} port.`,
      remediation: reach,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      summary,
      cause: 'The host name does not resolve.',
      remediation: 'Check the host name (and the cloud setting) and the runner’s DNS.',
    };
  }
  if (/CERT|SELF_SIGNED|ALTNAME|UNABLE_TO|VERIFY/i.test(code)) {
    return {
      summary,
      cause: `The ${label} server's TLS certificate is not trusted or does not match the host name.`,
      remediation:
        'Use the Microsoft host name for your cloud (the certificate names it). A TLS-inspecting ' +
        'proxy or firewall re-signs the connection: exempt the mail host from inspection or add ' +
        'its CA to NODE_EXTRA_CA_CERTS. Certificate checks are never turned off.',
    };
  }
  return {
    summary,
    cause: `The connection to the ${label} server failed at stage ${outcome.stage}.`,
    remediation: reach,
  };
}
