import type { OrganizationGroupResolvers } from '../generated/graphql';

export const OrganizationGroup: OrganizationGroupResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.organizationGroup.load(ref.id),
  memberUserIds: async (group, _, { loaders }) => (await loaders.membersByGroup.load(group.id)).map((m) => m.userId),
};
