import { describe, expect, it } from '@jest/globals';
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';

describe('xoauth2InitialResponse', () => {
  it('matches the byte sequence Exchange documents', () => {
    const b64 = xoauth2InitialResponse('alice@contoso.example', 'eyJ0.eyJ1.sig');
    const bytes = Buffer.from(b64, 'base64');
    const expected = Buffer.concat([
      Buffer.from('user=alice@contoso.example', 'ascii'),
      Buffer.from([0x01]),
      Buffer.from('auth=Bearer eyJ0.eyJ1.sig', 'ascii'),
      Buffer.from([0x01, 0x01]),
    ]);
    expect(bytes.equals(expected)).toBe(true);
    // standard base64 with padding, not base64url: Exchange rejects the url alphabet
    expect(b64).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it("encodes the sample input of Microsoft's XOAUTH2 page to a fixed string", () => {
    // Sample user and token from "Authenticate an IMAP, POP or SMTP connection using OAuth".
    expect(
      xoauth2InitialResponse(
        'test@contoso.onmicrosoft.com',
        'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA',
      ),
    ).toBe(
      'dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVyIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==',
    );
  });
});
