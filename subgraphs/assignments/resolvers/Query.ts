import { requireUuid } from '../../../lib/ids';
import { findConnection } from '../../../lib/query';
import { AssignmentType } from '../entities/AssignmentType';
import type { QueryResolvers } from '../generated/graphql';
import { ASSIGNMENT_TYPE_FILTER_FIELDS } from '../services/filters';

export const Query: QueryResolvers = {
  assignmentTypes: (_, args, { em }) =>
    findConnection(em, AssignmentType, {
      filter: args.filter, filterFields: ASSIGNMENT_TYPE_FILTER_FIELDS, orderBy: { assignmentType: 'asc', id: 'asc' }, args,
    }),
  assignmentType: (_, { id }, { loaders }) => loaders.assignmentType.load(requireUuid(id, ['id'])),
};
