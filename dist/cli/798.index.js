export const id = 798;
export const ids = [798];
export const modules = {

/***/ 8798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diagnoseMailOutcome: () => (/* reexport */ diagnoseMailOutcome),
  openImapProbe: () => (/* reexport */ openImapProbe),
  openPopProbe: () => (/* reexport */ openPopProbe),
  openSmtpProbe: () => (/* reexport */ openSmtpProbe),
  xoauth2InitialResponse: () => (/* reexport */ xoauth2InitialResponse)
});

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/mailbox/line-connection.ts
// A CRLF line reader/writer over node:net + node:tls with STARTTLS upgrade. Raw sockets rather
// than an IMAP/SMTP library because the probes need the server's exact replies, control over
// STARTTLS, and a connection opened before the token exists. Every line read or written is
// recorded in the transcript, after redaction.


/** A failure below the protocol: the socket, TLS, a timeout or the caller. */
class ConnectionFailure extends Error {
    kind;
    code;
    constructor(kind, message, code) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.name = 'ConnectionFailure';
    }
}
/**
 * Bounds on what one mail connection reads (README, Security). The probes send five commands at
 * most; Exchange answers each in a handful of short lines. A server that floods lines or bytes
 * past these is cut off with a protocol failure instead of filling memory and the report.
 */
const MAIL_LIMITS = {
    /** One reply line (RFC 5321 allows 512 octets for SMTP; IMAP capability lines stay short). */
    lineBytes: 16 * 1024,
    /** Lines read from the server over the whole connection. */
    linesRead: 1000,
    /** Bytes read from the server over the whole connection. */
    bytesRead: 1024 * 1024,
    /** Server lines kept in the transcript; later ones are counted, not kept. */
    transcriptLines: 100,
};
/** How long an ended connection may wait for the server's side to close before it is dropped. */
const LINGER_MS = 2_000;
class LineConnection {
    endpoint;
    options;
    transcript;
    redactor;
    socket;
    buffer = '';
    lines = [];
    linesRead = 0;
    bytesRead = 0;
    keptLines = 0;
    droppedNote;
    waiter;
    failure;
    where;
    constructor(endpoint, options, transcript, redactor) {
        this.endpoint = endpoint;
        this.options = options;
        this.transcript = transcript;
        this.redactor = redactor;
        this.where = `${endpoint.host}:${endpoint.port}`;
    }
    /** TCP connect; `onTcp` runs once connected (before TLS), so the caller can track the stage. */
    async connect(implicitTls, onTcp) {
        if (this.failure)
            throw this.failure; // aborted or closed before it started
        const raw = external_node_net_.connect({ host: this.endpoint.host, port: this.endpoint.port });
        this.attach(raw);
        await this.until(raw, 'connect');
        onTcp();
        if (implicitTls)
            await this.upgrade();
    }
    /** Wraps the current socket in TLS (implicit TLS, or after a STARTTLS reply). */
    async upgrade() {
        if (this.failure)
            throw this.failure;
        // Bytes that arrived before the handshake would be unauthenticated plaintext (STARTTLS
        // injection): refuse rather than read them as if they came over TLS.
        if (this.buffer.length > 0 || this.lines.length > 0) {
            throw this.fail(new ConnectionFailure('protocol', `unexpected data before TLS from ${this.where}`));
        }
        const raw = this.socket;
        raw.removeAllListeners('data');
        const host = this.endpoint.host;
        const secure = external_node_tls_.connect({
            socket: raw,
            host,
            // SNI must not be an IP address; certificate checks still use `host` then.
            servername: this.options.servername ?? (external_node_net_.isIP(host) ? undefined : host),
            ca: this.options.ca,
        });
        this.attach(secure);
        await this.until(secure, 'secureConnect');
    }
    send(line, shownAs = line) {
        this.record({ dir: 'C', text: shownAs });
        if (this.failure)
            return; // the next read reports it
        this.socket?.write(`${line}\r\n`);
    }
    readLine() {
        const line = this.lines.shift();
        if (line !== undefined)
            return Promise.resolve(line);
        if (this.failure)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            this.waiter = { resolve, reject };
        });
    }
    /** Ends the connection with `failure`: pending and later reads reject with it. */
    fail(failure) {
        if (!this.failure) {
            this.failure = failure;
            // After a flood or an overlong line nothing more of this server is read, queued or not
            // (a reply and then a close is different: that reply is still read).
            if (failure.kind === 'protocol')
                this.lines.length = 0;
            this.socket?.destroy();
            const waiter = this.waiter;
            this.waiter = undefined;
            waiter?.reject(failure);
        }
        return this.failure;
    }
    close() {
        this.fail(new ConnectionFailure('aborted', `connection to ${this.where} closed by the caller`));
    }
    /**
     * Closes after what was sent has gone out (TLS close_notify, then FIN), without waiting for the
     * server: what it still says is not read. A server that never closes its side is dropped later.
     */
    end() {
        const socket = this.socket;
        if (this.failure || !socket)
            return this.close();
        this.failure = new ConnectionFailure('aborted', `connection to ${this.where} ended by the caller`);
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter?.reject(this.failure);
        socket.end();
        setTimeout(() => socket.destroy(), LINGER_MS).unref();
    }
    attach(socket) {
        this.socket = socket;
        socket.setEncoding('utf8');
        // A probe waiting for its token must not keep the process alive; the phase timer does that
        // while the probe is actually waiting on the server.
        socket.unref();
        socket.on('data', (chunk) => this.onData(chunk));
        socket.on('error', (error) => this.fail(this.describe(error)));
        socket.on('close', () => this.fail(new ConnectionFailure('closed', `${this.where} closed the connection`)));
    }
    onData(chunk) {
        if (this.failure)
            return;
        this.bytesRead += Buffer.byteLength(chunk);
        if (this.bytesRead > MAIL_LIMITS.bytesRead) {
            this.fail(new ConnectionFailure('protocol', `${this.where} sent more than ${MAIL_LIMITS.bytesRead / 1024} KiB; no mail server needs that much to answer these commands`));
            return;
        }
        this.buffer += chunk;
        // One pass over the chunk, the rest kept once: slicing the buffer per line would copy it
        // again for every line of a flood (quadratic).
        let start = 0;
        let end;
        while (!this.failure && (end = this.buffer.indexOf('\n', start)) >= 0) {
            const raw = this.buffer.slice(start, end);
            start = end + 1;
            this.onLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
        }
        this.buffer = this.buffer.slice(start);
        if (!this.failure && Buffer.byteLength(this.buffer) > MAIL_LIMITS.lineBytes) {
            this.fail(new ConnectionFailure('protocol', `a reply line from ${this.where} exceeds ${MAIL_LIMITS.lineBytes / 1024} KiB`));
        }
    }
    onLine(line) {
        this.linesRead += 1;
        if (this.linesRead > MAIL_LIMITS.linesRead) {
            this.fail(new ConnectionFailure('protocol', `${this.where} sent more than ${MAIL_LIMITS.linesRead} lines; no mail server needs that many to answer these commands`));
            return;
        }
        if (Buffer.byteLength(line) > MAIL_LIMITS.lineBytes) {
            this.fail(new ConnectionFailure('protocol', `a reply line from ${this.where} exceeds ${MAIL_LIMITS.lineBytes / 1024} KiB`));
            return;
        }
        const text = this.redactor.redact(line);
        this.record({ dir: 'S', text });
        const waiter = this.waiter;
        this.waiter = undefined;
        if (waiter)
            waiter.resolve(text);
        else
            this.lines.push(text);
    }
    /** Keeps the first server lines; later ones are counted on one line of the transcript. */
    record(entry) {
        if (entry.dir === 'C' || this.keptLines < MAIL_LIMITS.transcriptLines) {
            if (entry.dir === 'S')
                this.keptLines += 1;
            this.transcript.push(entry);
            return;
        }
        if (!this.droppedNote) {
            this.droppedNote = { dir: 'S', text: '' };
            this.transcript.push(this.droppedNote);
        }
        const more = this.linesRead - MAIL_LIMITS.transcriptLines;
        this.droppedNote.text = `… ${more} more line${more === 1 ? '' : 's'} from the server, not kept`;
    }
    until(socket, event) {
        if (this.failure)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            const onFail = () => reject(this.failure ?? new ConnectionFailure('closed', `${this.where} closed the connection`));
            socket.once('close', onFail);
            socket.once('error', onFail);
            socket.once(event, () => {
                socket.off('close', onFail);
                socket.off('error', onFail);
                resolve();
            });
        });
    }
    describe(error) {
        const code = error.code;
        const text = this.redactor.redact(error.message);
        if (code && /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO|VERIFY/i.test(code)) {
            return new ConnectionFailure('network', `TLS certificate of ${this.where} not accepted: ${text} (${code})`, code);
        }
        const detail = text.includes(this.where) ? text : `${text} (${this.where})`;
        return new ConnectionFailure('network', `${detail}`, code);
    }
}

