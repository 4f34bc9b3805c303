import type { MutationResolvers } from '../../generated/graphql';
import * as machines from '../../services/machines';

type MachineMutationResolvers = Pick<MutationResolvers, 'activateMachine' | 'deactivateMachine' | 'pingMachineHeartbeat'>;

/** Machines of a license: activation under the license's limits, deactivation, heartbeats. */
export const machineMutations: MachineMutationResolvers = {
  activateMachine: (_, { input }, { em, caller }) => machines.activateMachine(em, caller, input),
  deactivateMachine: (_, { id }, { em, caller }) => machines.deactivateMachine(em, caller, id),
  pingMachineHeartbeat: (_, { id }, { em, caller }) => machines.pingMachineHeartbeat(em, caller, id),
};
