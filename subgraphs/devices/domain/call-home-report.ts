import { BadUserInputError } from '../../../lib/errors';
import { requireUuid } from '../../../lib/ids';
import type { DeviceApplicationUsageInput } from '../generated/graphql';

/** At most this many application usage entries in one call-home report. */
export const MAX_REPORTED_APPLICATIONS = 500;

/** An application usage entry of a call-home report, checked: IDs in lower case, the count given or 1. */
export interface ApplicationUsage {
  applicationId: string;
  metricId: string;
  userId: string | null;
  licenseId: string | null;
  installations: number;
}

const keyOf = (u: ApplicationUsage) => [u.applicationId, u.metricId, u.userId ?? '', u.licenseId ?? ''].join('/');

function checkUsage(input: DeviceApplicationUsageInput, path: Array<string | number>): ApplicationUsage {
  const at = (field: string) => [...path, field];
  const installations = input.installations ?? 1;
  if (!Number.isInteger(installations) || installations < 0) throw new BadUserInputError('installations must be a whole number of at least 0', at('installations'));
  return {
    applicationId: requireUuid(input.applicationId, at('applicationId')),
    metricId: requireUuid(input.metricId, at('metricId')),
    userId: input.userId == null ? null : requireUuid(input.userId, at('userId')),
    licenseId: input.licenseId == null ? null : requireUuid(input.licenseId, at('licenseId')),
    installations,
  };
}

/**
 * The application usage of a report (`report.applications`), checked. Each entry becomes one tracking row, so two
 * entries for the same application, metric, user and license are refused rather than silently merged.
 */
export function checkApplicationUsage(inputs: readonly DeviceApplicationUsageInput[]): ApplicationUsage[] {
  const path = ['report', 'applications'];
  if (inputs.length > MAX_REPORTED_APPLICATIONS) throw new BadUserInputError(`applications has at most ${MAX_REPORTED_APPLICATIONS} entries`, path);
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const usage = checkUsage(input, [...path, i]);
    if (seen.has(keyOf(usage))) {
      throw new BadUserInputError('applications lists the same application, metric, user and license twice', [...path, i]);
    }
    seen.add(keyOf(usage));
    return usage;
  });
}
