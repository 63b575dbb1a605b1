export const id = 770;
export const ids = [770];
export const modules = {

/***/ 770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   signClientAssertion: () => (/* binding */ signClientAssertion)
/* harmony export */ });
/* unused harmony export ASSERTION_LIFETIME_SECONDS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// A certificate's client assertion, as Microsoft specifies it
// (https://learn.microsoft.com/entra/identity-platform/certificate-credentials): a JWT signed with
// the certificate's key, header `alg` PS256 (RS256 is the legacy choice, still accepted),
// `x5t#S256` (and `x5t` for tenants that only know the SHA-1 thumbprint), claims `aud` = the v2.0
// token endpoint, `iss` = `sub` = the client id, `jti`, `nbf`, `iat`, `exp` at most 10 minutes on.
// One is signed for every token request; it is a secret like the client secret it replaces.

/** Ten minutes: the longest lifetime Microsoft's page suggests; Entra refuses stale ones (AADSTS700024). */
const ASSERTION_LIFETIME_SECONDS = 600;
const b64url = (value) => Buffer.from(value).toString('base64url');
function signClientAssertion(input) {
    const alg = input.alg ?? 'PS256';
    const { thumbprints, privateKey } = input.certificate;
    const now = Math.floor(input.now.getTime() / 1000);
    const header = { alg, typ: 'JWT', 'x5t#S256': thumbprints.x5tS256, x5t: thumbprints.x5t };
    const claims = {
        aud: input.tokenUrl,
        iss: input.clientId,
        sub: input.clientId,
        jti: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        nbf: now,
        iat: now,
        exp: now + ASSERTION_LIFETIME_SECONDS,
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', Buffer.from(signingInput), alg === 'PS256'
        ? // PS256 = RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 7518 3.5).
            { key: privateKey, padding: node_crypto__WEBPACK_IMPORTED_MODULE_0__.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
        : privateKey);
    return `${signingInput}.${b64url(signature)}`;
}


/***/ })

};
