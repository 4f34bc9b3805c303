import { BadUserInputError } from '../../../lib/errors';
import type { LicenseModel } from '../entities/LicenseModel';
import type {
  AssignedLicenseConstraintInput, ConcurrentSessionsInput, LeaseTimeBehaviorInput, LicenseModelInput,
  OveruseConstraintInput, UseCountConstraintInput,
} from '../generated/graphql';
import { OveruseSyntaxError, parseOveruseExpression } from './overuse';
import { argumentName } from '../../../lib/input';

type Path = ReadonlyArray<string>;
type ConstraintKey = Exclude<keyof LicenseModelInput, 'name' | 'description'>;
type Constraints = { [K in ConstraintKey]: LicenseModel[K] };

function nonNegativeCount(value: number | null | undefined, path: Path): number | null {
  if (value === null || value === undefined) return null;
  if (value < 0) throw new BadUserInputError(`${argumentName(path)} cannot be negative`, path);
  return value;
}

/** Milliseconds are int64 in the seed: a whole, non-negative number exact in JavaScript. */
export function milliseconds(value: number | null | undefined, path: Path): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new BadUserInputError(`${argumentName(path)} must be a whole, non-negative number of milliseconds`, path);
  }
  return value;
}

function overuseExpr(text: string | null | undefined, path: Path): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  try {
    parseOveruseExpression(text);
  } catch (err) {
    if (err instanceof OveruseSyntaxError) throw new BadUserInputError(`overuseExpr is not a valid expression: ${err.message}`, path);
    throw err;
  }
  return text.trim();
}

function concurrentSessions(input: ConcurrentSessionsInput, path: Path): Constraints['concurrentSessions'] {
  return {
    maxCache: nonNegativeCount(input.maxCache, [...path, 'maxCache']),
    maxCheckOut: nonNegativeCount(input.maxCheckOut, [...path, 'maxCheckOut']),
    maxTotal: nonNegativeCount(input.maxTotal, [...path, 'maxTotal']),
    leaseTrackingMode: input.leaseTrackingMode ?? null,
    sessionAnchors: input.sessionAnchors ?? [],
    additionalAnchors: input.additionalAnchors ?? [],
  };
}

/** Seed 002: a refresh time "should be less than or equal to" its lease time. */
function leaseTimeBehavior(input: LeaseTimeBehaviorInput, path: Path): Constraints['leaseTimeBehavior'] {
  const ms = (key: 'leaseTimeCache' | 'leaseTimeCheckOut' | 'refreshTimeCache' | 'refreshTimeCheckOut' | 'cooldownTime') =>
    milliseconds(input[key], [...path, key]);
  const behavior = {
    leaseTimeCache: ms('leaseTimeCache'), leaseTimeCheckOut: ms('leaseTimeCheckOut'),
    refreshTimeCache: ms('refreshTimeCache'), refreshTimeCheckOut: ms('refreshTimeCheckOut'), cooldownTime: ms('cooldownTime'),
    incrementModel: input.incrementModel ?? 'RELATIVE',
    allowLeaseExtension: input.allowLeaseExtension ?? true,
    allowLeaseRelease: input.allowLeaseRelease ?? true,
  };
  for (const mode of ['Cache', 'CheckOut'] as const) {
    const lease = behavior[`leaseTime${mode}`];
    const refresh = behavior[`refreshTime${mode}`];
    if (lease !== null && refresh !== null && refresh > lease) {
      throw new BadUserInputError(`refreshTime${mode} cannot exceed leaseTime${mode}`, [...path, `refreshTime${mode}`]);
    }
  }
  return behavior;
}

const assigned = (input: AssignedLicenseConstraintInput): Constraints['assignedLicenseConstraint'] =>
  ({ requireReservation: input.requireReservation ?? false, allowReassign: input.allowReassign ?? true });
const overuse = (input: OveruseConstraintInput, path: Path) => ({ overuseExpr: overuseExpr(input.overuseExpr, [...path, 'overuseExpr']) });
const useCount = (input: UseCountConstraintInput, path: Path): Constraints['useCountConstraint'] =>
  ({ ...overuse(input, path), trackingMode: input.trackingMode ?? null });

/** Each constraint input in the stored shape, with the seed's defaults filled in. */
const NORMALIZERS: { [K in ConstraintKey]: (input: NonNullable<LicenseModelInput[K]>, path: Path) => Constraints[K] } = {
  assignedLicenseConstraint: assigned,
  concurrentSessions,
  leaseTimeBehavior,
  licenseLockingBehavior: (input) => ({ lockMode: input.lockMode ?? 'NO_LOCKING' }),
  licensePoolBehavior: (input) => ({ behavior: input.behavior ?? null }),
  scopedLicenseConstraint: (input) => ({
    scopeType: input.scopeType, allowLateBinding: input.allowLateBinding ?? false, scopedCreditType: input.scopedCreditType ?? null,
  }),
  seatCountConstraint: overuse,
  useCountConstraint: useCount,
  useTimeConstraint: overuse,
  versionConstraint: (input) => ({ matcher: input.matcher ?? 'EXACT' }),
};

/**
 * The constraints an input sets: an absent constraint is left out (kept on update), a null one
 * becomes null (removed), a given one is validated and completed with the seed's defaults.
 */
export function constraintsOf(input: LicenseModelInput): Partial<Constraints> {
  const result: Partial<Record<ConstraintKey, unknown>> = {};
  for (const key of Object.keys(NORMALIZERS) as ConstraintKey[]) {
    const value = input[key];
    if (value === undefined) continue;
    const normalize = NORMALIZERS[key] as (v: unknown, path: Path) => unknown;
    result[key] = value === null ? null : normalize(value, ['input', key]);
  }
  return result as Partial<Constraints>;
}
