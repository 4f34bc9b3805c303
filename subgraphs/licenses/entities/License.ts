import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type {
  ExpirationStrategy, FingerprintMatchingStrategy, LeasingStrategy, LicenseRecordStatus, SubscriptionStartTrigger,
} from '../generated/graphql';

/**
 * A license (seeds 000 and 001) and the asset-management record of its purchase (seed 003).
 * Limit columns named `*Override` are null when the policy's value applies (see domain/limits).
 */
export class License extends BaseEntity {
  key!: string;
  name: string | null = null;
  productId!: string;
  policyId!: string;
  organizationId: string | null = null;
  userId: string | null = null;
  resellerId: string | null = null;
  additionalUserIds: string[] = [];
  expiry: Date | null = null;
  effectiveDate: Date | null = null;
  uses = 0;
  suspended = false;
  revoked = false;
  encrypted = false;
  protectedOverride: boolean | null = null;
  floatingOverride: boolean | null = null;
  strictOverride: boolean | null = null;
  requireHeartbeatOverride: boolean | null = null;
  requireCheckInOverride: boolean | null = null;
  durationOverride: number | null = null;
  maxMachinesOverride: number | null = null;
  maxProcessesOverride: number | null = null;
  maxUsersOverride: number | null = null;
  maxCoresOverride: number | null = null;
  maxUsesOverride: number | null = null;
  lastValidated: Date | null = null;
  lastCheckOut: Date | null = null;
  lastCheckIn: Date | null = null;
  nextCheckIn: Date | null = null;
  totalActivations = 0;
  totalDeactivations = 0;
  allowedActivations = 0;
  allowedDeactivations = 0;
  expirationStrategy: ExpirationStrategy = 'IMMEDIATE';
  subscriptionInterval: string | null = null;
  subscriptionStartTrigger: SubscriptionStartTrigger = 'CREATION';
  fingerprintMatchingStrategy: FingerprintMatchingStrategy | null = null;
  leasingStrategy: LeasingStrategy | null = null;
  allowedFloatingClients = 0;
  serverSyncGracePeriod = 0;
  serverSyncInterval = 0;
  allowedClockOffset = 0;
  cryptoBindingEnabled = false;
  disableClockValidation = false;
  expiringSoonEventOffset = 0;
  leaseDuration = 0;
  activatedAt: Date | null = null;
  lastUsedAt: Date | null = null;
  allowVmActivation = true;
  allowContainerActivation = true;
  allowClientLeaseDuration = false;
  userLocked = false;
  requireAuthentication = false;
  disableGeoLocation = false;
  notes: string | null = null;
  entitlementSetId: string | null = null;
  entitlementCodes: string[] = [];
  productVersionId: string | null = null;
  maintenancePolicyId: string | null = null;
  maintenanceExpiresAt: Date | null = null;
  currentReleaseVersion: string | null = null;
  maxAllowedReleaseVersion: string | null = null;
  allowedIpRanges: string[] = [];
  allowedIpAddresses: string[] = [];
  disallowedIpAddresses: string[] = [];
  allowedCountries: string[] = [];
  disallowedCountries: string[] = [];
  tags: string[] = [];
  // seed 003: the asset-management record
  quantity: number | null = null;
  initialQuantity: number | null = null;
  purchaseDate: Date | null = null;
  purchaseValue: string | null = null;
  purchaseCurrency: string | null = null;
  vendor: string | null = null;
  sku: string | null = null;
  skuId: string | null = null;
  invoiceReference: string | null = null;
  productDescription: string | null = null;
  externalId: string | null = null;
  licenseKeys: string | null = null;
  mediaStorage: string | null = null;
  licenseProofLocation: string | null = null;
  isSubscription: boolean | null = null;
  subscriptionValidFrom: Date | null = null;
  subscriptionValidTo: Date | null = null;
  applicationId: string | null = null;
  metricId: string | null = null;
  assignmentTypeId: string | null = null;
  contractId: string | null = null;
  agreementId: string | null = null;
  isUpgrade = false;
  isDowngrade = false;
  isCrossEdition = false;
  isCrossPlatform = false;
  hasVmUseRights: boolean | null = null;
  numberOfSupportedVirtualMachines: number | null = null;
  autoAllocateOnce: boolean | null = null;
  isAutoAllocated: boolean | null = null;
  maintenanceAccordingToAgreement = false;
  recordStatus: LicenseRecordStatus = 'ACTIVE';
  archivedDate: Date | null = null;
}

