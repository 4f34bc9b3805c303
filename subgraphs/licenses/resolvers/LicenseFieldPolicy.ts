import { isUuid } from '../../../lib/ids';
import { findConnection } from '../../../lib/query';
import { LicenseFieldPolicy as FieldPolicyEntity } from '../entities/LicenseFieldPolicy';
import { LicenseFieldPolicyField } from '../entities/LicenseFieldPolicyField';
import type { LicenseFieldPolicyResolvers } from '../generated/graphql';
import { FIELD_POLICY_FIELD_FILTER } from '../services/license-filter';

export const LicenseFieldPolicy: LicenseFieldPolicyResolvers = {
  __resolveReference: (ref, { em }) => em.findOne(FieldPolicyEntity, { id: ref.id }),
  fields: (policy, args, { em }) =>
    findConnection(em, LicenseFieldPolicyField, {
      where: { policyId: policy.id }, filter: args.filter, filterFields: FIELD_POLICY_FIELD_FILTER, orderBy: { name: 'asc', id: 'asc' }, args,
    }),
  field: (policy, { fieldId }, { em }) => (isUuid(fieldId) ? em.findOne(LicenseFieldPolicyField, { id: fieldId, policyId: policy.id }) : null),
};