// EXTERNAL MODULE: ./src/engine/redactor.ts
var engine_redactor = __webpack_require__(1916);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
;// CONCATENATED MODULE: ./src/mailbox/xoauth2.ts
// SASL XOAUTH2 initial client response, as Exchange Online documents it:
// base64("user=" + mailbox + ^A + "auth=Bearer " + token + ^A^A), ^A being 0x01.
// Dovecot tolerates a missing trailing ^A^A and a lower-case "bearer"; Exchange may not,
// so the exact bytes are pinned by a unit test rather than by the local server.
function xoauth2InitialResponse(mailbox, accessToken) {
    return Buffer.from(`user=${mailbox}\x01auth=Bearer ${accessToken}\x01\x01`, 'utf8').toString('base64');
}

;// CONCATENATED MODULE: ./src/mailbox/probe-session.ts
// What the three probes share: the two phases (pre-auth at open, then authenticate), a timeout
// and the abort signal per phase, turning every failure into a ProbeOutcome (never a rejection),
// and keeping the token out of it. The protocol files supply only the dialogue.




/** The server answered, and the answer was no. */
class ReplyFailure extends Error {
    reply;
    code;
    constructor(reply, code) {
        super(reply);
        this.reply = reply;
        this.code = code;
        this.name = 'ReplyFailure';
    }
}
function openProbe(dialogue, endpoint, options) {
    const transcript = [];
    const redactor = new engine_redactor.Redactor('<redacted>');
    const conn = new LineConnection(endpoint, options, transcript, redactor);
    let stage = 'connect';
    let activeMs = 0;
    let preAuthFailure;
    let used = false;
    const ctx = { conn, setStage: (next) => (stage = next) };
    const outcome = (fields) => ({
        protocol: dialogue.protocol,
        stage,
        ...fields,
        transcript: transcript.slice(),
        durationMs: Math.round(activeMs),
    });
    const failed = (error) => {
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
        const text = (0,errors.errorMessage)(error);
        return outcome({ ok: false, error: redactor.redact(`${text} (${conn.where})`) });
    };
    // The signal ends the probe at any time, also while it waits idle for the token.
    const onAbort = () => conn.fail(new ConnectionFailure('aborted', `probe of ${conn.where} aborted (stage ${stage})`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
        options.signal?.removeEventListener('abort', onAbort);
        conn.close();
    };
    /** After a success: say goodbye and let the connection close in the background. */
    const leave = () => {
        options.signal?.removeEventListener('abort', onAbort);
        stage = 'logout';
        dialogue.goodbye(ctx);
        conn.end();
    };
    // Each phase has its own limit: the idle gap while the caller fetches the token is not counted.
    const phase = async (run) => {
        const started = performance.now();
        const timer = setTimeout(() => {
            conn.fail(new ConnectionFailure('timeout', `no reply from ${conn.where} within ${options.timeoutMs} ms (stage ${stage})`, 'ETIMEDOUT'));
        }, options.timeoutMs);
        if (options.signal?.aborted)
            onAbort();
        try {
            return await run();
        }
        finally {
            clearTimeout(timer);
            activeMs += performance.now() - started;
        }
    };
    const ready = phase(async () => {
        await conn.connect(dialogue.implicitTls, () => (stage = dialogue.implicitTls ? 'tls' : 'greeting'));
        if (dialogue.implicitTls)
            stage = 'greeting';
        await dialogue.preAuth(ctx);
    }).catch((error) => {
        preAuthFailure = failed(error);
    });
    const authenticate = async (mailbox, accessToken) => {
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
                return accepted;
            });
            leave();
            return outcome({ ok: true, reply: redactor.redact(success.reply), code: success.code });
        }
        catch (error) {
            const result = failed(error);
            finish();
            return result;
        }
    };
    return { ready, authenticate, close: finish };
}

