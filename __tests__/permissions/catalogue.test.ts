// The requirement catalogue against the contract's "Required permissions" table.
import { describe, expect, it } from '@jest/globals';
import { formatPermission, requiredPermissions } from '../../src/permissions/catalogue.js';
import type { Settings } from '../../src/settings/types.js';

type Input = Pick<
  Settings,
  'grant' | 'activities' | 'readProtocol' | 'permissionsProfile' | 'extraPermissions'
>;
const base: Input = {
  grant: 'password',
  activities: ['read', 'send'],
  readProtocol: 'imap',
  permissionsProfile: 'flow',
  extraPermissions: [],
};
const names = (input: Partial<Input>) =>
  requiredPermissions({ ...base, ...input }).map(formatPermission);

describe('flow profile', () => {
  it.each([
    [
      {},
      [
        'graph:IMAP.AccessAsUser.All (delegated)',
        'graph:SMTP.Send (delegated)',
        'graph:offline_access (delegated)',
      ],
    ],
    [
      { activities: ['read'], readProtocol: 'pop' },
      ['graph:POP.AccessAsUser.All (delegated)', 'graph:offline_access (delegated)'],
    ],
    [{ activities: ['send'] }, ['graph:SMTP.Send (delegated)', 'graph:offline_access (delegated)']],
    [
      { grant: 'client-credentials' },
      ['exchange:IMAP.AccessAsApp (application)', 'exchange:SMTP.SendAsApp (application)'],
    ],
    [
      { grant: 'client-credentials', activities: ['read'], readProtocol: 'pop' },
      ['exchange:POP.AccessAsApp (application)'],
    ],
  ] as [Partial<Input>, string[]][])('%j', (input, expected) => {
    expect(names(input)).toEqual(expected);
  });

  it('marks only the IMAP/POP/SMTP delegated permissions as countable under either resource', () => {
    const either = requiredPermissions(base)
      .filter((r) => r.eitherResource)
      .map((r) => r.name);
    expect(either).toEqual(['IMAP.AccessAsUser.All', 'SMTP.Send']);
  });
});

describe('email-connector profile', () => {
  it('requires the setup page list, POP instead of IMAP with read-protocol pop', () => {
    expect(names({ permissionsProfile: 'email-connector' })).toEqual([
      'exchange:IMAP.AccessAsApp (application)',
      'graph:Mail.Send (application)',
      'graph:User.Read.All (application)',
      'graph:offline_access (delegated)',
      'graph:IMAP.AccessAsUser.All (delegated)',
      'graph:User.Read (delegated)',
      'graph:SMTP.Send (delegated)',
    ]);
    expect(names({ permissionsProfile: 'email-connector', readProtocol: 'pop' })[0]).toBe(
      'exchange:POP.AccessAsApp (application)',
    );
  });
});

describe('extra-permissions', () => {
  it('adds to the list once; a mail delegated permission named under exchange is the same one', () => {
    expect(
      names({
        extraPermissions: [
          { resource: 'graph', name: 'User.Read', type: 'delegated' },
          { resource: 'exchange', name: 'SMTP.Send', type: 'delegated' },
          { resource: 'graph', name: 'offline_access', type: 'delegated' },
        ],
      }),
    ).toEqual([
      'graph:IMAP.AccessAsUser.All (delegated)',
      'graph:SMTP.Send (delegated)',
      'graph:offline_access (delegated)',
      'graph:User.Read (delegated)',
    ]);
  });
});
