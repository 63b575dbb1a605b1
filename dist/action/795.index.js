export const id = 795;
export const ids = [795];
export const modules = {

/***/ 9795:
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
const MAX_LINE = 1 << 20; // a reply longer than 1 MiB is not a mail server talking
class LineConnection {
    endpoint;
    options;
    transcript;
    redactor;
    socket;
    buffer = '';
    lines = [];
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
        this.transcript.push({ dir: 'C', text: shownAs });
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
        this.buffer += chunk;
        let end;
        while ((end = this.buffer.indexOf('\n')) >= 0) {
            const text = this.redactor.redact(this.buffer.slice(0, end).replace(/\r$/, ''));
            this.buffer = this.buffer.slice(end + 1);
            this.transcript.push({ dir: 'S', text });
            const waiter = this.waiter;
            this.waiter = undefined;
            if (waiter)
                waiter.resolve(text);
            else
                this.lines.push(text);
        }
        if (this.buffer.length > MAX_LINE) {
            this.fail(new ConnectionFailure('protocol', `reply line from ${this.where} exceeds 1 MiB`));
        }
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
    const redactor = new engine_redactor/* Redactor */.p('<redacted>');
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
        const text = (0,errors/* errorMessage */.gJ)(error);
        return outcome({ ok: false, error: redactor.redact(`${text} (${conn.where})`) });
    };
    // The signal ends the probe at any time, also while it waits idle for the token.
    const onAbort = () => conn.fail(new ConnectionFailure('aborted', `probe of ${conn.where} aborted (stage ${stage})`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
        options.signal?.removeEventListener('abort', onAbort);
        conn.close();
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
                stage = 'logout';
                await dialogue.logout(ctx).catch(() => undefined);
                return accepted;
            });
            return outcome({ ok: true, reply: redactor.redact(success.reply), code: success.code });
        }
        catch (error) {
            return failed(error);
        }
        finally {
            finish();
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
        async logout(ctx) {
            ctx.conn.send('a3 LOGOUT');
            // '* BYE' is the normal first answer here, so read past it to the tagged OK.
            while (!(await ctx.conn.readLine()).startsWith('a3 ')) {
                /* untagged lines */
            }
        },
    }, endpoint, options);
}

;// CONCATENATED MODULE: ./src/mailbox/pop-probe.ts
// POP3 over implicit TLS (outlook.office365.com:995): greeting, then the two-step
// `AUTH XOAUTH2` / `+` / <initial response> that Exchange documents, then STAT (a command that
// needs the mailbox) and QUIT.

/** '-ERR [AUTH]', '-ERR', '+OK'. */
function popCode(line) {
    const match = /^(\+OK|-ERR)(?: \[([^\]\s]+)[^\]]*\])?/i.exec(line);
    if (!match)
        return line.split(' ')[0] ?? '';
    const status = match[1].toUpperCase();
    return match[2] ? `${status} [${match[2].toUpperCase()}]` : status;
}
const isOk = (line) => /^\+OK\b/i.test(line);
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
            ctx.conn.send('AUTH XOAUTH2');
            const go = await ctx.conn.readLine();
            if (isOk(go) || !go.startsWith('+'))
                throw new ReplyFailure(go, popCode(go));
            ctx.conn.send(initialResponse, '<redacted>');
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
        async logout(ctx) {
            ctx.conn.send('QUIT');
            await ctx.conn.readLine();
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
        async logout(ctx) {
            ctx.conn.send('QUIT');
            await readReply(ctx);
        },
    }, endpoint, options);
}

;// CONCATENATED MODULE: ./src/mailbox/diagnose-common.ts
const LABEL = { imap: 'IMAP', pop: 'POP', smtp: 'SMTP' };
const STEP_PERMISSIONS = 'Step 3 (Permissions): API permissions → Add a permission, then grant admin consent';
const STEP_EXCHANGE_SP = 'Step 4 (Connect the registration to Exchange Online): New-ServicePrincipal and Add-MailboxPermission';
const STEP_TOKEN_SCOPE = 'Step 6 (Get tokens): the scopes the token request asks for';

// EXTERNAL MODULE: ./src/settings/types.ts
var types = __webpack_require__(1664);
;// CONCATENATED MODULE: ./src/mailbox/diagnose-claims.ts
// What the token's own claims (decoded unverified by the caller) say is wrong for a protocol:
// expiry, audience (the unprefixed-scope trap), missing scope or app role, another user.