;// CONCATENATED MODULE: ./src/mailbox/imap-probe.ts
// IMAP over implicit TLS (outlook.office365.com:993): greeting, CAPABILITY when the greeting
// lacks it (Exchange's does), AUTHENTICATE XOAUTH2, then SELECT INBOX, because Exchange can
// accept the login and only then say "BAD User is authenticated but not connected.".

/** 'NO [AUTHENTICATIONFAILED]', 'BAD', 'OK [CAPABILITY]'... from a tagged or untagged status line. */
function imapCode(line) {
    const match = /^\S+ (OK|NO|BAD|BYE|PREAUTH)\b(?: \[([^\]\s]+))?/i.exec(line);
    if (!match)
        return line.split(' ')[0] ?? '';
    const status = match[1].toUpperCase();
    return match[2] ? `${status} [${match[2].toUpperCase()}]` : status;
}
/** Reads until the tagged reply for `tag`; untagged BYE ends the session. */
async function tagged(ctx, tag) {
    for (;;) {
        const line = await ctx.conn.readLine();
        if (line.startsWith(`${tag} `))
            return line;
        if (/^\* BYE\b/i.test(line))
            throw new ReplyFailure(line, 'BYE');
    }
}
function requireOk(line) {
    if (!/^\S+ OK\b/i.test(line))
        throw new ReplyFailure(line, imapCode(line));
}
function openImapProbe(endpoint, options) {
    let capabilities = [];
    let capabilityLine = '';
    return openProbe({
        protocol: 'imap',
        implicitTls: true,
        async preAuth(ctx) {
            const greeting = await ctx.conn.readLine();
            if (!/^\* OK\b/i.test(greeting))
                throw new ReplyFailure(greeting, imapCode(greeting));
            const inline = /\[CAPABILITY ([^\]]*)\]/i.exec(greeting);
            if (inline) {
                capabilityLine = greeting;
                capabilities = inline[1].toUpperCase().split(' ');
                return;
            }
            ctx.conn.send('a0 CAPABILITY');
            for (;;) {
                const line = await ctx.conn.readLine();
                if (/^\* CAPABILITY /i.test(line)) {
                    capabilityLine = line;
                    capabilities = line.slice('* CAPABILITY '.length).toUpperCase().split(' ');
                }
                else if (line.startsWith('a0 ')) {
                    requireOk(line);
                    return;
                }
                else if (/^\* BYE\b/i.test(line)) {
                    throw new ReplyFailure(line, 'BYE');
                }
            }
        },
        async login(ctx, initialResponse) {
            // Sending the token to a server that does not take XOAUTH2 would prove nothing.
            if (!capabilities.includes('AUTH=XOAUTH2')) {
                throw new ReplyFailure(capabilityLine, 'AUTH=XOAUTH2 not offered');
            }
            if (capabilities.includes('SASL-IR')) {
                ctx.conn.send(`a1 AUTHENTICATE XOAUTH2 ${initialResponse}`, 'a1 AUTHENTICATE XOAUTH2 <redacted>');
            }
            else {
                ctx.conn.send('a1 AUTHENTICATE XOAUTH2');
                const go = await ctx.conn.readLine();
                if (!go.startsWith('+'))
                    throw new ReplyFailure(go, imapCode(go));
                ctx.conn.send(initialResponse, '<redacted>');
            }
            let challenged = false;
            for (;;) {
                const line = await ctx.conn.readLine();
                if (line.startsWith('+')) {
                    // XOAUTH2 error challenge (base64 JSON): an empty response makes the server send
                    // its final NO. Answer once; a second challenge is a protocol error.
                    if (challenged)
                        throw new ReplyFailure(line, '+');
                    challenged = true;
                    ctx.conn.send('');
                }
                else if (line.startsWith('a1 ')) {
                    requireOk(line);
                    return { reply: line, code: imapCode(line) };
                }
                else if (/^\* BYE\b/i.test(line)) {
                    throw new ReplyFailure(line, 'BYE');
                }
            }
        },
        async postAuth(ctx) {
            ctx.conn.send('a2 SELECT INBOX');
            requireOk(await tagged(ctx, 'a2'));
        },
        goodbye(ctx) {
            ctx.conn.send('a3 LOGOUT');
        },
    }, endpoint, options);
}

;// CONCATENATED MODULE: ./src/mailbox/pop-probe.ts
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

/** '-ERR [AUTH]', '-ERR', '+OK'. */
function popCode(line) {
    const match = /^(\+OK|-ERR)(?: \[([^\]\s]+)[^\]]*\])?/i.exec(line);
    if (!match)
        return line.split(' ')[0] ?? '';
    const status = match[1].toUpperCase();
    return match[2] ? `${status} [${match[2].toUpperCase()}]` : status;
}
const isOk = (line) => /^\+OK\b/i.test(line);
/** RFC 5034 section 4: a POP3 command line, CRLF included, is at most 255 octets. */
const POP_MAX_COMMAND_OCTETS = 255;
function openPopProbe(endpoint, options) {
    return openProbe({
        protocol: 'pop',
        implicitTls: true,
        async preAuth(ctx) {
            const greeting = await ctx.conn.readLine();
            if (!isOk(greeting))
                throw new ReplyFailure(greeting, popCode(greeting));
        },
        async login(ctx, initialResponse) {
            const oneLine = `AUTH XOAUTH2 ${initialResponse}`;
            if (Buffer.byteLength(oneLine) + 2 <= POP_MAX_COMMAND_OCTETS) {
                ctx.conn.send(oneLine, 'AUTH XOAUTH2 <redacted>');
            }
            else {
                ctx.conn.send('AUTH XOAUTH2');
                const go = await ctx.conn.readLine();
                if (isOk(go) || !go.startsWith('+'))
                    throw new ReplyFailure(go, popCode(go));
                ctx.conn.send(initialResponse, '<redacted>');
            }
            let challenged = false;
            for (;;) {
                const line = await ctx.conn.readLine();
                if (isOk(line))
                    return { reply: line, code: '+OK' };
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
            if (!isOk(line))
                throw new ReplyFailure(line, popCode(line));
        },
        goodbye(ctx) {
            ctx.conn.send('QUIT');
        },
    }, endpoint, options);
}

;// CONCATENATED MODULE: ./src/mailbox/smtp-probe.ts

// Address literal, as common clients send when the host has no FQDN; Exchange does not check it.
const EHLO_NAME = '[127.0.0.1]';
/** '535 5.7.139', '421', ... from the last line of a reply. */
function smtpCode(line) {
    const match = /^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3})\b)?/.exec(line);
    if (!match)
        return line.split(' ')[0] ?? '';
    return match[2] ? `${match[1]} ${match[2]}` : match[1];
}
/** A reply is lines "250-..." continued until "250 ..." (or a bare code). */
async function readReply(ctx) {
    const lines = [];
    for (;;) {
        const line = await ctx.conn.readLine();
        lines.push(line);
        if (!/^\d{3}-/.test(line)) {
            return { status: Number(line.slice(0, 3)) || 0, lines, text: lines.join('\n') };
        }
    }
}
function expectStatus(reply, status) {
    const last = reply.lines[reply.lines.length - 1] ?? '';
    if (reply.status !== status)
        throw new ReplyFailure(reply.text, smtpCode(last));
    return reply;
}
/** EHLO keywords, upper case: ['STARTTLS', 'AUTH XOAUTH2 OAUTHBEARER', ...]. */
const extensions = (reply) => reply.lines.slice(1).map((line) => line.slice(4).toUpperCase());
function openSmtpProbe(endpoint, options) {
    let mechanisms = [];
    let ehloText = '';
    return openProbe({
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
        async login(ctx, initialResponse) {
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
            return { reply: reply.text, code: smtpCode(reply.lines[reply.lines.length - 1]) };
        },
        goodbye(ctx) {
            ctx.conn.send('QUIT');
        },
    }, endpoint, options);
}

