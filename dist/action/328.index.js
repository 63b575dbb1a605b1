export const id = 328;
export const ids = [328];
export const modules = {

/***/ 1328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   judgeCertificateInUse: () => (/* binding */ judgeCertificateInUse),
/* harmony export */   judgeFederated: () => (/* binding */ judgeFederated)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2364);
/* harmony import */ var _expiry_level_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1788);
/* harmony import */ var _self_expiry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4301);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3106);
// Credential expiry when the app does not sign in with a client secret. With a certificate the
// check judges that certificate, found in the app's keyCredentials by thumbprint: Graph's
// customKeyIdentifier is by default the base64 SHA-1 thumbprint, and the certificate itself
// (`key`, on a single-object read that selects keyCredentials) gives the same thumbprint when the
// identifier was set to something else (https://learn.microsoft.com/graph/api/resources/keycredential).
// With federation nothing expires; the app's remaining client secrets are listed as candidates
// to delete once federation works.





const CERTIFICATE_TITLE = 'Certificate expiry';
const FEDERATED_TITLE = 'Credential expiry (federation)';
/** The keyCredentials that are this certificate. */
function matchingKeyCredentials(keys, thumbprint) {
    return keys.filter((k) => {
        if (k.customKeyIdentifier === thumbprint.customKeyIdentifier)
            return true;
        if (!k.key)
            return false;
        const sha1 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(Buffer.from(k.key, 'base64')).digest('hex');
        return sha1.toUpperCase() === thumbprint.sha1Hex;
    });
}
function judgeCertificateInUse(read, settings, thumbprint, now) {
    const app = read.application;
    if (!app)
        return { result: unreadable(read, CERTIFICATE_TITLE), views: [] };
    const matches = matchingKeyCredentials(app.keyCredentials, thumbprint);
    const views = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialViews */ .kW)(app, now, settings.secretExpiry, matches);
    const appName = app.displayName || app.appId;
    const inUse = views.find((v) => v.kind === 'certificate' && v.inUse);
    const others = views.filter((v) => v !== inUse && (0,_expiry_level_js__WEBPACK_IMPORTED_MODULE_4__/* .isAlarming */ .EE)(v.level));
    const tables = views.length
        ? [(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialTable */ .y)(`Credentials of '${appName}' (soonest first)`, views, false)]
        : undefined;
    const where = `App registrations → '${appName}' → Certificates & secrets → Certificates`;
    if (!inUse) {
        const summary = `The certificate in use (thumbprint ${thumbprint.sha1Hex}) is not among the certificates of '${appName}'`;
        const fix = `Upload the certificate (its public part) under ${where}, or put the certificate that is uploaded there, with its key, in client-certificate. Entra refuses an unregistered certificate with AADSTS700027.`;
        return {
            views,
            result: {
                id: 'secret-expiry',
                title: CERTIFICATE_TITLE,
                status: 'warn',
                summary,
                details: `Certificates of '${appName}': ${views.filter((v) => v.kind === 'certificate').length}. None has the thumbprint ${thumbprint.sha1Hex}.`,
                remediation: fix,
                tables,
                annotations: [
                    {
                        level: 'warning',
                        title: `Certificate not registered: ${appName}`,
                        message: `${summary}.\nFix: ${fix}`,
                    },
                ],
            },
        };
    }
    const status = (0,_expiry_level_js__WEBPACK_IMPORTED_MODULE_4__/* .isFailing */ .DI)(inUse.level) ? 'fail' : (0,_expiry_level_js__WEBPACK_IMPORTED_MODULE_4__/* .isAlarming */ .EE)(inUse.level) ? 'warn' : 'pass';
    return {
        views,
        inUse,
        result: {
            id: 'secret-expiry',
            title: CERTIFICATE_TITLE,
            status,
            summary: `The certificate in use (${inUse.displayName ? `'${inUse.displayName}', ` : ''}thumbprint ${thumbprint.sha1Hex}) ${(0,_self_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .whenOf */ .A3)(inUse)}`,
            details: [inUse, ...others]
                .filter((v) => (0,_expiry_level_js__WEBPACK_IMPORTED_MODULE_4__/* .isAlarming */ .EE)(v.level))
                .map((v) => (0,_self_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(v))
                .join('\n') || undefined,
            remediation: (0,_expiry_level_js__WEBPACK_IMPORTED_MODULE_4__/* .isAlarming */ .EE)(inUse.level) ? (0,_self_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .remediationFor */ .$J)(inUse) : undefined,
            tables,
            annotations: [inUse, ...others]
                .filter((v) => (0,_expiry_level_js__WEBPACK_IMPORTED_MODULE_4__/* .isAlarming */ .EE)(v.level))
                .map((v) => (0,_self_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .annotationOf */ .lW)(v)),
        },
    };
}
function judgeFederated(read, settings, now) {
    const app = read.application;
    if (!app)
        return { result: unreadable(read, FEDERATED_TITLE), views: [] };
    const views = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialViews */ .kW)(app, now, settings.secretExpiry);
    const appName = app.displayName || app.appId;
    const secrets = views.filter((v) => v.kind === 'password');
    const candidates = secrets.map((v) => `${(0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .nameOf */ .Vb)(v)} ${(0,_self_expiry_js__WEBPACK_IMPORTED_MODULE_2__/* .whenOf */ .A3)(v)}`);
    return {
        views,
        result: {
            id: 'secret-expiry',
            title: FEDERATED_TITLE,
            status: 'pass',
            summary: secrets.length
                ? `Nothing expires: the app signs in with federation; '${appName}' still has ${secrets.length} client secret(s) that can be deleted once federation works`
                : `Nothing expires: the app signs in with federation and '${appName}' has no client secrets left`,
            details: candidates.length
                ? `Candidates to delete (App registrations → '${appName}' → Certificates & secrets → Client secrets):\n${candidates.join('\n')}`
                : undefined,
            tables: views.length
                ? [(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialTable */ .y)(`Credentials of '${appName}' (soonest first)`, views, false)]
                : undefined,
        },
    };
}
function unreadable(read, title) {
    const failure = read.failure ?? { message: 'the registration could not be read' };
    const tokenRefused = (failure.code?.startsWith('AADSTS') ?? false) || failure.message.startsWith('no Graph token');
    return {
        id: 'secret-expiry',
        title,
        status: tokenRefused ? 'fail' : 'warn',
        code: failure.code,
        summary: `The credential's expiry could not be read: ${failure.message}`,
        remediation: tokenRefused
            ? 'The app could not get a token at all; see the token diagnosis above.'
            : 'Microsoft Graph did not show the application; check that client-id is right and that Graph is reachable (endpoints).',
    };
}


/***/ })

};
