import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import { BUILT_IN_PROFILE } from '../domain/call-home-profile';
import type { BootLevel, CallHomePrivacyLevel, SmartLicenseState } from '../generated/graphql';

/**
 * A device that holds licenses (seed 004): a network device, a computer or a virtual machine.
 * Its second key, `fingerprint`, is unique per account: licenses match activated machines to it.
 */
export class Device extends BaseEntity {
  fingerprint!: string;
  /** UDI product ID (PID) and serial number (SN): the UDI is `PID:SN`. */
  productId: string | null = null;
  serialNumber: string | null = null;
  hostname: string | null = null;
  platform: string | null = null;
  cores = 1;
  isVirtual = false;
  hostDeviceId: string | null = null;
  datacenterId: string | null = null;
  bootLevel: BootLevel = 'STANDARD';
  /** Mbps; null until set (seed 004 throughput levels). */
  throughput: number | null = null;
  eulaAccepted = false;
  eulaAcceptedAt: Date | null = null;
  eulaUri: string | null = null;
  // Smart Licensing (seed 004 /api/v1/smart-license): disabled, `CiscoTAC-1` and UNIDENTIFIED until changed
  smartLicenseEnabled = false;
  smartLicenseProfile = BUILT_IN_PROFILE;
  smartLicenseState: SmartLicenseState = 'UNIDENTIFIED';
  /** The registration ID token, sealed with the secrets key; lazy and hidden, so reads and event payloads never carry it. */
  smartLicenseIdTokenSealed: string | null = null;
  smartLicenseRegisteredAt: Date | null = null;
  smartLicenseIdRenewedAt: Date | null = null;
  smartLicenseAuthorizationRenewedAt: Date | null = null;
  // call-home settings (seed 004 /api/v1/call-home), with the devices' defaults until changed
  callHomeAaaAuthorization = false;
  callHomeAaaAuthorizationUsername = 'callhome';
  callHomeContactEmail: string | null = null;
  callHomeDataPrivacyLevel: CallHomePrivacyLevel = 'NORMAL';
  callHomeDataPrivacyHostname = false;
  /** The HTTP proxy: both set or both null. */
  callHomeHttpProxyServerAddress: string | null = null;
  callHomeHttpProxyServerPort: number | null = null;
  callHomeRateLimit = 20;
  /** Call-home reports (reportDeviceCallHome): the count is each report's sequence number, raised in the database. */
  lastCallHomeAt: Date | null = null;
  callHomeReportCount = 0;
}

const optText = { type: 'string', nullable: true } as const;

export const DeviceSchema = new EntitySchema<Device>({
  class: Device,
  tableName: 'devices_device',
  uniques: [{ properties: ['accountId', 'fingerprint'] }],
  properties: {
    ...baseProperties,
    fingerprint: { type: 'string', length: 255 },
    productId: { type: 'string', length: 64, nullable: true },
    serialNumber: { type: 'string', length: 64, nullable: true },
    hostname: optText,
    platform: optText,
    cores: { type: 'integer' },
    isVirtual: { type: 'boolean' },
    hostDeviceId: { type: 'uuid', nullable: true, index: true },
    datacenterId: { type: 'uuid', nullable: true, index: true },
    bootLevel: { type: 'string', length: 20 },
    throughput: { type: 'integer', nullable: true },
    eulaAccepted: { type: 'boolean' },
    eulaAcceptedAt: { type: 'datetime', nullable: true },
    eulaUri: { type: 'string', length: 2048, nullable: true },
    smartLicenseEnabled: { type: 'boolean' },
    smartLicenseProfile: { type: 'string', length: 64 },
    smartLicenseState: { type: 'string', length: 20 },
    smartLicenseIdTokenSealed: { type: 'text', nullable: true, lazy: true, hidden: true },
    smartLicenseRegisteredAt: { type: 'datetime', nullable: true },
    smartLicenseIdRenewedAt: { type: 'datetime', nullable: true },
    smartLicenseAuthorizationRenewedAt: { type: 'datetime', nullable: true },
    callHomeAaaAuthorization: { type: 'boolean' },
    callHomeAaaAuthorizationUsername: { type: 'string', length: 64 },
    callHomeContactEmail: { type: 'string', length: 254, nullable: true },
    callHomeDataPrivacyLevel: { type: 'string', length: 10 },
    callHomeDataPrivacyHostname: { type: 'boolean' },
    callHomeHttpProxyServerAddress: { type: 'string', length: 255, nullable: true },
    callHomeHttpProxyServerPort: { type: 'integer', nullable: true },
    callHomeRateLimit: { type: 'integer' },
    lastCallHomeAt: { type: 'datetime', nullable: true },
    callHomeReportCount: { type: 'integer', default: 0 },
  },
});
