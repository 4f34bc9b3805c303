/**
 * `npm run token -- --account <id> --scopes "license:read license:write" [--subject s] [--expires-in seconds]`
 * prints an HS256 bearer token signed with JWT_SECRET (the development secret when unset).
 */
import { ALL_SCOPES, authConfigFromEnv, DEV_ACCOUNT_ID, signToken } from '../lib/auth';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const config = authConfigFromEnv();
  if (!config.jwtSecret) throw new Error('npm run token signs HS256 tokens: set JWT_SECRET (tokens of a JWKS provider come from that provider)');
  const token = await signToken({
    accountId: option('account') ?? DEV_ACCOUNT_ID,
    subject: option('subject') ?? 'cli',
    scopes: (option('scopes') ?? ALL_SCOPES.join(' ')).split(/[\s,]+/).filter(Boolean),
    expiresIn: Number(option('expires-in') ?? 86_400),
    audience: config.audience,
    issuer: config.issuer,
  }, config.jwtSecret);
  console.log(token);
}

main().catch((err) => { console.error(err.message ?? err); process.exit(1); });
