import { ALL_SCOPES, DEV_ACCOUNT_ID, GATEWAY_SECRET_HEADER, signToken } from '../../lib/auth';
import { DEV_GATEWAY_SECRET, DEV_JWT_SECRET } from '../../lib/auth/config';
import { client, type TestClient } from './graphql';
import type { TestStack } from './stack';

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

/** The Authorization header presenting `token` as a bearer token; no header at all for null. */
export function bearerHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** These headers plus the router secret, as the gateway forwards a request to a subgraph. */
export function withRouterSecret(headers: Record<string, string> = {}): Record<string, string> {
  return { ...headers, [GATEWAY_SECRET_HEADER]: TEST_GATEWAY_SECRET };
}

/** Headers of a request as the gateway sends it to a subgraph. */
export async function routerHeaders(token?: string): Promise<Record<string, string>> {
  return withRouterSecret(bearerHeaders(token ?? (await testToken())));
}

/** One bearer token presented both ways: through the gateway, and straight to a subgraph with the router secret. */
export function gatewayAndSubgraph(t: TestStack, subgraphUrl: string, token: string): { gateway: TestClient; subgraph: TestClient } {
  return { gateway: t.gatewayWith(bearerHeaders(token)), subgraph: client(subgraphUrl, withRouterSecret(bearerHeaders(token))) };
}

/**
 * A valid token with one character in the middle of its signature changed. Not the last character:
 * its low bits are padding that a lenient base64 decoder ignores, so changing it may change nothing.
 */
export async function tamperedToken(): Promise<string> {
  const token = await testToken();
  const signatureStart = token.lastIndexOf('.') + 1;
  const at = signatureStart + Math.floor((token.length - signatureStart) / 2);
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}

/**
 * An unsigned token (`alg: none`), made by hand, whose claims would otherwise pass: the test account
 * (which owns the rows under test) with every scope, unless `claims` say otherwise.
 */
export function unsignedToken(claims: Record<string, unknown> = {}): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = { sub: 'intruder', account: DEV_ACCOUNT_ID, scope: ALL_SCOPES.join(' '), exp: Math.floor(Date.now() / 1000) + 600, ...claims };
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}

/** Every flawed bearer token the gateway and each subgraph must refuse with UNAUTHENTICATED. */
export const BAD_TOKENS: Array<[string, () => Promise<string>]> = [
  ['a tampered token', tamperedToken],
  ['an expired token', () => testToken({ expiresIn: -10 })],
  ['an unsigned token (alg: none)', async () => unsignedToken()],
];

/** The flawed tokens and no token at all (null): each must be refused with UNAUTHENTICATED. */
export const BAD_CREDENTIALS: Array<[string, () => Promise<string | null>]> = [['no token', async () => null], ...BAD_TOKENS];

/** A request straight to a subgraph that lacks the router secret, or carries a wrong one. */
export const ROUTER_SECRET_FLAWS: Array<[string, Record<string, string>]> = [
  ['without the router secret', {}],
  ['with a wrong router secret', { [GATEWAY_SECRET_HEADER]: `${TEST_GATEWAY_SECRET}x` }],
];

/**
 * POSTs `query` over raw HTTP with a valid token but `secretHeader` in place of the router secret
 * (none by default): the HTTP status, the first error's code and the data, for one `toEqual`.
 */
export async function postWithoutRouterSecret(
  url: string,
  query: string,
  secretHeader: Record<string, string> = {},
  variables?: Record<string, unknown>,
): Promise<{ status: number; code: unknown; data: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearerHeaders(await testToken()), ...secretHeader },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: unknown } }>; data?: unknown };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, data: body.data };
}
