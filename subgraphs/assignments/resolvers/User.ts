import type { UserResolvers } from '../generated/graphql';
import { USER_ASSIGNMENTS } from '../services/assignment-kinds';
import { assignmentConnection } from '../services/license-reads';

/** The license assignments made to a user (the user is the licenses subgraph's). */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  userAssignments: (user, args, { loaders }) =>
    assignmentConnection(loaders.filtered, USER_ASSIGNMENTS, loaders.userAssignmentsByUser, { column: 'userId', id: user.id }, args),
};
