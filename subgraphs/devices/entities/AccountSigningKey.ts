import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/**
 * The public key that verifies an account's license files: a projection of the licenses subgraph's accounts, kept
 * from its `license.checked-out` events (services/signing-keys.ts). One row per account; not part of the SDL.
 */
export class AccountSigningKey extends BaseEntity {
  /** Ed25519, base64 SPKI DER (what `account { publicKey }` shows). */
  publicKey!: string;
}

export const AccountSigningKeySchema = new EntitySchema<AccountSigningKey>({
  class: AccountSigningKey,
  tableName: 'devices_account_signing_key',
  properties: {
    ...baseProperties,
    accountId: { type: 'uuid', unique: true },
    publicKey: { type: 'text' },
  },
});
