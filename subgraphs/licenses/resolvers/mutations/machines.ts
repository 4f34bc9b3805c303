import type { MutationResolvers } from '../../generated/graphql';
import * as machines from '../../services/machines';

type MachineMutationResolvers = Pick<MutationResolvers, 'activateMachine' | 'deactivateMachine' | 'pingMachineHeartbeat'>;

/** Machines of a license: activation under the license's limits, deactivation, heartbeats. */
export const machineMutations: MachineMutationResolvers = {
  activateMachine: (_, { input }, { em }) => machines.activateMachine(em, input),
  deactivateMachine: (_, { id }, { em }) => machines.deactivateMachine(em, id),
  pingMachineHeartbeat: (_, { id }, { em }) => machines.pingMachineHeartbeat(em, id),
};
