import type { MutationResolvers } from '../../generated/graphql';
import { bulkUpdateLicenses } from '../../services/bulk-update';
import { checkOutLicense } from '../../services/checkout';
import { createFieldPolicy, deleteFieldPolicy } from '../../services/field-policies';
import * as licenses from '../../services/licenses';
import * as status from '../../services/status-actions';
import { validate } from '../../services/validation';

const ALGORITHMS = { 'base64+ed25519': 'BASE64_ED25519', 'aes-256-gcm+ed25519': 'AES_256_GCM_ED25519' } as const;

/** License lifecycle, validation, check-out and license policies. */
export const licenseMutations: MutationResolvers = {
  createLicense: (_, { input }, { em, caller }) => licenses.createLicense(em, caller, input),
  updateLicense: (_, { id, input }, { em }) => licenses.updateLicense(em, id, input),
  replaceLicense: (_, { id, input }, { em }) => licenses.replaceLicense(em, id, input),
  deleteLicense: (_, { id }, { em }) => licenses.deleteLicense(em, id),
  bulkUpdateLicenses: (_, { filter, scope, ids, body }, { em }) => bulkUpdateLicenses(em, scope, filter, ids, body),
  suspendLicense: (_, { id }, { em }) => status.suspendLicense(em, id),
  reinstateLicense: (_, { id }, { em }) => status.reinstateLicense(em, id),
  revokeLicense: (_, { id }, { em }) => status.revokeLicense(em, id),
  renewLicense: (_, { id }, { em }) => status.renewLicense(em, id),
  checkInLicense: (_, { id }, { em }) => status.checkInLicense(em, id),
  validateLicense: (_, { id, scope }, { em, caller }) => validate(em, caller, { id }, scope),
  validateLicenseKey: (_, { key, scope }, { em, caller }) => validate(em, caller, { key }, scope),
  checkOutLicense: async (_, { id, ttl, encrypt }, { em, caller }) => {
    const file = await checkOutLicense(em, caller, id, ttl, encrypt);
    return { ...file, algorithm: ALGORITHMS[file.algorithm] };
  },
  createLicenseFieldPolicy: (_, { input }, { em, caller }) => createFieldPolicy(em, caller.accountId, input),
  deleteLicenseFieldPolicy: (_, { policyId }, { em }) => deleteFieldPolicy(em, policyId),
};
