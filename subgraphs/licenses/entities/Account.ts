import { EntitySchema } from '@mikro-orm/core';

/**
 * A tenant of the platform. Its Ed25519 key signs license files; the private key is sealed at rest
 * with `SIGNING_KEY_SECRET` and never leaves this subgraph.
 */
export class Account {
  id!: string;
  /** Equal to `id`: the account row belongs to itself, so the tenant filter applies to it like to every row. */
  accountId!: string;
  name!: string;
  signingPublicKey!: string;
  signingPrivateKeySealed!: string;
  createdAt: Date = new Date();
}

export const AccountSchema = new EntitySchema<Account>({
  class: Account,
  tableName: 'licenses_account',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid', unique: true },
    name: { type: 'string' },
    signingPublicKey: { type: 'text' },
    signingPrivateKeySealed: { type: 'text', lazy: true },
    createdAt: { type: 'datetime' },
  },
});
