import { describe, expect, it } from 'vitest';
import { parseTokenArgs, UsageError } from '#local/token-args';

describe('parseTokenArgs', () => {
  it('collects repeated roles and enterprises', () => {
    const enterprise = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    expect(
      parseTokenArgs(['--role', 'enterprise_admin', '--role', 'learner', '--enterprise', enterprise, '--sub', 'u1']),
    ).toEqual({
      claims: { sub: 'u1', roles: ['enterprise_admin', 'learner'], enterprise_uuids: [enterprise] },
      expiresIn: '12h',
      keysDir: undefined,
    });
  });

  it('accepts --expires spans', () => {
    expect(parseTokenArgs(['--role', 'staff', '--expires', '30m'])).toMatchObject({ expiresIn: '30m' });
    expect(parseTokenArgs(['--role', 'staff', '--expires', '24h'])).toMatchObject({ expiresIn: '24h' });
    expect(parseTokenArgs(['--role', 'staff', '--expires', '1d'])).toMatchObject({ expiresIn: '1d' });
  });

  it.each([
    [['--role', 'admin'], /unknown role "admin"/],
    [[], /--role is required/],
    [['--role', 'staff', '--enterprise', 'acme'], /not a uuid/],
    [['--role', 'staff', '--expires', 'soon'], /time span/],
    [['--role', 'staff', '--colour', 'red'], /colour/],
    [['--role', 'staff', '--expires', '25h'], /longer than the API accepts/],
    [['--role', 'staff', '--expires', '2 days'], /longer than the API accepts/],
  ])('rejects %j with a one-line usage error', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(UsageError);
    expect(() => parseTokenArgs(argv)).toThrow(message);
  });

  it('recognises --help', () => {
    expect(parseTokenArgs(['--help'])).toBe('help');
  });
});
