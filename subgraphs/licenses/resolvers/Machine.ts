import { heartbeatStatus } from '../domain/heartbeat';
import type { MachineResolvers } from '../generated/graphql';
import type { Context } from '../context';
import type { Machine as MachineEntity } from '../entities/Machine';
import { mayAccessLicense } from '../services/license-callers';

async function heartbeatDuration(machine: MachineEntity, { loaders }: Context): Promise<number> {
  const license = await loaders.license.load(machine.licenseId);
  const policy = license ? await loaders.policy.load(license.policyId) : null;
  return policy?.heartbeatDuration ?? 600;
}

export const Machine: MachineResolvers = {
  // a license key sees the machines of its own license only
  __resolveReference: async (ref, { loaders, caller }) => {
    const machine = await loaders.machine.load(ref.id);
    return machine && mayAccessLicense(caller, machine.licenseId) ? machine : null;
  },
  license: (machine, _, { loaders, caller }) => (mayAccessLicense(caller, machine.licenseId) ? loaders.license.load(machine.licenseId) : null),
  heartbeatStatus: async (machine, _, ctx) => heartbeatStatus(machine.lastHeartbeat, await heartbeatDuration(machine, ctx), new Date()),
  nextHeartbeat: async (machine, _, ctx) =>
    machine.lastHeartbeat ? new Date(machine.lastHeartbeat.getTime() + (await heartbeatDuration(machine, ctx)) * 1000) : null,
};
