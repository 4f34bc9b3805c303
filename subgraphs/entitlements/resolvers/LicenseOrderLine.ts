import type { LicenseOrderLineResolvers } from '../generated/graphql';

export const LicenseOrderLine: LicenseOrderLineResolvers = {
  license: (line) => ({ id: line.licenseId }),
  licensedItem: async (line, _, { loaders }) => {
    const item = await loaders.licensedItem.load(line.licensedItemId);
    // placeLicenseOrder checked the item exists, and nothing deletes licensed items
    if (!item) throw new Error(`the licensed item of order line ${line.id} is missing`);
    return item;
  },
};
