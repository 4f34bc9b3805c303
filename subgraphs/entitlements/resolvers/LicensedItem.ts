import type { LicensedItem as LicensedItemEntity } from '../entities/LicensedItem';
import type { LicensedItemResolvers } from '../generated/graphql';

const isItem = (row: LicensedItemEntity | Error | null): row is LicensedItemEntity => row !== null && !(row instanceof Error);

export const LicensedItem: LicensedItemResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.licensedItem.load(ref.id),
  aggregatedItems: async (item, _, { loaders }) => (await loaders.licensedItem.loadMany(item.aggregatedItemIds)).filter(isItem),
};
