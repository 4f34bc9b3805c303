import { ALL_SCOPES, DEV_ACCOUNT_ID, GATEWAY_SECRET_HEADER, signToken } from '../../lib/auth';
import { DEV_GATEWAY_SECRET, DEV_JWT_SECRET } from '../../lib/auth/config';

/** Tests run with the development secrets (no NODE_ENV=production), like `npm start`. */
export const TEST_JWT_SECRET = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
export const TEST_GATEWAY_SECRET = process.env.GATEWAY_SECRET ?? DEV_GATEWAY_SECRET;

export interface TokenOptions {
  accountId?: string;
  scopes?: readonly string[];
  subject?: string;
  expiresIn?: number;
}

/** A bearer token for the test account with every scope, unless told otherwise. */
export function testToken(opts: TokenOptions = {}): Promise<string> {
  return signToken({
    accountId: opts.accountId ?? DEV_ACCOUNT_ID,
    subject: opts.subject ?? 'test-admin',
    scopes: [...(opts.scopes ?? ALL_SCOPES)],
    expiresIn: opts.expiresIn,
  }, TEST_JWT_SECRET);
}

/** Headers of a request as the gateway sends it to a subgraph. */
export async function routerHeaders(token?: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${token ?? (await testToken())}`, [GATEWAY_SECRET_HEADER]: TEST_GATEWAY_SECRET };
}
