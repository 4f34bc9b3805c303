import { randomUUID } from 'node:crypto';
import type { EntitySchemaProperty } from '@mikro-orm/core';
import type { Caller } from './tenancy';

/**
 * Columns every table has: a UUID key, the owning account (tenant) and timestamps.
 * Entities extend this class and spread `baseProperties` into their schema.
 */
export abstract class BaseEntity {
  id: string = randomUUID();
  accountId!: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

type BaseProps = { [K in keyof BaseEntity]: EntitySchemaProperty<BaseEntity[K], BaseEntity> };

export const baseProperties: BaseProps = {
  id: { type: 'uuid', primary: true },
  accountId: { type: 'uuid', index: true },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime', onUpdate: () => new Date() },
};

/** Sets the caller's account on a new row: every row belongs to one account (tenant). */
export function owned<T extends { accountId: string }>(entity: T, caller: Caller): T {
  entity.accountId = caller.accountId;
  return entity;
}