// EXTERNAL MODULE: ./src/identity/exchange-audiences.ts
var exchange_audiences = __webpack_require__(3315);
;// CONCATENATED MODULE: ./src/mailbox/diagnose-common.ts
const LABEL = { imap: 'IMAP', pop: 'POP', smtp: 'SMTP' };
const STEP_PERMISSIONS = 'Step 3 (Permissions): API permissions → Add a permission, then grant admin consent';
const STEP_EXCHANGE_SP = 'Step 4 (Connect the registration to Exchange Online): New-ServicePrincipal and Add-MailboxPermission';
const STEP_TOKEN_SCOPE = 'Step 6 (Get tokens): the scopes the token request asks for';

// EXTERNAL MODULE: ./src/settings/types.ts
var types = __webpack_require__(1664);
// EXTERNAL MODULE: ./src/text/command-values.ts
var command_values = __webpack_require__(6321);
;// CONCATENATED MODULE: ./src/mailbox/diagnose-claims.ts
// What the token's own claims (decoded unverified by the caller) say is wrong for a protocol:
// expiry, audience (the unprefixed-scope trap), missing scope or app role, another user.




const GRAPH_AUDIENCES = ['https://graph.microsoft.com', types/* RESOURCE_APP_IDS */.w.graph];
/** The largest time a Date holds, in seconds (ECMAScript: 8.64e15 ms either side of 1970). */
const MAX_EPOCH_SECONDS = 8.64e12;
/** Problems the token's own claims show, most decisive first. */
function claimFindings(ctx, protocol) {
    const claims = ctx.claims;
    if (!claims)
        return [];
    const findings = [];
    const now = ctx.now ?? Date.now();
    // The claims are unverified server text: an `exp` outside what a Date holds is no finding.
    const exp = claims.exp;
    if (typeof exp === 'number' && Math.abs(exp) <= MAX_EPOCH_SECONDS && exp * 1000 <= now) {
        const ago = Math.round((now - exp * 1000) / 1000);
        findings.push({
            cause: `The access token expired at ${new Date(exp * 1000).toISOString()} (${ago} s before the login).`,
            remediation: 'Request a new token right before the login (tokens last about an hour) and check the runner’s clock.',
        });
    }
    const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
    if (audiences.length > 0 &&
        !audiences.some((a) => (0,exchange_audiences/* isExchangeAudience */.WV)(a, ctx.expectedAudiences))) {
        const graph = audiences.some((a) => GRAPH_AUDIENCES.includes((0,exchange_audiences/* normaliseAudience */.H6)(a)));
        const wanted = ctx.grant === 'password'
            ? `https://outlook.office.com/${types/* MAIL_PERMISSIONS */.r[protocol].delegated}`
            : 'https://outlook.office365.com/.default';
        findings.push({
            cause: `The token is for ${audiences.join(', ')}, not for Exchange Online (expected one of ${ctx.expectedAudiences.join(', ')}).` +
                (graph
                    ? ` A scope written without its resource prefix (${types/* MAIL_PERMISSIONS */.r[protocol].delegated} instead of ${wanted}) defaults to Microsoft Graph, and mail servers refuse Graph tokens.`
                    : ''),
            remediation: `Request the scope ${wanted} (check the scope input), in a token request of its own.`,
            setupStep: STEP_TOKEN_SCOPE,
        });
    }
    if (ctx.grant === 'password') {
        const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
        const needed = types/* MAIL_PERMISSIONS */.r[protocol].delegated;
        if (claims.scp !== undefined && !scopes.some((s) => s.toLowerCase() === needed.toLowerCase())) {
            findings.push({
                cause: `The token's scp lacks ${needed} (it has: ${scopes.join(' ') || 'nothing'}).`,
                remediation: `Add the delegated permission ${needed} (Microsoft Graph or Office 365 Exchange Online), grant admin consent, and request https://outlook.office.com/${needed}.`,
                setupStep: STEP_PERMISSIONS,
            });
        }
        if (claims.upn && claims.upn.toLowerCase() !== ctx.mailbox.toLowerCase()) {
            findings.push({
                cause: `The token belongs to ${claims.upn}, but the login names ${ctx.mailbox} (XOAUTH2 user=).`,
                remediation: `Use the signing-in account as the username, or, if ${ctx.mailbox} is a shared mailbox, give ${claims.upn} access: ` +
                    `Add-MailboxPermission -Identity ${(0,command_values/* psWord */.eW)(ctx.mailbox)} -User ${(0,command_values/* psWord */.eW)(claims.upn)} -AccessRights FullAccess`,
            });
        }
    }
    else if ((ctx.exchangeAuthorization ?? 'auto') === 'entra') {
        // With RBAC for Applications a token has no mail role at all, so a missing role proves
        // something only when the Entra route is the one in use (generic-causes.ts ranks it otherwise).
        const needed = types/* MAIL_PERMISSIONS */.r[protocol].application;
        if (!(claims.roles ?? []).includes(needed)) {
            findings.push({
                cause: `The app-only token's roles lack ${needed} (it has: ${(claims.roles ?? []).join(' ') || 'no roles'}).`,
                remediation: `Add the application permission ${needed} under Office 365 Exchange Online (APIs my organization uses) and grant admin consent.`,
                setupStep: STEP_PERMISSIONS,
            });
        }
    }
    return findings;
}

