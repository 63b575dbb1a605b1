export const id = 101;
export const ids = [101];
export const modules = {

/***/ 7101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EnvHttpProxyAgent: () => (/* reexport default from dynamic */ undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2___default.a),
/* harmony export */   proxyAwareDispatcher: () => (/* binding */ proxyAwareDispatcher),
/* harmony export */   request: () => (/* binding */ request)
/* harmony export */ });
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2581);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__);




// What undici's index.js does first: give every dispatcher request(), connect() (the proxy
// tunnel's CONNECT uses it), stream(), pipeline() and upgrade().
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__);

/** undici's request(url, options), without loading undici's index. */
function request(url, options) {
    const { dispatcher = (0,undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__.getGlobalDispatcher)(), ...rest } = options;
    const parsed = new URL(url);
    return undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__.request.call(dispatcher, {
        ...rest,
        origin: parsed.origin,
        path: `${parsed.pathname}${parsed.search}`,
    });
}
/**
 * The environment's proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) for the GitHub API calls, the one
 * place undici is used (src/github/rest.ts); our own requests go through transport.ts.
 */
function proxyAwareDispatcher() {
    return new (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2___default())({ proxyTunnel: false });
}


/***/ })

};
