export const id = 561;
export const ids = [561];
export const modules = {

/***/ 2561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GraphClient: () => (/* binding */ GraphClient),
/* harmony export */   graphFailure: () => (/* binding */ graphFailure)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8395);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3305);
/* harmony import */ var _http_deadline_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2378);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);
/* harmony import */ var _http_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7593);
/* harmony import */ var _http_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5853);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2205);
// The Microsoft Graph client: the one place that knows Graph's protocol. It owns the bearer
// token (asked for on first use), JSON $batch with per-item throttling, paging through
// `@odata.nextLink`, single reads, and one error type (GraphReadFailure): an unreachable Graph, a
// refusal and an unexpected answer all come back as a failure value, never as an exception.
// A new Graph read is a request in a batch (see graph/registration.ts) or a call of get()/pages().
// $batch: https://learn.microsoft.com/graph/json-batching
// Paging: https://learn.microsoft.com/graph/paging
// Throttling: https://learn.microsoft.com/graph/throttling






const MAX_BATCH_REQUESTS = 20;
const MAX_ROUNDS = 4;
const batchResponseSchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    responses: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        id: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        status: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._gte */ .qm(100), zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._lte */ .Zm(599)),
        headers: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP())),
        body: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()),
    })),
});
class GraphClient {
    options;
    auth;
    constructor(options) {
        this.options = options;
    }
    /** The bearer token, or why Graph cannot be read. */
    token() {
        this.auth ??= this.options.token();
        return this.auth;
    }
    /**
     * Up to 20 GET requests in one round trip, answered in any order, each with its own status.
     * Items throttled on their own (429 with Retry-After) are sent again, alone, once the wait they
     * were given has passed, while the run's deadline allows it; every other item keeps its answer.
     */
    async batch(requests) {
        if (requests.length > MAX_BATCH_REQUESTS)
            throw new Error(`a Graph $batch holds at most ${MAX_BATCH_REQUESTS} requests`);
        const answers = new Map();
        const auth = await this.token();
        if (!auth.ok) {
            for (const r of requests)
                answers.set(r.id, auth);
            return answers;
        }
        let pending = [...requests];
        for (let round = 1; pending.length && round <= MAX_ROUNDS; round++) {
            const { answered, throttled } = await this.batchRound(auth.accessToken, pending);
            for (const [id, answer] of answered)
                answers.set(id, answer);
            pending = pending.filter((r) => throttled.has(r.id));
            if (!pending.length)
                break;
            const waitMs = Math.max(...pending.map((r) => throttled.get(r.id)));
            // Retry only when the wait leaves time for the answer; otherwise keep the 429 as the answer.
            if (round === MAX_ROUNDS || waitMs + 1000 > this.options.deadline.remainingMs()) {
                for (const r of pending)
                    answers.set(r.id, {
                        ok: false,
                        failure: {
                            status: 429,
                            code: 'TooManyRequests',
                            message: `Microsoft Graph throttled ${r.url.split('?')[0]} (429) and the run's deadline left no time to wait ${Math.ceil(waitMs / 1000)} s`,
                        },
                    });
                break;
            }
            this.options.log.info(`Microsoft Graph $batch: ${pending.length} item(s) throttled (429), retrying them in ${waitMs} ms`);
            await (0,_http_deadline_js__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .y)(waitMs, this.options.deadline.signal);
        }
        return answers;
    }
    /**
     * A collection page by page, from its first URL (relative to the version segment) or from a
     * first page already read (a $batch item). Follows the whole `@odata.nextLink` until it is gone
     * (never parsing out $skiptoken; a page may be empty), and only while it stays on the configured
     * Graph host: the bearer token goes with it. Each page is handed over before the next is read,
     * so memory stays flat however long the collection is. A failure is the last thing yielded.
     */
    async *pages(start, what, maxPages = Infinity) {
        const auth = await this.token();
        if (!auth.ok) {
            yield auth;
            return;
        }
        let body;
        let contentType;
        if ('url' in start) {
            const res = await this.send(auth.accessToken, `${this.versioned(start.url)}`, what);
            if (!res.ok) {
                yield res;
                return;
            }
            ({ body, contentType } = res);
        }
        else
            body = start.firstPage;
        // A nextLink seen before would page in a circle until the deadline: refused at once.
        const seen = new Set();
        for (let n = 1;; n++) {
            let page = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .collectionSchema */ .CV.safeParse(body);
            // Nothing of a page is held while the next is fetched: it can die young, and a long
            // listing's memory stays flat (a page of 999 applications parses to several MB).
            // eslint-disable-next-line no-useless-assignment -- drops the reference; see above
            body = undefined;
            if (!page.success) {
                yield {
                    ok: false,
                    failure: {
                        status: 200,
                        message: `Microsoft Graph answered ${what} with an unexpected shape${contentType === undefined ? '' : ` (${contentType || 'no content type'})`}`,
                    },
                };
                return;
            }
            const next = page.data['@odata.nextLink'];
            yield { ok: true, items: page.data.value };
            // eslint-disable-next-line no-useless-assignment -- drops the reference; see above
            page = undefined;
            if (!next)
                return;
            if (n >= maxPages) {
                yield {
                    ok: false,
                    failure: { message: `Microsoft Graph kept paging ${what} past ${maxPages} pages` },
                };
                return;
            }
            if (seen.has(next)) {
                yield {
                    ok: false,
                    failure: {
                        message: `Microsoft Graph's next page link of ${what} repeats an earlier page (after ${n} pages); not followed, rather than page in a circle`,
                    },
                };
                return;
            }
            seen.add(next);
            if (!sameOrigin(next, this.options.baseUrl)) {
                yield {
                    ok: false,
                    failure: {
                        message: `Microsoft Graph's next page of ${what} points to another host (${originOf(next)}); not followed, so the token was not sent there`,
                    },
                };
                return;
            }
            const res = await this.send(auth.accessToken, next, `${what}, next page`);
            if (!res.ok) {
                yield res;
                return;
            }
            ({ body, contentType } = res);
        }
    }
    /** Every item of a collection, or the failure that stopped the listing. */
    async all(start, what, maxPages) {
        const items = [];
        for await (const page of this.pages(start, what, maxPages)) {
            if (!page.ok)
                return page;
            // One by one: a spread passes every item as an argument, and V8 caps arguments.
            for (const item of page.items)
                items.push(item);
        }
        return { ok: true, value: items };
    }
    /** One GET (relative to the version segment): the body, or why there is none. */
    async get(url, what) {
        const auth = await this.token();
        if (!auth.ok)
            return auth;
        const res = await this.send(auth.accessToken, this.versioned(url), what);
        return res.ok ? { ok: true, value: res.body } : res;
    }
    /**
     * One write: POST or PATCH with a JSON body (URL relative to the version segment). Retried only
     * on answers that prove Graph did not act (429, 503, no connection), so a POST is never made
     * twice. A refusal is a failure with Graph's status and code, never an exception.
     */
    async write(method, url, body, what) {
        const auth = await this.token();
        if (!auth.ok)
            return auth;
        const res = await this.request({
            method,
            url: this.versioned(url),
            headers: {
                authorization: `Bearer ${auth.accessToken}`,
                'content-type': 'application/json',
                accept: 'application/json',
            },
            body: JSON.stringify(body),
            endpointName: `Microsoft Graph (${what})`,
            retry: 'unprocessed',
        });
        if (!res.ok)
            return res;
        const { status, text, contentType } = res.response;
        const parsed = text ? (0,_http_types_js__WEBPACK_IMPORTED_MODULE_6__/* .parseJson */ .q)(text) : undefined;
        if (status >= 200 && status < 300)
            return { ok: true, status, body: parsed };
        return { ok: false, failure: graphFailure(status, parsed, contentType) };
    }
    versioned(url) {
        return `${this.options.baseUrl}/v1.0${url}`;
    }
    /** A GET whose answer is 200 with its parsed body, or a failure; never throws HttpError. */
    async send(accessToken, url, what) {
        const res = await this.request({
            method: 'GET',
            url,
            headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
            endpointName: `Microsoft Graph (${what})`,
        });
        if (!res.ok)
            return res;
        const body = (0,_http_types_js__WEBPACK_IMPORTED_MODULE_6__/* .parseJson */ .q)(res.response.text);
        if (res.response.status !== 200)
            return {
                ok: false,
                failure: graphFailure(res.response.status, body, res.response.contentType),
            };
        return { ok: true, body, contentType: res.response.contentType };
    }
    /** The one conversion of the HTTP layer's errors into Graph failures. */
    async request(req) {
        try {
            return { ok: true, response: await this.options.http.request(req) };
        }
        catch (error) {
            if (error instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$)
                return { ok: false, failure: { message: error.message } };
            throw error;
        }
    }
    async batchRound(accessToken, requests) {
        const answered = new Map();
        const throttled = new Map();
        const failAll = (failure) => {
            for (const r of requests)
                answered.set(r.id, { ok: false, failure });
            return { answered, throttled };
        };
        const res = await this.request({
            method: 'POST',
            url: `${this.options.baseUrl}/v1.0/$batch`,
            headers: {
                authorization: `Bearer ${accessToken}`,
                'content-type': 'application/json',
                accept: 'application/json',
            },
            body: JSON.stringify({
                requests: requests.map((r) => ({ id: r.id, method: 'GET', url: r.url })),
            }),
            endpointName: 'Microsoft Graph $batch',
        });
        if (!res.ok)
            return failAll(res.failure);
        const { response } = res;
        const body = (0,_http_types_js__WEBPACK_IMPORTED_MODULE_6__/* .parseJson */ .q)(response.text);
        if (response.status !== 200)
            return failAll(graphFailure(response.status, body, response.contentType));
        const parsed = batchResponseSchema.safeParse(body);
        if (!parsed.success)
            return failAll({
                status: response.status,
                message: `Microsoft Graph answered the $batch with an unexpected shape (${response.contentType || 'no content type'})`,
            });
        const wanted = new Set(requests.map((r) => r.id));
        for (const item of parsed.data.responses) {
            if (!wanted.has(item.id))
                continue;
            const headers = lowerKeys(item.headers ?? {});
            if (item.status === 429 || (item.status === 503 && headers['retry-after'])) {
                throttled.set(item.id, (0,_http_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(headers['retry-after']) ?? 1000);
                continue;
            }
            answered.set(item.id, item.status >= 200 && item.status < 300
                ? { ok: true, status: item.status, body: item.body }
                : { ok: false, failure: graphFailure(item.status, item.body) });
        }
        for (const r of requests)
            if (!answered.has(r.id) && !throttled.has(r.id))
                answered.set(r.id, {
                    ok: false,
                    failure: { message: `Microsoft Graph's $batch answer left out the request '${r.id}'` },
                });
        return { answered, throttled };
    }
}
/**
 * A Graph error body turned into a failure, to branch on by `code` (never by `message`).
 * `contentType` is that of a whole HTTP answer; items of a $batch have none, and their status
 * alone is said. A $batch item may carry a 403 whose `code` is empty: its status is then all there
 * is. Graph's own message is kept, one line and short, to be quoted (server text, never trusted).
 */
function graphFailure(status, body, contentType) {
    const err = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .graphErrorSchema */ .iO.safeParse(body);
    const what = err.success
        ? err.data.error.code
            ? ` ${err.data.error.code}`
            : ''
        : contentType === undefined
            ? ''
            : ` (${contentType || 'no content type'})`;
    const said = err.success ? oneLine(err.data.error.message ?? '') : '';
    return {
        status,
        code: err.success && err.data.error.code ? err.data.error.code : undefined,
        message: `Microsoft Graph answered HTTP ${status}${what}`,
        ...(said ? { graphMessage: said } : {}),
    };
}
/** Server text for a report line: one line, at most 200 characters. */
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
/** True when `url` is an absolute URL with the same scheme, host and port as `base`. */
function sameOrigin(url, base) {
    try {
        return new URL(url).origin === new URL(base).origin;
    }
    catch {
        return false;
    }
}
/** The link's origin for a message; a link that is not a URL is named as such. */
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return 'not a URL';
    }
}
const lowerKeys = (headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));


