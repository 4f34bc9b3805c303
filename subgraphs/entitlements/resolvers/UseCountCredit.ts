import { isValidAt } from '../domain/validity';
import type { UseCountCreditResolvers } from '../generated/graphql';

export const UseCountCredit: UseCountCreditResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.useCountCredit.load(ref.id),
  valid: (credit) => isValidAt(credit, new Date()),
  license: (credit) => ({ id: credit.licenseId }),
};
