export const id = 549;
export const ids = [549];
export const modules = {

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HttpError: () => (/* binding */ HttpError),
/* harmony export */   displayUrl: () => (/* binding */ displayUrl),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage)
/* harmony export */ });
// Errors of the HTTP layer. Each names the endpoint (never a secret) so the report can say which
// endpoint hung, refused or answered nonsense.
class HttpError extends Error {
    kind;
    endpointName;
    url;
    status;
    code;
    constructor(kind, endpointName, url, message, status, 
    /** The system or undici error code of a network failure, e.g. ECONNREFUSED. */
    code) {
        super(message);
        this.kind = kind;
        this.endpointName = endpointName;
        this.url = url;
        this.status = status;
        this.code = code;
        this.name = 'HttpError';
    }
}
/** The URL without query string: query strings may carry $filter values but never secrets; keep it short. */
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}
/** The message of anything thrown, for a plain one-line report (never a stack trace). */
const errorMessage = (error) => error instanceof Error ? error.message : String(error);


/***/ })

};
