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
  });

  it.each([
    [['--role', 'admin'], /unknown role "admin"/],
    [[], /--role is required/],
    [['--role', 'staff', '--enterprise', 'acme'], /not a uuid/],
    [['--role', 'staff', '--expires', 'soon'], /time span/],
    [['--role', 'staff', '--colour', 'red'], /colour/],
  ])('rejects %j with a one-line usage error', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(UsageError);
    expect(() => parseTokenArgs(argv)).toThrow(message);
  });

  it('recognises --help', () => {
    expect(parseTokenArgs(['--help'])).toBe('help');
  });
});
