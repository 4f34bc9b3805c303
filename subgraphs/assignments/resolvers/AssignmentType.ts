import type { AssignmentTypeResolvers } from '../generated/graphql';

export const AssignmentType: AssignmentTypeResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.assignmentType.load(reference.id),
};