const GRAPH_AUDIENCES = ['https://graph.microsoft.com', types/* RESOURCE_APP_IDS */.w.graph];
/** Problems the token's own claims show, most decisive first. */
function claimFindings(ctx, protocol) {
    const claims = ctx.claims;
    if (!claims)
        return [];
    const findings = [];
    const now = ctx.now ?? Date.now();
    if (claims.exp !== undefined && claims.exp * 1000 <= now) {
        const ago = Math.round((now - claims.exp * 1000) / 1000);
        findings.push({
            cause: `The access token expired at ${new Date(claims.exp * 1000).toISOString()} (${ago} s before the login).`,
            remediation: 'Request a new token right before the login (tokens last about an hour) and check the runner’s clock.',
        });
    }
    const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
    const accepted = [...ctx.expectedAudiences, types/* RESOURCE_APP_IDS */.w.exchange].map(normalise);
    if (audiences.length > 0 && !audiences.some((a) => accepted.includes(normalise(a)))) {
        const graph = audiences.some((a) => GRAPH_AUDIENCES.includes(normalise(a)));
        const wanted = ctx.grant === 'password'
            ? `https://outlook.office.com/${types/* MAIL_PERMISSIONS */.r[protocol].delegated}`
            : 'https://outlook.office365.com/.default';
        findings.push({
            cause: `The token is for ${audiences.join(', ')}, not for Exchange Online (expected ${ctx.expectedAudiences.join(' or ')}).` +
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
                    `Add-MailboxPermission -Identity ${ctx.mailbox} -User ${claims.upn} -AccessRights FullAccess`,
            });
        }
    }
    else {
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
function normalise(value) {
    return value.toLowerCase().replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./src/mailbox/diagnose-exchange.ts
// Causes only Exchange Online settings explain, with the PowerShell that fixes each: the app's
// service principal and mailbox permission, per-mailbox protocol switches, SMTP AUTH (5.7.139).

function exchangeSetupCommands(ctx) {
    const sp = ctx.servicePrincipalObjectId ?? '<Enterprise application object ID>';
    return [
        `New-ServicePrincipal -AppId ${ctx.clientId} -ObjectId ${sp}`,
        `Add-MailboxPermission -Identity ${ctx.mailbox} -User ${sp} -AccessRights FullAccess`,
        'Use the object ID shown under Enterprise applications, not the one on the App registration page: ' +
            'the wrong one makes logins fail the same way.',
    ].join('\n');
}
function appOnlyRefused(summary, ctx, protocol) {
    return {
        summary,
        cause: `Exchange Online refused the app-only token although it looks right for ${LABEL[protocol]}: ` +
            `the app's service principal is not registered in Exchange Online, or it has no permission on ${ctx.mailbox}.`,
        remediation: `In Exchange Online PowerShell (Connect-ExchangeOnline):\n${exchangeSetupCommands(ctx)}`,
        setupStep: STEP_EXCHANGE_SP,
    };
}
function notConnected(summary, ctx, protocol) {
    if (ctx.grant === 'client-credentials') {
        return {
            summary,
            cause: `The login was accepted but ${ctx.mailbox} could not be opened: the app has no permission on that mailbox (or was registered with the wrong object ID).`,
            remediation: `In Exchange Online PowerShell:\n${exchangeSetupCommands(ctx)}`,
            setupStep: STEP_EXCHANGE_SP,
        };
    }
    const upn = ctx.claims?.upn;
    return {
        summary,
        cause: `The login was accepted but ${ctx.mailbox} could not be opened: the XOAUTH2 user= names a mailbox the signed-in user cannot open` +
            (upn && upn.toLowerCase() !== ctx.mailbox.toLowerCase() ? ` (token user ${upn})` : '') +
            `, or the mailbox has no Exchange Online licence or ${LABEL[protocol]} is disabled for it.`,
        remediation: [
            `Use the signing-in account as the username, or grant it access: Add-MailboxPermission -Identity ${ctx.mailbox} -User ${upn ?? '<user>'} -AccessRights FullAccess`,
            protocolSwitch(ctx, protocol),
        ].join('\n'),
    };
}
function protocolSwitch(ctx, protocol) {
    if (protocol === 'imap')
        return `Set-CASMailbox -Identity ${ctx.mailbox} -ImapEnabled $true`;
    if (protocol === 'pop')
        return `Set-CASMailbox -Identity ${ctx.mailbox} -PopEnabled $true`;
    return `Set-CASMailbox -Identity ${ctx.mailbox} -SmtpClientAuthenticationDisabled $false`;
}
function protocolDisabled(summary, ctx, protocol, why) {
    return {
        summary,
        cause: `${LABEL[protocol]} is disabled for ${ctx.mailbox}. ${why}`,
        remediation: `In Exchange Online PowerShell: ${protocolSwitch(ctx, protocol)}`,
    };
}
function delegatedRefused(summary, ctx, protocol, code) {
    const tokenChecked = ctx.claims
        ? 'The token itself looks right (audience, scope, user, expiry).'
        : 'The token could not be inspected.';
    if (protocol === 'smtp') {
        return {
            summary,
            cause: `Exchange refused SMTP AUTH (${code}). ${tokenChecked} ` +
                `The usual cause is SMTP AUTH being disabled for ${ctx.mailbox} or the tenant.`,
            remediation: [
                `Set-CASMailbox -Identity ${ctx.mailbox} -SmtpClientAuthenticationDisabled $false`,
                'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
            ].join('\n'),
        };
    }
    return protocolDisabled(summary, ctx, protocol, `${tokenChecked} Exchange gives the same generic refusal (${code}) when ${LABEL[protocol]} is ` +
        'turned off for the mailbox, which is then the likely cause (or a Conditional Access policy).');
}
function smtpAuthDisabled(summary, reply, ctx) {
    const mailboxCmd = `Set-CASMailbox -Identity ${ctx.mailbox} -SmtpClientAuthenticationDisabled $false`;
    const tenantCmd = 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false';
    if (/security defaults/i.test(reply)) {
        return {
            summary,
            cause: 'Security defaults in the tenant block SMTP AUTH for this user.',
            remediation: 'Turn off security defaults (Entra ID → Overview → Properties → Manage security defaults) and ' +
                'protect sign-ins with Conditional Access instead; then make sure SMTP AUTH is enabled:\n' +
                `${mailboxCmd}`,
        };
    }
    if (/for the mailbox/i.test(reply)) {
        return {
            summary,
            cause: `SMTP AUTH (client submission) is disabled for the mailbox ${ctx.mailbox}; this blocks OAuth too.`,
            remediation: `In Exchange Online PowerShell: ${mailboxCmd}`,
        };
    }
    if (/for the tenant/i.test(reply)) {
        return {
            summary,
            cause: 'SMTP AUTH (client submission) is disabled for the whole tenant; this blocks OAuth too.',
            remediation: `In Exchange Online PowerShell: ${tenantCmd}\n` +
                `or enable it for this mailbox only (the mailbox setting wins): ${mailboxCmd}`,
        };
    }
    if (/did not meet the criteria/i.test(reply)) {
        return {
            summary,
            cause: 'The sign-in did not meet the tenant’s criteria for SMTP AUTH (probably a Conditional Access or MFA policy; unconfirmed).',
            remediation: `Check the Entra sign-in logs for this user, then SMTP AUTH itself:\n${mailboxCmd}\n${tenantCmd}`,
        };
    }
    return {
        summary,
        cause: 'SMTP AUTH (client submission) is disabled for the mailbox or the tenant.',
        remediation: `${mailboxCmd}\n${tenantCmd}`,
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

;// CONCATENATED MODULE: ./src/mailbox/diagnose.ts
// Turns a probe outcome into a cause and a fix. Exchange's refusals are generic ("AUTHENTICATE
// failed", "535 5.7.3"), so reply texts that name their cause (5.7.139, "authenticated but not
// connected") come first, then what the token's claims show, then the usual Exchange-side cause
// for the grant. Replies and causes: docs/checks.md, Mailbox login, and
// https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth





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
    if (outcome.stage === 'greeting' || outcome.stage === 'starttls') {
        return {
            summary,
            cause: /not offered/.test(outcome.code ?? '')
                ? `The server does not offer what Exchange Online offers (${outcome.code}): this is probably not the Exchange Online ${label} endpoint.`
                : `The ${label} server refused the session before any login.`,
            remediation: 'Check the endpoint (host and port) for your cloud; retry later if it is a temporary refusal (4xx / BYE).',
        };
    }
    if (/not offered/.test(outcome.code ?? '')) {
        return {
            summary,
            cause: `The server does not offer SASL XOAUTH2 (${outcome.code}).`,
            remediation: `Point the ${label} endpoint at Exchange Online (public cloud: outlook.office365.com:993 IMAP, :995 POP, smtp.office365.com:587 SMTP).`,
        };
    }
    if (/^5\d\d 5\.7\.139\b/.test(outcome.code ?? '') || /\b5\.7\.139\b/.test(reply)) {
        return smtpAuthDisabled(summary, reply, ctx);
    }
    if (/authenticated but not connected/i.test(reply))
        return notConnected(summary, ctx, protocol);
    const tokenProblems = claimFindings(ctx, protocol);
    if (tokenProblems.length > 0) {
        const [first, ...more] = tokenProblems;
        const also = more.length ? ` Also: ${more.map((p) => p.cause).join(' ')}` : '';
        return {
            summary,
            cause: first.cause + also,
            remediation: first.remediation,
            setupStep: first.setupStep,
        };
    }
    if (/disabled|not enabled/i.test(reply) && protocol !== 'smtp') {
        return protocolDisabled(summary, ctx, protocol, 'The reply says the protocol is disabled.');
    }
    if (ctx.grant === 'client-credentials')
        return appOnlyRefused(summary, ctx, protocol);
    return delegatedRefused(summary, ctx, protocol, outcome.code ?? '');
}
function lastLine(text) {
    const lines = text.split('\n');
    return lines[lines.length - 1] ?? text; // SMTP: the last line carries the code
}

;// CONCATENATED MODULE: ./src/mailbox/index.ts
// Lazy entry point: the engine does `await import('./mailbox/index.js')` only when a mailbox
// check runs, so token-only runs never load the probes.







/***/ })

};
