// Lazy entry point: the engine does `await import('./mailbox/index.js')` only when a mailbox
// check runs, so token-only runs never load the probes.
export { openImapProbe } from './imap-probe.js';
export { openPopProbe } from './pop-probe.js';
export { openSmtpProbe } from './smtp-probe.js';
export { diagnoseMailOutcome } from './diagnose.js';
export type { Diagnosis, MailDiagnosisContext } from './diagnose.js';
export { xoauth2InitialResponse } from './xoauth2.js';
export type * from './probe-types.js';
