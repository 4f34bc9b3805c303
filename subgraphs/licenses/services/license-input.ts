import { BadUserInputError } from '../../../lib/errors';
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

const NON_NEGATIVE_INTS: ReadonlyArray<keyof LicenseInput> = [
  'maxMachines', 'maxProcesses', 'maxUsers', 'maxCores', 'maxUses', 'duration', 'quantity', 'allowedActivations',
  'allowedDeactivations', 'allowedFloatingClients', 'leaseDuration', 'numberOfSupportedVirtualMachines',
];

/** The seed 003 record fields that "Replace license" resets when the new body leaves them out. */
export const RECORD_FIELDS: ReadonlyArray<keyof License & keyof LicenseInput> = [
  'quantity', 'purchaseDate', 'purchaseValue', 'purchaseCurrency', 'vendor', 'sku', 'invoiceReference',
  'productDescription', 'externalId', 'licenseKeys', 'mediaStorage', 'licenseProofLocation', 'isSubscription',
  'subscriptionValidFrom', 'subscriptionValidTo', 'applicationId', 'metricId', 'assignmentTypeId', 'agreementId',
  'isUpgrade', 'isDowngrade', 'isCrossEdition', 'isCrossPlatform', 'hasVmUseRights', 'numberOfSupportedVirtualMachines',
  'autoAllocateOnce', 'isAutoAllocated', 'maintenanceAccordingToAgreement', 'notes',
];

/** Checks what the schema's types cannot say: ranges, currencies, date order. */
export function checkLicenseInput(input: LicenseInput): void {
  for (const field of NON_NEGATIVE_INTS) {
    const value = input[field];
    if (typeof value === 'number' && value < 0) throw new BadUserInputError(`${field} cannot be negative`, ['input', field]);
  }
  if (typeof input.maxUses === 'number' && input.maxUses > MAX_USES) {
    throw new BadUserInputError(`maxUses cannot exceed ${MAX_USES}`, ['input', 'maxUses']);
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
    if (meter.allowedUses < 0) throw new BadUserInputError('allowedUses cannot be negative', ['input', 'meterAttributes', i, 'allowedUses']);
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
