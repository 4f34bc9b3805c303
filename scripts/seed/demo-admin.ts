/**
 * The demo admin as a caller, for the seeds that write the newest features through the services (the rules,
 * sealing and events of the mutations) rather than by hand: the services read under the tenant filter of a
 * request, and stamp new rows with the caller's account.
 */
import { ALL_SCOPES } from '../../lib/auth';
import type { Em } from '../../lib/orm';
import { TENANT_FILTER, type Caller } from '../../lib/tenancy';
import { DEMO, DEMO_ADMIN_SUBJECT } from './ids';

const DEMO_ADMIN: Caller = { kind: 'token', accountId: DEMO.accountId, subject: DEMO_ADMIN_SUBJECT, scopes: new Set(ALL_SCOPES) };

/** Switches the seed's entity manager to the demo account, as createContext() does for a request, and returns the caller. */
export function actAsDemoAdmin(em: Em): Caller {
  em.setFilterParams(TENANT_FILTER, { accountId: DEMO_ADMIN.accountId });
  return DEMO_ADMIN;
}
