// The floor a token-only run is compared with: what any script must do at the least, written by
// hand with node:http. One POST of the token request to the sandbox, the answer parsed as JSON,
// the token masked and written to the output file as the action does. Plain JavaScript, so that
// nothing but Node itself is loaded. The bench sets FLOOR_URL, FLOOR_BODY and GITHUB_OUTPUT.
import { appendFileSync } from 'node:fs';
import { request } from 'node:http';

const body = process.env.FLOOR_BODY;
const req = request(process.env.FLOOR_URL, {
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
  },
});
req.on('response', (res) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => {
    const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (res.statusCode !== 200 || !answer.access_token) process.exit(1);
    process.stdout.write(`::add-mask::${answer.access_token}\n`);
    appendFileSync(process.env.GITHUB_OUTPUT, `result=pass\n`);
  });
});
req.end(body);
