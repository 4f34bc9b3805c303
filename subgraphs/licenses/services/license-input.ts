import { BadUserInputError } from '../../../lib/errors';
import { isUuid, requireUuid } from '../../../lib/ids';
import { nonNegative } from '../../../lib/input';
import { MAX_USES } from '../domain/limits';
import { License } from '../entities/License';
import type { LicenseBulkUpdateInput, LicenseInput } from '../generated/graphql';

/** Input fields that override a policy limit, and the column that holds the override. */
const OVERRIDES = {
  protected: 'protectedOverride', floating: 'floatingOverride', strict: 'strictOverride',
  requireHeartbeat: 'requireHeartbeatOverride', requireCheckIn: 'requireCheckInOverride', duration: 'durationOverride',
  maxMachines: 'maxMachinesOverride', maxProcesses: 'maxProcessesOverride', maxUsers: 'maxUsersOverride',
  maxCores: 'maxCoresOverride', maxUses: 'maxUsesOverride',
} as const satisfies Partial<Record<keyof LicenseInput, keyof License>>;

/** Inputs handled elsewhere (children, identity) rather than copied onto the row. */
const NOT_COPIED = new Set<string>(['key', 'metadata', 'meterAttributes', ...Object.keys(OVERRIDES)]);

const NON_NEGATIVE_INTS = [
  'maxMachines', 'maxProcesses', 'maxUsers', 'maxCores', 'maxUses', 'duration', 'quantity', 'allowedActivations',
  'allowedDeactivations', 'allowedFloatingClients', 'leaseDuration', 'numberOfSupportedVirtualMachines',
] as const satisfies ReadonlyArray<keyof LicenseInput>;

/** Inputs that hold IDs (stored in UUID columns): a malformed one is the caller's mistake on every database. */
const ID_FIELDS = ['policyId', 'organizationId', 'userId', 'resellerId', 'applicationId', 'metricId', 'assignmentTypeId', 'agreementId'] as const;

/** A new license: the columns whose default is not null cannot hold null (flags, counters, lists, enums, policyId). */
const TEMPLATE = new License() as unknown as Record<string, unknown>;

/**
 * Refuses an explicit null for a column that cannot be null (a write would fail in the database): the
 * caller leaves the field out to keep it, or sends the value it wants (false, [], ...). Overrides take
 * null (inherit the policy's value), and `key` is checked by its own rules.
 */
function checkNulls(input: LicenseInput | LicenseBulkUpdateInput, argument: string): void {
  for (const [field, value] of Object.entries(input)) {
    if (value !== null || NOT_COPIED.has(field) || !(field in TEMPLATE) || TEMPLATE[field] === null) continue;
    throw new BadUserInputError(`${field} cannot be null: leave it out to keep its value`, [argument, field]);
  }
}

/** Every ID given is a well-formed UUID, and no column that cannot be null is given null. */
export function checkIdsAndNulls(input: LicenseInput | LicenseBulkUpdateInput, argument = 'input'): void {
  checkNulls(input, argument);
  const ids = input as Partial<Record<(typeof ID_FIELDS)[number], string | null>>;
  for (const field of ID_FIELDS) {
    const value = ids[field];
    if (typeof value === 'string') requireUuid(value, [argument, field]);
  }
  for (const [i, id] of ((input as LicenseInput).additionalUserIds ?? []).entries()) {
    if (!isUuid(id)) throw new BadUserInputError('additionalUserIds must be UUIDs', [argument, 'additionalUserIds', i]);
  }
}

/** The seed 003 record fields that "Replace license" resets when the new body leaves them out. */
export const RECORD_FIELDS: ReadonlyArray<keyof License & keyof LicenseInput> = [
  'quantity', 'purchaseDate', 'purchaseValue', 'purchaseCurrency', 'vendor', 'sku', 'invoiceReference',
  'productDescription', 'externalId', 'licenseKeys', 'mediaStorage', 'licenseProofLocation', 'isSubscription',
  'subscriptionValidFrom', 'subscriptionValidTo', 'applicationId', 'metricId', 'assignmentTypeId', 'agreementId',
  'isUpgrade', 'isDowngrade', 'isCrossEdition', 'isCrossPlatform', 'hasVmUseRights', 'numberOfSupportedVirtualMachines',
  'autoAllocateOnce', 'isAutoAllocated', 'maintenanceAccordingToAgreement', 'notes',
];

