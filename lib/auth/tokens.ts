import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../errors';
import type { Caller } from '../tenancy';
import type { AuthConfig } from './config';
import { LICENSE_CLIENT_SCOPE } from './scopes';

/** Claims of our bearer tokens: `sub`, the account (tenant) and the scopes. */
export const ACCOUNT_CLAIM = 'account';

type Verifier = (token: string) => Promise<JWTPayload>;

const jwksCache = new Map<string, JWTVerifyGetKey>();

/** A verifier for the configured keys; `alg: none` and unexpected algorithms are refused by jose. */
export function tokenVerifier(config: AuthConfig): Verifier {
  const options = { audience: config.audience, issuer: config.issuer, requiredClaims: ['exp', 'sub'] };
  if (config.jwksUrl) {
    const url = config.jwksUrl;
    if (!jwksCache.has(url)) jwksCache.set(url, createRemoteJWKSet(new URL(url)));
    const keys = jwksCache.get(url)!;
    return async (token) => (await jwtVerify(token, keys, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
  }
  const secret = new TextEncoder().encode(config.jwtSecret ?? '');
  return async (token) => (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
}

/** The token's scopes, less the license-key scope: a token claiming it must not pass for a key holder. */
function scopesOf(payload: JWTPayload): Set<string> {
  const raw = payload.scope ?? payload.scopes;
  const list = typeof raw === 'string' ? raw.split(/\s+/) : Array.isArray(raw) ? raw : [];
  return new Set(list.filter((s): s is string => typeof s === 'string' && s !== '' && s !== LICENSE_CLIENT_SCOPE));
}

/** The caller a bearer token names; UNAUTHENTICATED for any flaw (signature, expiry, audience, claims). */
export async function callerFromBearer(token: string, verify: Verifier): Promise<Caller> {
  let payload: JWTPayload;
  try {
    payload = await verify(token);
  } catch (err) {
    const expired = err instanceof errors.JWTExpired;
    throw new UnauthenticatedError(expired ? 'The token has expired' : 'The token is not valid');
  }
  const accountId = payload[ACCOUNT_CLAIM];
  if (typeof accountId !== 'string' || !accountId) throw new UnauthenticatedError(`The token has no "${ACCOUNT_CLAIM}" claim`);
  return { kind: 'token', accountId, subject: String(payload.sub), scopes: scopesOf(payload), expiresAt: new Date(Number(payload.exp) * 1000) };
}

export interface TokenRequest {
  accountId: string;
  subject: string;
  scopes: string[];
  /** Lifetime in seconds (default one hour). */
  expiresIn?: number;
  audience?: string;
  issuer?: string;
}

/** An HS256 token (development, tests, `npm run token`). */
export async function signToken(request: TokenRequest, secret: string): Promise<string> {
  const jwt = new SignJWT({ [ACCOUNT_CLAIM]: request.accountId, scope: request.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.expiresIn ?? 3600));
  if (request.audience) jwt.setAudience(request.audience);
  if (request.issuer) jwt.setIssuer(request.issuer);
  return jwt.sign(new TextEncoder().encode(secret));
}
