import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A machine activated on a license; a fingerprint is activated at most once per license. */
export class Machine extends BaseEntity {
  licenseId!: string;
  fingerprint!: string;
  name: string | null = null;
  hostname: string | null = null;
  platform: string | null = null;
  ip: string | null = null;
  cores = 1;
  lastHeartbeat: Date | null = null;
}

export const MachineSchema = new EntitySchema<Machine>({
  class: Machine,
  tableName: 'licenses_machine',
  uniques: [{ properties: ['licenseId', 'fingerprint'] }],
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid', index: true },
    fingerprint: { type: 'string' },
    name: { type: 'string', nullable: true },
    hostname: { type: 'string', nullable: true },
    platform: { type: 'string', nullable: true },
    ip: { type: 'string', nullable: true },
    cores: { type: 'integer' },
    lastHeartbeat: { type: 'datetime', nullable: true },
  },
});
