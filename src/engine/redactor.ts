// The one redactor: keeps every secret value a run knows (inputs, tokens, the XOAUTH2 string) and
// removes it from any text before the text leaves the engine or a mail probe, in every encoding a
// log, a report or a server's echo could carry: raw, base64 (padded or not, and with whatever
// padding follows), base64url, URL-, form- and JSON-encoded. Values under 4 characters are not
// secrets it can remove without mangling ordinary words.
const SHORTEST = 4;

export class Redactor {
  private readonly forms = new Set<string>();
  private pattern?: RegExp;

  /** @param mask what a removed secret becomes ('***' in reports, '<redacted>' in transcripts) */
  constructor(private readonly mask = '***') {}

  add(...values: (string | undefined)[]): void {
    let added = false;
    for (const value of values) {
      if (!value || value.length < SHORTEST) continue;
      for (const form of encodings(value))
        if (!this.forms.has(form)) {
          this.forms.add(form);
          added = true;
        }
    }
    if (!added) return;
    // Longest first, so a token is removed whole before any secret that happens to be inside it;
    // a base64 form also takes the padding that follows it, wherever it was cut.
    const alternatives = [...this.forms]
      .sort((a, b) => b.length - a.length)
      .map((form) => `${form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}=*`);
    this.pattern = new RegExp(alternatives.join('|'), 'g');
  }

  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, this.mask) : text;
  }
}

/** The forms of a value the redactor removes (the tests keep their own, wider list). */
function encodings(value: string): string[] {
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
