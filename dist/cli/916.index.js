export const id = 916;
export const ids = [916];
export const modules = {

/***/ 1916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Redactor: () => (/* binding */ Redactor),
/* harmony export */   secretParts: () => (/* binding */ secretParts)
/* harmony export */ });
// The one redactor: keeps every secret value a run knows (inputs, tokens, the XOAUTH2 string) and
// removes it from any text before the text leaves the engine or a mail probe, in every encoding a
// log, a report or a server's echo could carry: raw, base64 (padded or not, and with whatever
// padding follows), base64url, URL-, form- and JSON-encoded. Values under 4 characters are not
// secrets it can remove without mangling ordinary words.
const SHORTEST = 4;
class Redactor {
    mask;
    forms = new Set();
    pattern;
    /** @param mask what a removed secret becomes ('***' in reports, '<redacted>' in transcripts) */
    constructor(mask = '***') {
        this.mask = mask;
    }
    add(...values) {
        let added = false;
        for (const part of values.flatMap((value) => (value ? secretParts(value) : []))) {
            if (part.length < SHORTEST)
                continue;
            for (const form of encodings(part))
                if (!this.forms.has(form)) {
                    this.forms.add(form);
                    added = true;
                }
        }
        if (!added)
            return;
        // Longest first, so a token is removed whole before any secret that happens to be inside it;
        // a base64 form also takes the padding that follows it, wherever it was cut.
        const alternatives = [...this.forms]
            .sort((a, b) => b.length - a.length)
            .map((form) => `${form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}=*`);
        this.pattern = new RegExp(alternatives.join('|'), 'g');
    }
    redact(text) {
        return this.pattern ? text.replace(this.pattern, this.mask) : text;
    }
}
/**
 * The value, and for a multi-line secret (a PEM key, a pasted JSON) each of its lines, as given
 * and trimmed: the runner masks a registered value line by line, and a server may echo a single
 * line of it. Lines shorter than 4 characters are left out: they would mask ordinary text and
 * carry no secret on their own.
 */
function secretParts(value) {
    const parts = new Set([value, value.trim()]);
    if (/[\r\n]/.test(value))
        for (const line of value.split(/\r\n|\r|\n/))
            if (line.trim().length >= SHORTEST)
                parts.add(line).add(line.trim());
    return [...parts].filter(Boolean);
}
/** The forms of a value the redactor removes (the tests keep their own, wider list). */
function encodings(value) {
    const buf = Buffer.from(value, 'utf8');
    const forms = [
        value,
        buf.toString('base64').replace(/=+$/, ''),
        buf.toString('base64url'),
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1),
    ];
    return [...new Set(forms)].filter((f) => f.length >= SHORTEST);
}


/***/ })

};
