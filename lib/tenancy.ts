import type { Dictionary } from '@mikro-orm/core';

/**
 * Tenant isolation: every row has an `accountId`, and every entity manager that serves a request
 * has this filter switched on with the caller's account, so reads cannot cross accounts even
 * where a resolver forgets a `where`. System work (migrations, relays) passes `filters: false`.
 */
export const TENANT_FILTER = 'tenant';

export const tenantFilterDefinition = {
  name: TENANT_FILTER,
  cond: (args: Dictionary) => ({ accountId: args.accountId }),
  default: true,
};

/** The caller of a request: the account (tenant) it acts for, who it is, what it may do. */
export interface Caller {
  /** `token`: a bearer JWT; `license`: a client application holding one license key. */
  kind: 'token' | 'license';
  accountId: string;
  subject: string;
  scopes: ReadonlySet<string>;
  /** For `license` callers: the one license they may act on. */
  licenseId?: string;
  /** For `token` callers: when the token expires (a subscription ends then). */
  expiresAt?: Date;
}
