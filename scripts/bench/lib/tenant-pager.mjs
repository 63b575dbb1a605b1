// The hand-written pager the tenant scan is measured beside: what a script written for the job
// would do at the least. fetch + JSON.parse page by page over @odata.nextLink, every credential
// within the window kept (the fields of the report's secrets entries), sorted soonest first and
// written as JSON. The bench sets PAGER_URL (first page), PAGER_TOKEN, PAGER_DAYS, PAGER_OUT.
import { writeFileSync } from 'node:fs';

const DAY = 86_400_000;
const now = Date.now();
const limit = now + Number(process.env.PAGER_DAYS) * DAY;
const headers = { authorization: `Bearer ${process.env.PAGER_TOKEN}`, accept: 'application/json' };
const found = [];
let url = process.env.PAGER_URL;
let apps = 0;
while (url) {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  const page = JSON.parse(await res.text());
  for (const app of page.value) {
    apps++;
    const all = [
      ...(app.passwordCredentials ?? []).map((c) => ({ c, kind: 'password' })),
      ...(app.keyCredentials ?? []).map((c) => ({ c, kind: 'certificate' })),
    ];
    for (const { c, kind } of all) {
      const end = Date.parse(c.endDateTime);
      if (end <= limit)
        found.push({
          keyId: c.keyId,
          displayName: c.displayName ?? '',
          hint: c.hint ?? '',
          endDateTime: c.endDateTime,
          daysLeft: Math.floor((end - now) / DAY),
          app: app.displayName ?? app.appId,
          kind,
        });
    }
  }
  url = page['@odata.nextLink'];
}
found.sort((a, b) => Date.parse(a.endDateTime) - Date.parse(b.endDateTime));
writeFileSync(process.env.PAGER_OUT, JSON.stringify(found));
process.stdout.write(`${apps} ${found.length}\n`);