const bool = { type: 'boolean' } as const;
const optBool = { type: 'boolean', nullable: true } as const;
const int = { type: 'integer' } as const;
const optInt = { type: 'integer', nullable: true } as const;
const optDate = { type: 'datetime', nullable: true } as const;
const optText = { type: 'string', nullable: true } as const;
const optUuid = { type: 'uuid', nullable: true } as const;
const list = { type: 'json' } as const;
const enumColumn = { type: 'string', length: 40 } as const;
const optEnum = { type: 'string', length: 40, nullable: true } as const;

export const LicenseSchema = new EntitySchema<License>({
  class: License,
  tableName: 'licenses_license',
  uniques: [{ properties: ['accountId', 'key'] }],
  properties: {
    ...baseProperties,
    key: { type: 'string', length: 255 },
    name: optText,
    productId: { type: 'uuid', index: true },
    policyId: { type: 'uuid', index: true },
    organizationId: { ...optUuid, index: true },
    userId: { ...optUuid, index: true },
    resellerId: optUuid,
    additionalUserIds: list,
    expiry: optDate, effectiveDate: optDate,
    uses: int, suspended: bool, revoked: bool, encrypted: bool,
    protectedOverride: optBool, floatingOverride: optBool, strictOverride: optBool,
    requireHeartbeatOverride: optBool, requireCheckInOverride: optBool, durationOverride: optInt,
    maxMachinesOverride: optInt, maxProcessesOverride: optInt, maxUsersOverride: optInt,
    maxCoresOverride: optInt, maxUsesOverride: optInt,
    lastValidated: optDate, lastCheckOut: optDate, lastCheckIn: optDate, nextCheckIn: optDate,
    totalActivations: int, totalDeactivations: int, allowedActivations: int, allowedDeactivations: int,
    expirationStrategy: enumColumn, subscriptionInterval: optText, subscriptionStartTrigger: enumColumn,
    fingerprintMatchingStrategy: optEnum, leasingStrategy: optEnum,
    allowedFloatingClients: int, serverSyncGracePeriod: int, serverSyncInterval: int, allowedClockOffset: int,
    cryptoBindingEnabled: bool, disableClockValidation: bool, expiringSoonEventOffset: int, leaseDuration: int,
    activatedAt: optDate, lastUsedAt: optDate,
    allowVmActivation: bool, allowContainerActivation: bool, allowClientLeaseDuration: bool,
    userLocked: bool, requireAuthentication: bool, disableGeoLocation: bool,
    notes: { type: 'text', nullable: true },
    entitlementSetId: optUuid, entitlementCodes: list, productVersionId: optUuid, maintenancePolicyId: optUuid,
    maintenanceExpiresAt: optDate, currentReleaseVersion: optText, maxAllowedReleaseVersion: optText,
    allowedIpRanges: list, allowedIpAddresses: list, disallowedIpAddresses: list,
    allowedCountries: list, disallowedCountries: list, tags: list,
    quantity: optInt, initialQuantity: optInt, purchaseDate: optDate,
    purchaseValue: { type: 'decimal', precision: 18, scale: 4, nullable: true },
    purchaseCurrency: { type: 'string', length: 3, nullable: true },
    vendor: optText, sku: optText, skuId: optUuid, invoiceReference: optText, productDescription: optText,
    externalId: optText, licenseKeys: { type: 'text', nullable: true }, mediaStorage: optText, licenseProofLocation: optText,
    isSubscription: optBool, subscriptionValidFrom: optDate, subscriptionValidTo: optDate,
    applicationId: { ...optUuid, index: true }, metricId: optUuid, assignmentTypeId: optUuid,
    contractId: optUuid, agreementId: optUuid,
    isUpgrade: bool, isDowngrade: bool, isCrossEdition: bool, isCrossPlatform: bool,
    hasVmUseRights: optBool, numberOfSupportedVirtualMachines: optInt,
    autoAllocateOnce: optBool, isAutoAllocated: optBool, maintenanceAccordingToAgreement: bool,
    recordStatus: enumColumn, archivedDate: optDate,
  },
});