// EXTERNAL MODULE: ./src/mailbox/exchange-setup.ts
var exchange_setup = __webpack_require__(8607);
;// CONCATENATED MODULE: ./src/mailbox/diagnose-exchange.ts
// The one reply whose words depend on who signed in: IMAP `BAD User is authenticated but not
// connected.` The token was accepted, but the mailbox named in the login could not be opened by
// that principal (jstedfast/MailKit#1135, simonrob/email-oauth2-proxy#74 and #275).



function notConnected(summary, ctx, protocol) {
    if (ctx.grant === 'client-credentials') {
        const ids = {
            clientId: ctx.clientId,
            servicePrincipalObjectId: ctx.servicePrincipalObjectId,
            mailbox: ctx.mailbox,
        };
        return {
            summary,
            replyClass: 'specific',
            cause: `The ${LABEL[protocol]} login was accepted but ${ctx.mailbox} could not be opened: the app has no permission on that mailbox, or its service principal was registered in Exchange with the wrong object ID.`,
            remediation: [
                `Check: ${(0,exchange_setup/* getMailboxPermission */.CX)(ids)}`,
                `Fix in Exchange Online PowerShell: ${(0,exchange_setup/* addMailboxPermission */.PG)(ids)}`,
                `If the permission is there, check the registration: ${(0,exchange_setup/* getServicePrincipal */.Il)(ids)} (ObjectId must be the Enterprise application's); re-create it with ${(0,exchange_setup/* newServicePrincipal */.iv)(ids)}`,
            ].join('\n'),
            setupStep: STEP_EXCHANGE_SP,
        };
    }
    const upn = ctx.claims?.upn;
    const other = upn && upn.toLowerCase() !== ctx.mailbox.toLowerCase() ? upn : undefined;
    return {
        summary,
        replyClass: 'specific',
        cause: `The ${LABEL[protocol]} login was accepted but ${ctx.mailbox} could not be opened by the signed-in account` +
            (other
                ? ` (${other}, which the token belongs to)`
                : upn
                    ? ` (${upn})`
                    : ': the token may belong to another account than the mailbox') +
            '.',
        remediation: [
            `Sign in as ${ctx.mailbox} (the token's account must be the mailbox), or give the signed-in account access: Add-MailboxPermission -Identity ${(0,command_values/* psWord */.eW)(ctx.mailbox)} -User ${(other ?? upn) ? (0,command_values/* psWord */.eW)((other ?? upn)) : '<token user>'} -AccessRights FullAccess`,
            `Check: Get-MailboxPermission -Identity ${(0,command_values/* psWord */.eW)(ctx.mailbox)}`,
        ].join('\n'),
    };
}

