export const id = 593;
export const ids = [593];
export const modules = {

/***/ 8593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadClientCertificate: () => (/* binding */ loadClientCertificate)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// The `client-certificate` input: PEM text with an X.509 certificate and its unencrypted private
// key (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY"). Checked here, before any request, the
// way Entra would judge it later: it parses, the key belongs to the certificate, the certificate is
// within its validity, and it is RSA (Entra's certificate assertions are RS256/PS256:
// https://learn.microsoft.com/entra/identity-platform/certificate-credentials).
// node:crypto only; no dependency.

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)\r?\n?-----END \1-----/g;
/** The PEM blocks of `text`, each with its label and whole text. */
function pemBlocks(text) {
    return [...text.matchAll(BLOCK)].map((m) => ({ label: m[1], pem: m[0], body: m[2] }));
}
function thumbprintsOf(der) {
    const sha1 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(der).digest();
    return {
        sha1Hex: sha1.toString('hex').toUpperCase(),
        customKeyIdentifier: sha1.toString('base64'),
        x5t: sha1.toString('base64url'),
        x5tS256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('base64url'),
    };
}
const FIX_PEM = 'Put the certificate and its unencrypted private key, both as PEM, in one secret (for example `cat cert.pem key.pem`) and pass it as `client-certificate`';
/**
 * Parses and checks the PEM. The problem texts name what is wrong and the certificate's
 * thumbprint where there is one; never any part of the key.
 */
function loadClientCertificate(text, now) {
    const blocks = pemBlocks(text.replace(/\r\n/g, '\n'));
    const certBlocks = blocks.filter((b) => b.label === 'CERTIFICATE');
    const keyBlocks = blocks.filter((b) => /(^|\s)PRIVATE KEY$/.test(b.label));
    if (blocks.length === 0)
        return { ok: false, problem: 'is not PEM text (no -----BEGIN ...----- block)', fix: FIX_PEM };
    if (certBlocks.length === 0)
        return { ok: false, problem: 'holds no CERTIFICATE block', fix: FIX_PEM };
    if (keyBlocks.length === 0)
        return {
            ok: false,
            problem: 'holds no private key (PRIVATE KEY or RSA PRIVATE KEY block)',
            fix: FIX_PEM,
        };
    if (keyBlocks.length > 1)
        return { ok: false, problem: `holds ${keyBlocks.length} private keys; give one`, fix: FIX_PEM };
    const keyBlock = keyBlocks[0];
    if (keyBlock.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(keyBlock.body))
        return {
            ok: false,
            problem: 'has an encrypted private key',
            fix: 'Decrypt the key first (`openssl pkey -in key.pem -out plain.pem`) and store the PEM as a secret',
        };
    if (keyBlock.label !== 'PRIVATE KEY' && keyBlock.label !== 'RSA PRIVATE KEY')
        return {
            ok: false,
            problem: `has a ${keyBlock.label} block; Entra certificate credentials need an RSA key`,
            fix: 'Create an RSA certificate (for example `openssl req -x509 -newkey rsa:2048 ...`) and upload it to the app registration',
        };
    let privateKey;
    try {
        privateKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: keyBlock.pem, format: 'pem' });
    }
    catch {
        return { ok: false, problem: 'has a private key that does not parse', fix: FIX_PEM };
    }
    if (privateKey.asymmetricKeyType !== 'rsa')
        return {
            ok: false,
            problem: `has a ${privateKey.asymmetricKeyType ?? 'non-RSA'} key; Entra certificate credentials need an RSA key`,
            fix: 'Create an RSA certificate and upload it to the app registration',
        };
    const parsed = [];
    for (const block of certBlocks) {
        try {
            parsed.push(new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(block.pem));
        }
        catch {
            return { ok: false, problem: 'has a CERTIFICATE block that does not parse', fix: FIX_PEM };
        }
    }
    // A chain may come along; the credential is the certificate that the key belongs to.
    const cert = parsed.find((c) => c.checkPrivateKey(privateKey));
    if (!cert) {
        const prints = parsed.map((c) => thumbprintsOf(c.raw).sha1Hex).join(', ');
        return {
            ok: false,
            problem: `has a private key that does not belong to its certificate (thumbprint ${prints})`,
            fix: 'Store the key that was created with this certificate, or the certificate that goes with this key',
        };
    }
    const thumbprints = thumbprintsOf(cert.raw);
    const notBefore = new Date(cert.validFrom);
    const notAfter = new Date(cert.validTo);
    if (now.getTime() >= notAfter.getTime())
        return {
            ok: false,
            problem: `is a certificate that expired on ${iso(notAfter)} (thumbprint ${thumbprints.sha1Hex})`,
            fix: 'Create a new certificate, upload it under Certificates & secrets → Certificates, and store it with its key as `client-certificate`',
        };
    if (now.getTime() < notBefore.getTime())
        return {
            ok: false,
            problem: `is a certificate that is not valid before ${iso(notBefore)} (thumbprint ${thumbprints.sha1Hex})`,
            fix: "Check the runner's clock, or wait until the certificate's start date",
        };
    return {
        ok: true,
        certificate: { privateKey, subject: cert.subject, notBefore, notAfter, thumbprints },
    };
}
const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');


/***/ })

};
