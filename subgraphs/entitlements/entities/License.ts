import type { CreditInclusion } from '../generated/graphql';

/**
 * Not a table: `License` is owned by the licenses subgraph. This is the reference the
 * entitlements resolvers pass around: the key, plus the options of `entitlementLicenses`
 * (which credits to list, whether to show the effective model) when it made the reference.
 */
export interface License {
  id: string;
  creditInclusion?: CreditInclusion;
  includeEffectiveModel?: boolean;
}
