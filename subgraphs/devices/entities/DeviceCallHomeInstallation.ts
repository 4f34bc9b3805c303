import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { DeviceCallHomeInstallationStatus } from '../generated/graphql';

/**
 * A license installation through the call-home feature (seed 004 POST /api/v1/license/call-home), recorded for
 * the device's call-home agent. The password is kept only sealed (lib/secrets.ts) and is not part of the SDL.
 */
export class DeviceCallHomeInstallation extends BaseEntity {
  deviceId!: string;
  username!: string;
  /** The password, sealed with the secrets key; lazy and hidden, so ordinary reads and event payloads never carry it. */
  passwordSealed!: string;
  licenseServerUrl!: string;
  pakId!: string;
  sendToEmailId!: string;
  status: DeviceCallHomeInstallationStatus = 'REQUESTED';
  requestedAt: Date = new Date();
}

export const DeviceCallHomeInstallationSchema = new EntitySchema<DeviceCallHomeInstallation>({
  class: DeviceCallHomeInstallation,
  tableName: 'devices_call_home_installation',
  properties: {
    ...baseProperties,
    deviceId: { type: 'uuid', index: true },
    username: { type: 'string', length: 255 },
    passwordSealed: { type: 'text', lazy: true, hidden: true },
    licenseServerUrl: { type: 'string', length: 2048 },
    pakId: { type: 'string', length: 64 },
    sendToEmailId: { type: 'string', length: 254 },
    // room for the states the device reports later
    status: { type: 'string', length: 20 },
    requestedAt: { type: 'datetime' },
  },
});
