import { isUuid } from '../../../lib/ids';
import { connectionFromArray } from '../../../lib/pagination';
import { LicenseFieldPolicyField } from '../entities/LicenseFieldPolicyField';
import type { LicenseFieldPolicyResolvers } from '../generated/graphql';

export const LicenseFieldPolicy: LicenseFieldPolicyResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.fieldPolicy.load(ref.id),
  fields: async (policy, args, { loaders }) => connectionFromArray(await loaders.fieldsByFieldPolicy(args.filter).load(policy.id), args),
  field: (policy, { fieldId }, { em }) => (isUuid(fieldId) ? em.findOne(LicenseFieldPolicyField, { id: fieldId, policyId: policy.id }) : null),
};
