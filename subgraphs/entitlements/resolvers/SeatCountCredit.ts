import { isValidAt } from '../domain/validity';
import type { SeatCountCreditResolvers } from '../generated/graphql';

export const SeatCountCredit: SeatCountCreditResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.seatCountCredit.load(ref.id),
  valid: (credit) => isValidAt(credit, new Date()),
  license: (credit) => ({ id: credit.licenseId }),
  seatsConsumed: async (credit, _, { loaders }) => (await loaders.liveSessionsBySeatCredit.load(credit.id)).length,
};
