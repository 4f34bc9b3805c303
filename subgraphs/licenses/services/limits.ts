import { findByIdOrFail } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import { effectiveLimits, type PolicyLimits } from '../domain/limits';
import type { License } from '../entities/License';
import { Policy } from '../entities/Policy';

/** The policy of a license (every license has one). */
export function policyOf(em: Em, license: License): Promise<Policy> {
  return findByIdOrFail(em, Policy, license.policyId, 'Policy');
}

/** The effective limits of a license: its overrides over its policy's values. */
export function limitsOf(license: License, policy: Policy): PolicyLimits {
  return effectiveLimits(
    {
      maxMachines: policy.maxMachines, maxProcesses: policy.maxProcesses, maxUsers: policy.maxUsers,
      maxCores: policy.maxCores, maxUses: policy.maxUses, protected: policy.protected,
      floating: policy.floating, strict: policy.strict, requireHeartbeat: policy.requireHeartbeat,
      requireCheckIn: policy.requireCheckIn, duration: policy.duration,
    },
    {
      maxMachines: license.maxMachinesOverride, maxProcesses: license.maxProcessesOverride,
      maxUsers: license.maxUsersOverride, maxCores: license.maxCoresOverride, maxUses: license.maxUsesOverride,
      protected: license.protectedOverride, floating: license.floatingOverride, strict: license.strictOverride,
      requireHeartbeat: license.requireHeartbeatOverride, requireCheckIn: license.requireCheckInOverride,
      duration: license.durationOverride,
    },
  );
}
