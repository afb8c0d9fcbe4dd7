/**
 * `npm run token -- --role staff [--enterprise <uuid>]… [--sub <id>] [--expires 12h]` (at most 24h)
 * Mints a JWT signed with the local key in .local/keys/ (the one `npm start` verifies against).
 * The token is the last line of stdout, so `TOKEN=$(npm run -s token -- --role staff | tail -1)` works.
 */
import { loadOrCreateSigningKeys } from '#local/auth-keys';
import { mintToken } from '#local/mint-token';
import { parseTokenArgs, TOKEN_USAGE, UsageError } from '#local/token-args';

async function main(): Promise<number> {
  let request: ReturnType<typeof parseTokenArgs>;
  try {
    request = parseTokenArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message} (see npm run token -- --help)`);
    return 2;
  }
  if (request === 'help') {
    console.log(TOKEN_USAGE);
    return 0;
  }
  const keys = await loadOrCreateSigningKeys(request.keysDir ?? process.env.LOCAL_KEYS_DIR);
  const token = await mintToken(keys, request.claims, { expiresIn: request.expiresIn });
  const { roles, enterprise_uuids } = request.claims;
  const sub = request.claims.sub ?? `local-${roles[0]}`;
  const tenants = enterprise_uuids?.length ? enterprise_uuids.join(',') : 'none';
  console.log(`# sub=${sub} roles=${roles.join(',')} enterprises=${tenants} expires in ${request.expiresIn}`);
  console.log(token);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
