import type { IncomingHttpHeaders } from 'node:http';
import type { Caller } from './tenancy';

/** The account of the demo data and of development requests until authentication is configured. */
export const DEV_ACCOUNT_ID = process.env.DEV_ACCOUNT_ID ?? '00000000-0000-4000-8000-000000000001';

/** Every scope of the API (ARCHITECTURE.md, "Auth, tenancy, limits"). */
export const ALL_SCOPES = [
  'license:read', 'license:write', 'entitlement:read', 'entitlement:write', 'entitlement:consume',
  'assignment:read', 'assignment:write', 'compliance:read', 'compliance:write',
  'device:read', 'device:write', 'webhook:manage',
] as const;

/**
 * Who is calling. Authentication (JWT and license keys, verified by every subgraph) is the
 * security issue's work; until then every request acts for the development account with every
 * scope, and this function is the single place that changes.
 */
export function callerFromHeaders(_headers: IncomingHttpHeaders): Caller {
  return { accountId: DEV_ACCOUNT_ID, subject: 'development', scopes: new Set(ALL_SCOPES) };
}
