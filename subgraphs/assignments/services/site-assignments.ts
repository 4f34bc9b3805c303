import { owned } from '../../../lib/entity';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { requireUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { SiteAssignment } from '../entities/SiteAssignment';
import type { SiteAssignmentInput } from '../generated/graphql';
import { recordAssignmentEvent } from './events';

/** A license has at most one site assignment (seed 003: get / add / replace / delete, no list). */
async function findSiteAssignmentOrFail(em: Em, licenseId: string): Promise<SiteAssignment> {
  const assignment = await em.findOne(SiteAssignment, { licenseId });
  if (!assignment) throw new NotFoundError('SiteAssignment', licenseId);
  return assignment;
}

export async function addSiteAssignment(em: Em, caller: Caller, licenseId: string, input: SiteAssignmentInput): Promise<SiteAssignment> {
  const license = requireUuid(licenseId, ['licenseId']);
  const organizationId = requireUuid(input.organizationId, ['input', 'organizationId']);
  if (await em.findOne(SiteAssignment, { licenseId: license })) {
    throw new ConflictError(`license ${license} is already assigned to a site`, { argumentPath: ['licenseId'] });
  }
  const assignment = owned(Object.assign(new SiteAssignment(), { licenseId: license, organizationId }), caller);
  em.persist(assignment);
  recordAssignmentEvent(em, 'assignment.created', 'SiteAssignment', assignment);
  return assignment;
}

export async function replaceSiteAssignment(em: Em, licenseId: string, input: SiteAssignmentInput): Promise<SiteAssignment> {
  const license = requireUuid(licenseId, ['licenseId']);
  const organizationId = requireUuid(input.organizationId, ['input', 'organizationId']);
  const assignment = await findSiteAssignmentOrFail(em, license);
  assignment.organizationId = organizationId;
  recordAssignmentEvent(em, 'assignment.updated', 'SiteAssignment', assignment);
  return assignment;
}

export async function deleteSiteAssignment(em: Em, licenseId: string): Promise<SiteAssignment> {
  const assignment = await findSiteAssignmentOrFail(em, requireUuid(licenseId, ['licenseId']));
  recordAssignmentEvent(em, 'assignment.deleted', 'SiteAssignment', assignment);
  em.remove(assignment);
  return assignment;
}
