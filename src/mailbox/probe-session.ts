// What the three probes share: the two phases (pre-auth at open, then authenticate), a timeout
// and the abort signal per phase, turning every failure into a ProbeOutcome (never a rejection),
// and keeping the token out of it. The protocol files supply only the dialogue.
import { ConnectionFailure, LineConnection } from './line-connection.js';
import type {
  MailEndpoint,
  MailProbe,
  MailProtocol,
  ProbeOptions,
  ProbeOutcome,
  ProbeStage,
  TranscriptLine,
} from './probe-types.js';
import { Redactor } from '../engine/redactor.js';
import { errorMessage } from '../http/errors.js';
import { xoauth2InitialResponse } from './xoauth2.js';

/** The server answered, and the answer was no. */
export class ReplyFailure extends Error {
  constructor(
    readonly reply: string,
    readonly code: string,
  ) {
    super(reply);
    this.name = 'ReplyFailure';
  }
}

export interface DialogueContext {
  conn: LineConnection;
  setStage(stage: ProbeStage): void;
}

export interface ServerReply {
  reply: string;
  code: string;
}

export interface ProtocolDialogue {
  protocol: MailProtocol;
  implicitTls: boolean;
  /** Greeting and anything else that needs no credentials. */
  preAuth(ctx: DialogueContext): Promise<void>;
  /** One XOAUTH2 login; resolves with the success reply, throws ReplyFailure on refusal. */
  login(ctx: DialogueContext, initialResponse: string): Promise<ServerReply>;
  /** A command that needs a working mailbox (Exchange can accept the login and fail this). */
  postAuth?(ctx: DialogueContext): Promise<void>;
  /** Polite goodbye; failures here do not fail the probe. */
  logout(ctx: DialogueContext): Promise<void>;
}

export function openProbe(
  dialogue: ProtocolDialogue,
  endpoint: MailEndpoint,
  options: ProbeOptions,
): MailProbe {
  const transcript: TranscriptLine[] = [];
  const redactor = new Redactor('<redacted>');
  const conn = new LineConnection(endpoint, options, transcript, redactor);
  let stage: ProbeStage = 'connect';
  let activeMs = 0;
  let preAuthFailure: ProbeOutcome | undefined;
  let used = false;
  const ctx: DialogueContext = { conn, setStage: (next) => (stage = next) };

  const outcome = (fields: Partial<ProbeOutcome> & { ok: boolean }): ProbeOutcome => ({
    protocol: dialogue.protocol,
    stage,
    ...fields,
    transcript: transcript.slice(),
    durationMs: Math.round(activeMs),
  });

  const failed = (error: unknown): ProbeOutcome => {
    if (error instanceof ReplyFailure) {
      return outcome({ ok: false, reply: redactor.redact(error.reply), code: error.code });
    }
    if (error instanceof ConnectionFailure) {
      return outcome({
        ok: false,
        error: redactor.redact(error.message),
        ...(error.code ? { errorCode: error.code } : {}),
        ...(error.kind === 'timeout' ? { timedOut: true } : {}),
      });
    }
    const text = errorMessage(error);
    return outcome({ ok: false, error: redactor.redact(`${text} (${conn.where})`) });
  };

  // The signal ends the probe at any time, also while it waits idle for the token.
  const onAbort = () =>
    conn.fail(new ConnectionFailure('aborted', `probe of ${conn.where} aborted (stage ${stage})`));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const finish = () => {
    options.signal?.removeEventListener('abort', onAbort);
    conn.close();
  };

  // Each phase has its own limit: the idle gap while the caller fetches the token is not counted.
  const phase = async <T>(run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const timer = setTimeout(() => {
      conn.fail(
        new ConnectionFailure(
          'timeout',
          `no reply from ${conn.where} within ${options.timeoutMs} ms (stage ${stage})`,
          'ETIMEDOUT',
        ),
      );
    }, options.timeoutMs);
    if (options.signal?.aborted) onAbort();
    try {
      return await run();
    } finally {
      clearTimeout(timer);
      activeMs += performance.now() - started;
    }
  };

  const ready = phase(async () => {
    await conn.connect(
      dialogue.implicitTls,
      () => (stage = dialogue.implicitTls ? 'tls' : 'greeting'),
    );
    if (dialogue.implicitTls) stage = 'greeting';
    await dialogue.preAuth(ctx);
  }).catch((error: unknown) => {
    preAuthFailure = failed(error);
  });

  const authenticate = async (mailbox: string, accessToken: string): Promise<ProbeOutcome> => {
    if (used) {
      return outcome({
        ok: false,
        error: 'this probe has already been used: it logs in only once',
      });
    }
    used = true;
    const initialResponse = xoauth2InitialResponse(mailbox, accessToken);
    redactor.add(accessToken, initialResponse);
    await ready;
    if (preAuthFailure) {
      finish();
      return { ...preAuthFailure, transcript: transcript.slice() };
    }
    try {
      const success = await phase(async () => {
        stage = 'authenticate';
        const accepted = await dialogue.login(ctx, initialResponse);
        if (dialogue.postAuth) {
          stage = 'post-auth';
          await dialogue.postAuth(ctx);
        }
        stage = 'logout';
        await dialogue.logout(ctx).catch(() => undefined);
        return accepted;
      });
      return outcome({ ok: true, reply: redactor.redact(success.reply), code: success.code });
    } catch (error) {
      return failed(error);
    } finally {
      finish();
    }
  };

  return { ready, authenticate, close: finish };
}