/** The scale of the purchaseValue column: more decimals would be rounded by PostgreSQL and kept by SQLite. */
const PURCHASE_VALUE_SCALE = 4;

/**
 * A stored decimal in one canonical form on every database: PostgreSQL answers the column's scale
 * (`1000.5000`), SQLite a number (`1000.5`); both become `1000.5`.
 */
export function canonicalDecimal(value: string | number | null): string | null {
  if (value === null) return null;
  const text = typeof value === 'number' ? value.toFixed(PURCHASE_VALUE_SCALE) : value;
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Checks what the schema's types cannot say: ranges, currencies, date order. */
export function checkLicenseInput(input: LicenseInput): void {
  checkIdsAndNulls(input);
  for (const field of NON_NEGATIVE_INTS) nonNegative(input[field], ['input', field]);
  if (typeof input.maxUses === 'number' && input.maxUses > MAX_USES) {
    throw new BadUserInputError(`maxUses cannot exceed ${MAX_USES}`, ['input', 'maxUses']);
  }
  if (input.purchaseValue && (input.purchaseValue.split('.')[1] ?? '').length > PURCHASE_VALUE_SCALE) {
    throw new BadUserInputError(`purchaseValue has at most ${PURCHASE_VALUE_SCALE} decimals`, ['input', 'purchaseValue']);
  }
  if (input.purchaseCurrency && !/^[A-Z]{3}$/.test(input.purchaseCurrency)) {
    throw new BadUserInputError('purchaseCurrency must be an ISO 4217 code such as USD', ['input', 'purchaseCurrency']);
  }
  if (input.subscriptionValidFrom && input.subscriptionValidTo && input.subscriptionValidTo < input.subscriptionValidFrom) {
    throw new BadUserInputError('subscriptionValidTo is before subscriptionValidFrom', ['input', 'subscriptionValidTo']);
  }
  const names = (input.meterAttributes ?? []).map((m) => m.name);
  if (new Set(names).size !== names.length) throw new BadUserInputError('meter attribute names must be unique', ['input', 'meterAttributes']);
  for (const [i, meter] of (input.meterAttributes ?? []).entries()) {
    nonNegative(meter.allowedUses, ['input', 'meterAttributes', i, 'allowedUses']);
  }
}

/** Copies the given (non-undefined) input fields onto the license; keys are immutable. */
export function applyLicenseInput(license: License, input: LicenseInput | LicenseBulkUpdateInput): void {
  const key = (input as LicenseInput).key;
  if (key !== undefined && key !== null && license.key !== undefined && key !== license.key) {
    throw new BadUserInputError('License keys are immutable', ['input', 'key']);
  }
  const target = license as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || NOT_COPIED.has(field)) continue;
    if (field in target) target[field] = value;
  }
  for (const [field, column] of Object.entries(OVERRIDES)) {
    const value = (input as LicenseInput)[field as keyof typeof OVERRIDES];
    if (value !== undefined) target[column] = value;
  }
  const quantity = (input as LicenseInput).quantity;
  if (quantity !== undefined && license.initialQuantity === null) license.initialQuantity = quantity ?? null;
  if (input.recordStatus !== undefined) license.archivedDate = input.recordStatus === 'ARCHIVED' ? new Date() : null;
}

/** Replace semantics (seed 003): record fields left out of the new body go back to their defaults. */
export function resetRecordFields(license: License): void {
  const defaults = new License() as unknown as Record<string, unknown>;
  const target = license as unknown as Record<string, unknown>;
  for (const field of RECORD_FIELDS) target[field] = defaults[field];
}
