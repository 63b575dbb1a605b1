// SASL XOAUTH2 initial client response, as Exchange Online documents it:
// base64("user=" + mailbox + ^A + "auth=Bearer " + token + ^A^A), ^A being 0x01.
// Dovecot tolerates a missing trailing ^A^A and a lower-case "bearer"; Exchange may not,
// so the exact bytes are pinned by a unit test rather than by the local server.
export function xoauth2InitialResponse(mailbox: string, accessToken: string): string {
  return Buffer.from(`user=${mailbox}\x01auth=Bearer ${accessToken}\x01\x01`, 'utf8').toString(
    'base64',
  );
}