/***/ }),

/***/ 2205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ collectionSchema),
/* harmony export */   Kv: () => (/* binding */ applicationSchema),
/* harmony export */   Pj: () => (/* binding */ federatedCredentialSchema),
/* harmony export */   eb: () => (/* binding */ appRoleAssignmentSchema),
/* harmony export */   iO: () => (/* binding */ graphErrorSchema),
/* harmony export */   jR: () => (/* binding */ servicePrincipalSchema),
/* harmony export */   n_: () => (/* binding */ permissionGrantSchema)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8395);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3305);
/* harmony import */ var _text_command_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6321);
// Shapes of the Microsoft Graph objects the checks read (https://learn.microsoft.com/graph/api/resources/application).


/**
 * An object, app role or grant id: GUIDs and base64url, nothing else. These ids go into request
 * paths and into the commands the fixes print, so an answer with any other id is not taken (the
 * commands check again: text/command-values.ts).
 */
const graphIdSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._regex */ .Fk(_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .GRAPH_ID */ .dA));
const passwordCredentialSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    keyId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    hint: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    startDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    endDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
const keyCredentialSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    keyId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    /** base64; by default the SHA-1 thumbprint of the certificate. */
    customKeyIdentifier: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    /** The certificate (base64 DER), only on a single-object read that selects keyCredentials. */
    key: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    type: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    usage: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    startDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    endDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
const requiredResourceAccessSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    resourceAppId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    resourceAccess: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), type: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
});
const applicationSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: graphIdSchema,
    appId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    signInAudience: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    isFallbackPublicClient: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY())),
    /** Redirect URIs per platform: Web (confidential) and Mobile and desktop (public client). */
    web: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ redirectUris: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()), []) }))),
    publicClient: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ redirectUris: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()), []) }))),
    requiredResourceAccess: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(requiredResourceAccessSchema), []),
    passwordCredentials: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(passwordCredentialSchema), []),
    keyCredentials: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(keyCredentialSchema), []),
});
/** A federated identity credential (Graph `federatedIdentityCredential`). */
const federatedCredentialSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    issuer: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    subject: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    audiences: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()), []),
});
const graphErrorSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    error: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ code: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), message: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()) }),
});
const appRoleSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    value: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    allowedMemberTypes: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    isEnabled: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()),
});
const permissionScopeSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    value: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    type: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    isEnabled: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()),
});
/** A service principal: the app's own (object id for grants) or a resource's (its permissions). */
const servicePrincipalSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: graphIdSchema,
    appId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    accountEnabled: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY())),
    appRoleAssignmentRequired: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY())),
    appRoles: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(appRoleSchema), []),
    oauth2PermissionScopes: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(permissionScopeSchema), []),
});
/** An application permission granted (admin consent) to the app's service principal. */
const appRoleAssignmentSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(graphIdSchema),
    appRoleId: graphIdSchema,
    /** The resource's service principal OBJECT id (tenant-specific), not its appId. */
    resourceId: graphIdSchema,
    resourceDisplayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    principalId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
/** Delegated permissions consented for the app (all users, or one user). */
const permissionGrantSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(graphIdSchema),
    /** The client's service principal OBJECT id. */
    clientId: graphIdSchema,
    consentType: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    principalId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    resourceId: graphIdSchema,
    /** Space-separated scope values, often with a leading space. */
    scope: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
const collectionSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    value: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()),
    '@odata.nextLink': zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
});


/***/ })

};
