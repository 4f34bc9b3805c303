import { connectionFromArray } from '../../../lib/pagination';
import { computeLicenseStatus } from '../domain/status';
import type { License as LicenseEntity } from '../entities/License';
import type { LicenseResolvers } from '../generated/graphql';
import type { Context } from '../context';
import { mayAccessLicense } from '../services/license-callers';
import { canonicalDecimal } from '../services/license-input';
import { limitsOf } from '../services/limits';

async function limits(license: LicenseEntity, { loaders }: Context) {
  const policy = await loaders.policy.load(license.policyId);
  if (!policy) throw new Error(`policy ${license.policyId} of license ${license.id} is missing`);
  return { policy, limits: limitsOf(license, policy) };
}

async function sumCores(license: LicenseEntity, ctx: Context): Promise<number> {
  const machines = await ctx.loaders.machinesByLicense.load(license.id);
  return machines.reduce((sum, m) => sum + m.cores, 0);
}

export const License: LicenseResolvers = {
  // a license key resolves a reference to its own license only
  __resolveReference: (ref, { loaders, caller }) => (mayAccessLicense(caller, ref.id) ? loaders.license.load(ref.id) : null),
  status: async (license, _, { loaders }) => {
    const owner = license.userId ? await loaders.user.load(license.userId) : null;
    return computeLicenseStatus({ ...license, ownerBanned: owner?.banned ?? false }, new Date());
  },
  expiresAt: (license) => license.expiry,
  purchaseValue: (license) => canonicalDecimal(license.purchaseValue),
  perpetual: async (license, _, ctx) => (await limits(license, ctx)).limits.duration === null && license.expiry === null,
  protected: async (license, _, ctx) => (await limits(license, ctx)).limits.protected,
  floating: async (license, _, ctx) => (await limits(license, ctx)).limits.floating,
  strict: async (license, _, ctx) => (await limits(license, ctx)).limits.strict,
  requireHeartbeat: async (license, _, ctx) => (await limits(license, ctx)).limits.requireHeartbeat,
  requireCheckIn: async (license, _, ctx) => (await limits(license, ctx)).limits.requireCheckIn,
  maxMachines: async (license, _, ctx) => (await limits(license, ctx)).limits.maxMachines,
  maxProcesses: async (license, _, ctx) => (await limits(license, ctx)).limits.maxProcesses,
  maxUsers: async (license, _, ctx) => (await limits(license, ctx)).limits.maxUsers,
  maxCores: async (license, _, ctx) => (await limits(license, ctx)).limits.maxCores,
  maxUses: async (license, _, ctx) => (await limits(license, ctx)).limits.maxUses,
  duration: async (license, _, ctx) => (await limits(license, ctx)).limits.duration,
  scheme: async (license, _, ctx) => (await limits(license, ctx)).policy.scheme,
  type: async (license, _, ctx) => (await limits(license, ctx)).policy.type,
  fingerprintMatchingStrategy: async (license, _, ctx) =>
    license.fingerprintMatchingStrategy ?? (await limits(license, ctx)).policy.fingerprintMatchingStrategy,
  leasingStrategy: async (license, _, ctx) => license.leasingStrategy ?? (await limits(license, ctx)).policy.leasingStrategy,
  validity: (license) => (license.expiry ? Math.max(0, Math.ceil((license.expiry.getTime() - license.createdAt.getTime()) / 86_400_000)) : 0),
  machinesCount: async (license, _, { loaders }) => (await loaders.machinesByLicense.load(license.id)).length,
  machinesCoreCount: (license, _, ctx) => sumCores(license, ctx),
  machines: async (license, args, { loaders }) => connectionFromArray(await loaders.machinesByLicense.load(license.id), args),
  product: (license, _, { loaders }) => loaders.product.load(license.productId),
  policy: (license, _, { loaders }) => loaders.policy.load(license.policyId),
  organization: (license, _, { loaders }) => (license.organizationId ? loaders.organization.load(license.organizationId) : null),
  user: (license, _, { loaders }) => (license.userId ? loaders.user.load(license.userId) : null),
  reseller: (license, _, { loaders }) => (license.resellerId ? loaders.reseller.load(license.resellerId) : null),
  allowedIpRange: (license) => license.allowedIpRanges[0] ?? null,
  metadata: (license, _, { loaders }) => loaders.metadataByLicense.load(license.id),
  meterAttributes: (license, _, { loaders }) => loaders.meterAttributesByLicense.load(license.id),
  isIncomplete: (license) => incompleteReasons(license).length > 0,
  incompleteReasons: (license) => incompleteReasons(license),
};

/** Seed 003 flags records that cannot be counted for compliance (e.g. `MissingApplication`). */
export function incompleteReasons(license: LicenseEntity): string[] {
  const reasons: string[] = [];
  if (!license.applicationId) reasons.push('MissingApplication');
  if (!license.metricId) reasons.push('MissingMetric');
  if (license.quantity === null) reasons.push('MissingQuantity');
  return reasons;
}
