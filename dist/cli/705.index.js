export const id = 705;
export const ids = [705];
export const modules = {

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SecretRedactor: () => (/* binding */ SecretRedactor),
/* harmony export */   encodings: () => (/* binding */ encodings)
/* harmony export */ });
// Keeps every secret value the run knows (inputs and tokens) and removes them from any text
// before it leaves the engine: raw, base64, base64url, URL- and JSON-encoded forms.
class SecretRedactor {
    forms = new Set();
    add(value) {
        if (!value || value.length < 4)
            return;
        for (const form of encodings(value))
            this.forms.add(form);
    }
    redact(text) {
        let out = text;
        // Longest first, so a token is removed before any secret that happens to be inside it.
        for (const form of [...this.forms].sort((a, b) => b.length - a.length)) {
            if (out.includes(form))
                out = out.split(form).join('***');
        }
        return out;
    }
}
function encodings(value) {
    const buf = Buffer.from(value, 'utf8');
    const forms = [
        value,
        buf.toString('base64'),
        buf.toString('base64').replace(/=+$/, ''),
        buf.toString('base64url'),
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1),
    ];
    return [...new Set(forms)].filter((f) => f.length >= 4);
}


/***/ })

};