;// CONCATENATED MODULE: ./src/mailbox/diagnose-network.ts
function networkDiagnosis(outcome, label) {
    const error = outcome.error ?? 'unknown failure';
    const summary = `${label} ${outcome.stage} failed: ${error}`;
    const reach = 'Check that this runner can reach the host and port (firewall, egress rules; HTTP proxies ' +
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
            remediation: 'Use the Microsoft host name for your cloud (the certificate names it). A TLS-inspecting ' +
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

;// CONCATENATED MODULE: ./src/mailbox/exchange-replies.ts

const OAUTH_PAGE = 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth';
const SMTP_AUTH_PAGE = 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission';
const casMailbox = (mailbox) => `Set-CASMailbox -Identity ${(0,command_values/* psWord */.eW)(mailbox)} -SmtpClientAuthenticationDisabled $false`;
const EXCHANGE_REPLIES = [
    {
        id: 'smtp-auth-disabled-tenant',
        protocols: ['smtp'],
        pattern: /\b5\.7\.139\b.*disabled for the Tenant/is,
        example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
        source: 'https://github.com/simonrob/email-oauth2-proxy/issues/193',
        class: 'specific',
        meaning: 'SMTP AUTH (authenticated client submission) is turned off for the whole tenant; the switch blocks XOAUTH2 logins too.',
        fix: (mailbox) => 'In Exchange Online PowerShell: Set-TransportConfig -SmtpClientAuthenticationDisabled $false\n' +
            `or turn it on for this mailbox only (the mailbox setting wins over the tenant's): ${casMailbox(mailbox)}\n` +
            'Check: Get-TransportConfig | fl SmtpClientAuthenticationDisabled',
    },
    {
        id: 'smtp-auth-disabled-mailbox',
        protocols: ['smtp'],
        pattern: /\b5\.7\.139\b.*disabled for the Mailbox/is,
        example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
        source: SMTP_AUTH_PAGE,
        class: 'specific',
        meaning: 'SMTP AUTH (authenticated client submission) is turned off for this mailbox; the switch blocks XOAUTH2 logins too.',
        fix: (mailbox) => `In Exchange Online PowerShell: ${casMailbox(mailbox)}\n` +
            `Check: Get-CASMailbox -Identity ${(0,command_values/* psWord */.eW)(mailbox)} | fl SmtpClientAuthenticationDisabled`,
    },
    {
        id: 'smtp-auth-security-defaults',
        protocols: ['smtp'],
        pattern: /\b5\.7\.139\b.*security defaults/is,
        example: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.",
        source: 'https://docs.bookyourpto.com/features/smtp-troubleshoot',
        class: 'specific',
        meaning: 'Security defaults in the tenant block SMTP AUTH for this user.',
        fix: () => 'Security defaults cannot exempt one account: turn them off (Entra ID → Overview → Properties → Manage security defaults) ' +
            'and protect sign-ins with Conditional Access policies instead, or send through Microsoft Graph rather than SMTP.',
    },
    {
        id: 'smtp-basic-auth-disabled',
        protocols: ['smtp'],
        pattern: /\b5\.7\.139\b.*basic authentication is disabled/is,
        example: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]',
        source: 'https://github.com/rpremraj/mailR/issues/107',
        class: 'specific',
        meaning: 'Basic authentication (a username and password) is refused for SMTP AUTH. Exchange answers this to password logins; this preflight logs in with XOAUTH2, so the server took the login for a password one.',
        fix: () => 'Log in with XOAUTH2 and an access token (this preflight does). If a client of yours sends a password, switch it to XOAUTH2; ' +
            'if this reply answers an XOAUTH2 login, check that the SMTP endpoint is Exchange Online (smtp.office365.com:587 in the public cloud).',
    },
    {
        id: 'smtp-auth-criteria',
        protocols: ['smtp'],
        pattern: /\b5\.7\.139\b.*did not meet the criteria/is,
        example: '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.',
        source: 'https://docs.bookyourpto.com/features/smtp-troubleshoot',
        class: 'specific',
        meaning: 'Exchange refused SMTP AUTH for a policy reason it does not name. Microsoft does not document this text; public guides connect it with sign-in policies (Conditional Access, MFA) and with SMTP AUTH being off for the mailbox.',
        fix: (mailbox) => 'Look the sign-in up in Entra ID → Sign-in logs for this account (a Conditional Access or MFA result), then check SMTP AUTH itself: ' +
            `Get-CASMailbox -Identity ${(0,command_values/* psWord */.eW)(mailbox)} | fl SmtpClientAuthenticationDisabled`,
    },
    {
        id: 'smtp-basic-auth-retired',
        protocols: ['smtp'],
        pattern: /\b5\.7\.30\b.*Basic authentication is not supported/is,
        example: '550 5.7.30 Basic authentication is not supported for Client Submission.',
        source: 'https://mc.merill.net/message/MC786329',
        class: 'specific',
        meaning: 'Basic authentication for SMTP AUTH is retired for this tenant; only OAuth (XOAUTH2) logins are accepted.',
        fix: () => 'Log in with XOAUTH2 (this preflight does); move every client that still sends a password to OAuth.',
    },
    {
        id: 'imap-not-connected',
        protocols: ['imap'],
        pattern: /User is authenticated but not connected/i,
        example: 'BAD User is authenticated but not connected.',
        source: 'https://github.com/simonrob/email-oauth2-proxy/issues/275',
        class: 'specific',
        meaning: 'The token was accepted, but the mailbox named in the login could not be opened by the principal that signed in.',
        // The words depend on the grant; diagnose-exchange.ts `notConnected` writes them.
        fix: (mailbox) => `Give the signed-in principal access to ${mailbox} (Add-MailboxPermission), or log in as the mailbox the token belongs to.`,
    },
    {
        id: 'server-unavailable',
        protocols: ['imap', 'pop'],
        pattern: /Server Unavailable\.?\s*\d*/i,
        example: '-ERR Server Unavailable. 21',
        source: 'https://github.com/simonrob/email-oauth2-proxy/issues/379',
        class: 'transient',
        meaning: "A fault on Microsoft's side (the number names an internal reason): the setup is not shown to be wrong.",
        fix: () => 'Run the preflight again; if it keeps answering this, check the Microsoft 365 service health page.',
    },
    {
        id: 'smtp-temporary',
        protocols: ['smtp'],
        pattern: /^4\d\d[ -]/m,
        example: '454 4.7.0 Temporary authentication failure',
        source: 'https://www.rfc-editor.org/rfc/rfc4954#section-6',
        class: 'transient',
        meaning: 'A temporary (4xx) refusal: the server could not complete the login now; the setup is not shown to be wrong.',
        fix: () => 'Run the preflight again later.',
    },
    {
        id: 'pop-protocol-error',
        protocols: ['pop'],
        pattern: /^-ERR Protocol error/i,
        example: '-ERR Protocol error. 19',
        source: 'https://github.com/freescout-help-desk/freescout/issues/2810',
        class: 'protocol',
        meaning: 'The POP server did not accept a command in this state: a protocol problem (a client bug, or another protocol spoken on the POP port), not a disabled setting.',
        fix: () => 'Check that the POP endpoint is a POP3 port with implicit TLS (outlook.office365.com:995 in the public cloud) and that no proxy rewrites the dialogue; report it with the transcript if it persists.',
    },
    {
        id: 'imap-authenticate-failed',
        protocols: ['imap'],
        pattern: /\b(?:AUTHENTICATE|LOGIN) failed/i,
        example: 'NO AUTHENTICATE failed.',
        source: OAUTH_PAGE,
        class: 'generic',
        meaning: 'Exchange gives this reply for any failed login over IMAP; it names no cause.',
        fix: () => '',
    },
    {
        id: 'pop-authentication-failure',
        protocols: ['pop'],
        pattern: /(?:Authentication|Logon) failure: unknown user name or bad password/i,
        example: '-ERR Authentication failure: unknown user name or bad password.',
        source: OAUTH_PAGE,
        class: 'generic',
        meaning: 'Exchange gives this reply for any failed login over POP; it names no cause.',
        fix: () => '',
    },
    {
        id: 'smtp-authentication-unsuccessful',
        protocols: ['smtp'],
        pattern: /\b5\.7\.3\b.*Authentication unsuccessful/is,
        example: '535 5.7.3 Authentication unsuccessful',
        source: OAUTH_PAGE,
        class: 'generic',
        meaning: 'Exchange gives this reply for any failed login over SMTP AUTH; it names no cause (SMTP AUTH turned off answers 5.7.139 instead).',
        fix: () => '',
    },
    // The standards' own generic refusals (servers other than Exchange use them, e.g. the loopback
    // servers of this repository's tests): as unspecific as Exchange's.
    {
        id: 'imap-authenticationfailed',
        protocols: ['imap'],
        pattern: /\bNO \[AUTHENTICATIONFAILED\]/i,
        example: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
        source: 'https://www.rfc-editor.org/rfc/rfc5530#section-3',
        class: 'generic',
        meaning: 'The standard IMAP reply to any failed login (RFC 5530: the server will not say why); it names no cause.',
        fix: () => '',
    },
    {
        id: 'pop-auth',
        protocols: ['pop'],
        pattern: /^-ERR \[AUTH\]/i,
        example: '-ERR [AUTH] Authentication failed.',
        source: 'https://www.rfc-editor.org/rfc/rfc3206#section-4',
        class: 'generic',
        meaning: 'The standard POP reply to any failed login (RFC 3206); it names no cause.',
        fix: () => '',
    },
    {
        id: 'smtp-credentials-invalid',
        protocols: ['smtp'],
        pattern: /^535 5\.7\.8\b/m,
        example: '535 5.7.8 Error: authentication failed: Invalid token',
        source: 'https://www.rfc-editor.org/rfc/rfc4954#section-6',
        class: 'generic',
        meaning: 'The standard SMTP reply to any failed login (RFC 4954: credentials invalid); it names no cause.',
        fix: () => '',
    },
];
/** The catalogued reply this one is, or undefined (an unknown reply). */
function classifyReply(protocol, reply) {
    return EXCHANGE_REPLIES.find((r) => r.protocols.includes(protocol) && r.pattern.test(reply));
}

