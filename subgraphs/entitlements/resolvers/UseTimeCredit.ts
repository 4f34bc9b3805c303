import { isValidAt } from '../domain/validity';
import type { UseTimeCreditResolvers } from '../generated/graphql';

export const UseTimeCredit: UseTimeCreditResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.useTimeCredit.load(ref.id),
  valid: (credit) => isValidAt(credit, new Date()),
  license: (credit) => ({ id: credit.licenseId }),
};
