import type { FilterQuery } from '@mikro-orm/core';
import { BadUserInputError, DomainError } from '../../../lib/errors';
import { isUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import { filterCondition } from '../../../lib/query';
import { License } from '../entities/License';
import type { BulkUpdateScope, LicenseBulkUpdateInput } from '../generated/graphql';
import { recordLicenseChange, recordLicenseEvent } from './events';
import { checkFieldPolicies, fieldPolicyRules } from './field-policies';
import { applyLicenseInput, checkIdsAndNulls } from './license-input';
import { LICENSE_FILTER_FIELDS } from './license-filter';

export interface BulkUpdateResult {
  successCount: number;
  failedCount: number;
  failed: string[];
  failureReason: string | null;
}

/** The most licenses one bulk update may touch; beyond it the caller narrows the filter. */
export const MAX_BULK_UPDATE = 10_000;

function targetsOf(em: Em, scope: BulkUpdateScope, filter: string | null | undefined, ids: string[]): FilterQuery<License> {
  const malformed = ids.findIndex((id) => !isUuid(id));
  if (malformed >= 0) throw new BadUserInputError('ids must be UUIDs', ['ids', malformed]);
  const conditions: FilterQuery<License>[] = [];
  const compiled = filterCondition<License>(em, filter, LICENSE_FILTER_FIELDS);
  if (compiled) conditions.push(compiled);
  if (scope === 'ONLY') {
    if (!ids.length) throw new BadUserInputError('scope ONLY needs the ids to update', ['ids']);
    conditions.push({ id: { $in: ids } });
  } else if (scope === 'ALL_EXCEPT' && ids.length) {
    conditions.push({ id: { $nin: ids } });
  }
  return conditions.length ? { $and: conditions } : {};
}

/**
 * Seed 003 "Bulk update licenses": every targeted license gets the body; a license that a rule
 * refuses (a field policy) is left unchanged and reported in `failed` with the reason.
 */
export async function bulkUpdateLicenses(em: Em, scope: BulkUpdateScope, filter: string | null | undefined, ids: string[] | null | undefined, body: LicenseBulkUpdateInput): Promise<BulkUpdateResult> {
  checkIdsAndNulls(body, 'body');
  const licenses = await em.find(License, targetsOf(em, scope, filter, ids ?? []), { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_BULK_UPDATE + 1 });
  if (licenses.length > MAX_BULK_UPDATE) throw new BadUserInputError(`A bulk update touches at most ${MAX_BULK_UPDATE} licenses; narrow the filter`, ['filter']);
  const rules = await fieldPolicyRules(em);
  const failed: string[] = [];
  const reasons = new Set<string>();
  for (const license of licenses) {
    try {
      checkFieldPolicies(rules, body, license, 'update');
      const wasSuspended = license.suspended;
      applyLicenseInput(license, body);
      // a bulk suspension is a suspension: subscribers to license.suspended / license.reinstated hear of it
      if (license.suspended === wasSuspended) recordLicenseEvent(em, 'license.updated', license);
      else recordLicenseChange(em, license.suspended ? 'license.suspended' : 'license.reinstated', license);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      failed.push(license.id);
      reasons.add(err.message);
    }
  }
  return { successCount: licenses.length - failed.length, failedCount: failed.length, failed, failureReason: reasons.size ? [...reasons].join('; ') : null };
}