;// CONCATENATED MODULE: ./src/mailbox/generic-causes.ts
// The causes behind Exchange's generic refusals (IMAP `NO AUTHENTICATE failed.`, POP `-ERR
// Authentication failure: unknown user name or bad password.`, SMTP `535 5.7.3 Authentication
// unsuccessful`). Microsoft's OAuth page shows these replies for any failed login, so no single
// cause is certain: the plausible ones are listed most likely first, each with the check that
// tells, and the ones the evidence rules out are named with the reason.
// Order (most likely first): what the token itself shows is wrong; then, for app-only tokens, the
// Exchange side of the app's authorization; for delegated tokens, the mailbox's protocol switch and
// the account; a fault on Microsoft's side last (real 5.7.3 cases include one).






const MICROSOFT_SIDE = {
    cause: "a passing fault on Microsoft's side (reported for the same reply)",
    check: 'Run the preflight again in a few minutes',
    fix: 'If it passes then, nothing was wrong with the setup.',
};
function casSwitch(protocol, mailbox) {
    const field = protocol === 'imap'
        ? 'ImapEnabled'
        : protocol === 'pop'
            ? 'PopEnabled'
            : 'SmtpClientAuthenticationDisabled';
    const set = protocol === 'smtp'
        ? `Set-CASMailbox -Identity ${(0,command_values/* psWord */.eW)(mailbox)} -SmtpClientAuthenticationDisabled $false`
        : `Set-CASMailbox -Identity ${(0,command_values/* psWord */.eW)(mailbox)} -${field} $true`;
    return {
        cause: protocol === 'smtp'
            ? `SMTP AUTH is turned off for ${mailbox} (less likely: Exchange usually answers 5.7.139 for that)`
            : `${LABEL[protocol]} is turned off for ${mailbox}`,
        check: `Get-CASMailbox -Identity ${(0,command_values/* psWord */.eW)(mailbox)} | fl ImapEnabled,PopEnabled,SmtpClientAuthenticationDisabled`,
        fix: set,
    };
}
function rankGenericCauses(protocol, ctx) {
    const claims = ctx.claims;
    const causes = claimFindings(ctx, protocol).map((f) => ({
        cause: `the token shows it: ${f.cause.replace(/\.$/, '')}`,
        check: 'The token claims in the details',
        fix: f.remediation,
        ...(f.setupStep ? { setupStep: f.setupStep } : {}),
    }));
    const ruledOut = [];
    if (claims) {
        const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
        if (audiences.some((a) => (0,exchange_audiences/* isExchangeAudience */.WV)(a, ctx.expectedAudiences)))
            ruledOut.push(`a token for another resource (its aud ${audiences.join(', ')} is Exchange Online)`);
        const now = ctx.now ?? Date.now();
        if (claims.exp !== undefined && claims.exp * 1000 > now)
            ruledOut.push(`an expired token (it is valid until ${new Date(claims.exp * 1000).toISOString()})`);
    }
    if (ctx.grant === 'client-credentials')
        appOnly(protocol, ctx, causes, ruledOut);
    else
        delegated(protocol, ctx, causes, ruledOut);
    causes.push(MICROSOFT_SIDE);
    return { causes, ruledOut };
}
function appOnly(protocol, ctx, causes, ruledOut) {
    const ids = {
        clientId: ctx.clientId,
        servicePrincipalObjectId: ctx.servicePrincipalObjectId,
        mailbox: ctx.mailbox,
    };
    const role = types/* MAIL_PERMISSIONS */.r[protocol].application;
    const roles = ctx.claims?.roles ?? [];
    const mode = ctx.exchangeAuthorization ?? 'auto';
    if (ctx.claims && roles.includes(role))
        ruledOut.push(`a missing ${role} app role (the token's roles carry it)`);
    else if (mode !== 'entra')
        causes.push({
            cause: `neither the Entra app role ${role} (the token carries ${roles.length ? roles.join(' ') : 'no roles'}) nor an Exchange RBAC for Applications assignment authorizes the app for ${ctx.mailbox}`,
            check: (0,exchange_setup/* testAuthorization */.M2)(ids),
            fix: `Grant ${role} (Office 365 Exchange Online, application) with admin consent, or: ${(0,exchange_setup/* rbacCommands */.pJ)(ids, protocol).join('; ')}`,
        });
    causes.push({
        cause: "the app's service principal is not registered in Exchange Online",
        check: (0,exchange_setup/* getServicePrincipal */.Il)(ids),
        fix: (0,exchange_setup/* newServicePrincipal */.iv)(ids),
    });
    causes.push(protocol === 'smtp'
        ? {
            cause: `the app may not send as ${ctx.mailbox} (no mailbox permission or RBAC assignment for it)`,
            check: (0,exchange_setup/* testAuthorization */.M2)(ids),
            fix: `${(0,exchange_setup/* addMailboxPermission */.PG)(ids)}; or ${(0,exchange_setup/* rbacCommands */.pJ)(ids, protocol).join('; ')}`,
        }
        : {
            cause: `the app has no permission on ${ctx.mailbox}`,
            check: (0,exchange_setup/* getMailboxPermission */.CX)(ids),
            fix: (0,exchange_setup/* addMailboxPermission */.PG)(ids),
        });
    causes.push({
        cause: 'the service principal was registered in Exchange with the App registration object ID instead of the Enterprise application one',
        check: `${(0,exchange_setup/* getServicePrincipal */.Il)(ids)}: ObjectId must be ${ids.servicePrincipalObjectId ?? 'the object ID under Enterprise applications'}`,
        fix: `Remove-ServicePrincipal -Identity ${(0,command_values/* graphId */.sQ)(ctx.clientId)}, then ${(0,exchange_setup/* newServicePrincipal */.iv)(ids)}`,
    });
    causes.push(casSwitch(protocol, ctx.mailbox));
}
function delegated(protocol, ctx, causes, ruledOut) {
    const claims = ctx.claims;
    const scope = types/* MAIL_PERMISSIONS */.r[protocol].delegated;
    const upn = claims?.upn;
    if (claims?.scp?.split(' ').some((s) => s.toLowerCase() === scope.toLowerCase()))
        ruledOut.push(`a missing ${scope} consent (the token's scp carries it)`);
    if (upn && upn.toLowerCase() === ctx.mailbox.toLowerCase())
        ruledOut.push(`a token for a different account (its upn is ${upn})`);
    const switchCause = casSwitch(protocol, ctx.mailbox);
    // IMAP and POP switched off per mailbox answer exactly this; SMTP AUTH off answers 5.7.139.
    if (protocol !== 'smtp')
        causes.push(switchCause);
    if (!upn)
        causes.push({
            cause: `the token was issued to a different account than ${ctx.mailbox} (a token cached for another user)`,
            check: 'Compare the upn claim of the token with the username',
            fix: `Request the token as ${ctx.mailbox}, or give that account access: Add-MailboxPermission -Identity ${(0,command_values/* psWord */.eW)(ctx.mailbox)} -User <token user> -AccessRights FullAccess`,
        });
    causes.push({
        cause: `${ctx.mailbox} has no Exchange Online mailbox (no licence with Exchange, or the account is not mail-enabled)`,
        check: `Get-EXOMailbox -Identity ${(0,command_values/* psWord */.eW)(ctx.mailbox)}`,
        fix: 'Assign a Microsoft 365 licence that includes Exchange Online to the account.',
    });
    if (protocol === 'smtp')
        causes.push(switchCause);
}

