import type { IncomingHttpHeaders } from 'node:http';
import { UnauthenticatedError } from '../errors';
import type { Caller } from '../tenancy';
import type { AuthConfig } from './config';
import { callerFromBearer, tokenVerifier } from './tokens';

export { authConfigFromEnv, isProduction, type AuthConfig } from './config';
export { GATEWAY_SECRET_HEADER, hasGatewaySecret } from './router-secret';
export { LICENSE_CLIENT_SCOPE } from './scopes';
export { signToken } from './tokens';

/** The account of the demo data and of development tokens. */
export const DEV_ACCOUNT_ID = process.env.DEV_ACCOUNT_ID ?? '00000000-0000-4000-8000-000000000001';

/** Every scope of the API (ARCHITECTURE.md, "Auth, tenancy, limits"). */
export const ALL_SCOPES = [
  'license:read', 'license:write', 'entitlement:read', 'entitlement:write', 'entitlement:consume',
  'assignment:read', 'assignment:write', 'compliance:read', 'compliance:write',
  'device:read', 'device:write', 'webhook:manage',
] as const;

/** Resolves `Authorization: License <key>` to the caller it stands for (null: no such key). */
export type LicenseKeyResolver = (key: string) => Promise<Caller | null>;

export interface Authenticator {
  authenticate(headers: IncomingHttpHeaders): Promise<Caller>;
}

/**
 * Who is calling, from the Authorization header: a bearer JWT (verified with the configured
 * keys) or, where a resolver is given, a license key. Anything else is UNAUTHENTICATED.
 */
export function createAuthenticator(config: AuthConfig, resolveLicenseKey?: LicenseKeyResolver): Authenticator {
  const verify = tokenVerifier(config);
  return {
    async authenticate(headers) {
      const header = headers.authorization ?? '';
      const [scheme, credential] = [header.slice(0, header.indexOf(' ')), header.slice(header.indexOf(' ') + 1).trim()];
      if (!header) throw new UnauthenticatedError('Authentication is required: send `Authorization: Bearer <token>`');
      if (/^bearer$/i.test(scheme) && credential) return callerFromBearer(credential, verify);
      if (/^license$/i.test(scheme) && credential) {
        if (!resolveLicenseKey) throw new UnauthenticatedError('License keys are accepted by the licenses operations only');
        const caller = await resolveLicenseKey(credential);
        if (!caller) throw new UnauthenticatedError('The license key is not valid');
        return caller;
      }
      throw new UnauthenticatedError('Unsupported Authorization scheme: use `Bearer <token>` or `License <key>`');
    },
  };
}
