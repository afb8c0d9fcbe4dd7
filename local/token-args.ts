import { parseArgs } from 'node:util';
import { ROLES, type TokenClaims } from '#local/mint-token';
import { MAX_TOKEN_LIFETIME_SECONDS } from '#shared/auth/caller';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface TokenRequest {
  claims: TokenClaims;
  expiresIn: string;
  keysDir?: string;
}

export const TOKEN_USAGE =
  'usage: npm run token -- --role staff|enterprise_admin|learner [--role …] [--enterprise <uuid>]… [--sub <id>] [--expires 12h]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SPAN =
  /^\d+(\.\d+)?\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks|y|yr|yrs|year|years)$/i;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_557_600 };

/** A span's length in seconds, by the first letter of its unit (`min` and `m` are minutes, as jose reads them). */
function spanSeconds(span: string): number {
  const [, amount = '0', unit = 's'] = /^(\d+(?:\.\d+)?)\s*([a-z])/i.exec(span) ?? [];
  return Number(amount) * (UNIT_SECONDS[unit.toLowerCase()] ?? 1);
}

/** Parses `npm run token` flags; every mistake is a UsageError with a one-line message. */
export function parseTokenArgs(argv: string[]): TokenRequest | 'help' {
  const values = parse(argv);
  if (values.help) return 'help';
  const roles = values.role ?? [];
  if (roles.length === 0) throw new UsageError(`--role is required (${ROLES.join(', ')})`);
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`unknown role "${role}": use one of ${ROLES.join(', ')}`);
    }
  }
  const enterprises = values.enterprise ?? [];
  for (const uuid of enterprises) {
    if (!UUID.test(uuid)) throw new UsageError(`--enterprise "${uuid}" is not a uuid`);
  }
  const expiresIn = values.expires ?? '12h';
  if (!SPAN.test(expiresIn)) throw new UsageError(`--expires "${expiresIn}" is not a time span like 30m or 12h`);
  if (spanSeconds(expiresIn) > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new UsageError(`--expires "${expiresIn}" is longer than the API accepts (24h)`);
  }
  if (values.sub !== undefined && values.sub.trim() === '') throw new UsageError('--sub must not be empty');
  return {
    claims: { sub: values.sub, roles: [...new Set(roles)], enterprise_uuids: [...new Set(enterprises)] },
    expiresIn,
    keysDir: values['keys-dir'],
  };
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', multiple: true },
        enterprise: { type: 'string', multiple: true },
        sub: { type: 'string' },
        expires: { type: 'string' },
        'keys-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}