;// CONCATENATED MODULE: ./src/mailbox/diagnose.ts
// Turns a probe outcome into a cause and a fix, as certain as the reply allows. A reply Exchange
// gives a meaning to (5.7.139, "authenticated but not connected", "Server Unavailable") gets that
// meaning and nothing else; a generic refusal gets the plausible causes, ranked with what the
// token and the registration show; anything else is quoted and called unknown.
// Replies: exchange-replies.ts; causes of generic refusals: generic-causes.ts.







function diagnoseMailOutcome(outcome, ctx) {
    const label = LABEL[outcome.protocol];
    if (outcome.ok) {
        const what = outcome.protocol === 'smtp' ? 'SMTP AUTH' : `${label} login and mailbox access`;
        return {
            summary: `${what} worked for ${ctx.mailbox} (${outcome.durationMs} ms)`,
            cause: 'none',
            remediation: '',
        };
    }
    if (outcome.reply === undefined)
        return networkDiagnosis(outcome, label);
    return replyDiagnosis(outcome, ctx, label);
}
function replyDiagnosis(outcome, ctx, label) {
    const reply = outcome.reply ?? '';
    const summary = `${label} ${outcome.stage} refused for ${ctx.mailbox}: ${lastLine(reply)}`;
    const protocol = outcome.protocol;
    const known = classifyReply(protocol, reply);
    if (known?.class === 'transient') {
        return {
            summary,
            status: 'warn',
            replyClass: 'transient',
            headline: firstSentence(known.meaning),
            cause: `${label} answered "${lastLine(reply)}": ${known.meaning}`,
            remediation: known.fix(ctx.mailbox),
        };
    }
    if (/not offered/.test(outcome.code ?? '')) {
        return {
            summary,
            replyClass: 'protocol',
            cause: outcome.stage === 'greeting' || outcome.stage === 'starttls'
                ? `The server does not offer what Exchange Online offers (${outcome.code}): this is probably not the Exchange Online ${label} endpoint.`
                : `The server does not offer SASL XOAUTH2 (${outcome.code}).`,
            remediation: `Point the ${label} endpoint at Exchange Online (public cloud: outlook.office365.com:993 IMAP, :995 POP, smtp.office365.com:587 SMTP).`,
        };
    }
    if (outcome.stage === 'greeting' || outcome.stage === 'starttls') {
        return {
            summary,
            replyClass: known?.class ?? 'unknown',
            cause: `The ${label} server refused the session before any login: "${lastLine(reply)}".`,
            remediation: 'Check the endpoint (host and port) for your cloud; retry later if it is a temporary refusal (4xx / BYE).',
        };
    }
    if (known?.id === 'imap-not-connected')
        return notConnected(summary, ctx, protocol);
    if (known && known.class !== 'generic') {
        return {
            summary,
            replyClass: known.class,
            headline: firstSentence(known.meaning),
            cause: `${label} answered "${lastLine(reply)}": ${known.meaning}`,
            remediation: known.fix(ctx.mailbox),
        };
    }
    if (known)
        return genericDiagnosis(summary, reply, ctx, outcome, label, known.meaning);
    return unknownDiagnosis(summary, reply, ctx, outcome, label);
}
function genericDiagnosis(summary, reply, ctx, outcome, label, meaning) {
    const { causes, ruledOut } = rankGenericCauses(outcome.protocol, ctx);
    const numbered = causes.map((c, i) => `(${i + 1}) ${c.cause}`);
    const first = causes[0];
    return {
        summary,
        replyClass: 'generic',
        causes: causes.map((c) => c.cause),
        ruledOut,
        headline: `most likely ${firstSentence(first.cause)} (a generic refusal: ${causes.length} possible causes in the details)`,
        cause: `${label} answered "${lastLine(reply)}": ${meaning} The likely causes, most likely first: ${numbered.join('; ')}.` +
            (ruledOut.length ? ` Ruled out: ${ruledOut.join('; ')}.` : ''),
        remediation: causes
            .map((c, i) => `${i + 1}. ${c.cause}\n   check: ${c.check}\n   fix: ${c.fix}`)
            .join('\n'),
        ...(first.setupStep ? { setupStep: first.setupStep } : {}),
    };
}
function unknownDiagnosis(summary, reply, ctx, outcome, label) {
    const shown = claimFindings(ctx, outcome.protocol);
    return {
        summary,
        replyClass: 'unknown',
        ...(shown[0]
            ? {
                headline: `an unknown reply; the token shows: ${firstSentence(shown[0].cause)}`,
                ...(shown[0].setupStep ? { setupStep: shown[0].setupStep } : {}),
            }
            : {}),
        cause: `${label} answered a reply this preflight does not know: "${reply}". Its cause is unknown.` +
            (shown.length ? ` The token shows: ${shown.map((f) => f.cause).join(' ')}` : ''),
        remediation: [
            ...shown.map((f) => f.remediation),
            'Search for the exact reply text (Microsoft 365 service health, Exchange Online documentation), and report it with the transcript so it can be catalogued.',
        ].join('\n'),
    };
}
const firstSentence = (text) => /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;
function lastLine(text) {
    const lines = text.split('\n');
    return lines[lines.length - 1] ?? text; // SMTP: the last line carries the code
}

;// CONCATENATED MODULE: ./src/mailbox/index.ts
// Lazy entry point: the engine does `await import('./mailbox/index.js')` only when a mailbox
// check runs, so token-only runs never load the probes.







/***/ })

};
