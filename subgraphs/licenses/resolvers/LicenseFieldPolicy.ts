import { connectionFromArray } from '../../../lib/pagination';
import type { LicenseFieldPolicyResolvers } from '../generated/graphql';

export const LicenseFieldPolicy: LicenseFieldPolicyResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.fieldPolicy.load(ref.id),
  fields: async (policy, args, { loaders }) => connectionFromArray(await loaders.fieldsByFieldPolicy(args.filter).load(policy.id), args),
  // from the policy's unfiltered list, which `fields` without a filter shares: one query for every policy listed
  field: async (policy, { fieldId }, { loaders }) => {
    const id = fieldId.toLowerCase();
    return (await loaders.fieldsByFieldPolicy(null).load(policy.id)).find((f) => f.id === id) ?? null;
  },
};
