import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import { DEFAULT_HEARTBEAT_DURATION_SECONDS } from '../domain/heartbeat';
import type {
  ExpirationAccess, ExpirationStrategy, FingerprintMatchingStrategy, HeartbeatCullStrategy, LeasingStrategy, LicenseType, OverageStrategy,
} from '../generated/graphql';

export class Policy extends BaseEntity {
  productId!: string;
  name!: string;
  duration: number | null = null;
  type: LicenseType = 'NODE_LOCKED';
  floating = false;
  strict = false;
  protected = false;
  maxMachines: number | null = null;
  maxProcesses: number | null = null;
  maxUsers: number | null = null;
  maxCores: number | null = null;
  maxUses: number | null = null;
  requireHeartbeat = false;
  heartbeatDuration: number = DEFAULT_HEARTBEAT_DURATION_SECONDS;
  heartbeatCullStrategy: HeartbeatCullStrategy = 'DEACTIVATE_DEAD';
  requireCheckIn = false;
  checkInInterval: number | null = null;
  expirationStrategy: ExpirationStrategy = 'IMMEDIATE';
  expirationAccess: ExpirationAccess = 'RESTRICT_ACCESS';
  fingerprintMatchingStrategy: FingerprintMatchingStrategy = 'MATCH_ANY';
  leasingStrategy: LeasingStrategy = 'PER_MACHINE';
  overageStrategy: OverageStrategy = 'NO_OVERAGE';
  scheme: string | null = null;
  requireProductScope = false;
  requirePolicyScope = false;
  requireMachineScope = false;
  requireFingerprintScope = false;
  requireUserScope = false;
  requireEntitlementsScope = false;
  entitlementCodes: string[] = [];
}

const bool = { type: 'boolean' } as const;
const optionalInt = { type: 'integer', nullable: true } as const;
const enumColumn = { type: 'string', length: 40 } as const;

export const PolicySchema = new EntitySchema<Policy>({
  class: Policy,
  tableName: 'licenses_policy',
  properties: {
    ...baseProperties,
    productId: { type: 'uuid', index: true },
    name: { type: 'string' },
    duration: optionalInt,
    type: enumColumn,
    floating: bool,
    strict: bool,
    protected: bool,
    maxMachines: optionalInt,
    maxProcesses: optionalInt,
    maxUsers: optionalInt,
    maxCores: optionalInt,
    maxUses: optionalInt,
    requireHeartbeat: bool,
    heartbeatDuration: { type: 'integer' },
    heartbeatCullStrategy: enumColumn,
    requireCheckIn: bool,
    checkInInterval: optionalInt,
    expirationStrategy: enumColumn,
    expirationAccess: enumColumn,
    fingerprintMatchingStrategy: enumColumn,
    leasingStrategy: enumColumn,
    overageStrategy: enumColumn,
    scheme: { type: 'string', nullable: true },
    requireProductScope: bool,
    requirePolicyScope: bool,
    requireMachineScope: bool,
    requireFingerprintScope: bool,
    requireUserScope: bool,
    requireEntitlementsScope: bool,
    entitlementCodes: { type: 'json' },
  },
});
