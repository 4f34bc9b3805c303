import type { BusEvent } from '../../../lib/events/bus';
import type { WorkerFactory } from '../../../lib/events/worker';
import type { Em, Orm } from '../../../lib/orm';
import { AccountSigningKey } from '../entities/AccountSigningKey';

export const SIGNING_KEY_CONSUMER_GROUP = 'devices-signing-keys';

/**
 * Keeps the public key of an account from the licenses subgraph's `license.checked-out` events (ARCHITECTURE.md: what
 * two subgraphs share goes through events): every license file is checked out with such an event, so the key that
 * verifies it reaches this subgraph with it. Idempotent: a repeated event writes the same key again.
 */
export async function keepSigningKey(orm: Orm, event: BusEvent): Promise<void> {
  const publicKey = event.payload.publicKey;
  if (event.source !== 'licenses' || event.type !== 'license.checked-out' || typeof publicKey !== 'string') return;
  const now = new Date();
  // the in-process bus runs this inside the publishing subgraph's transaction: its context is not ours
  await orm.em.fork({ disableContextResolution: true }).createQueryBuilder(AccountSigningKey)
    .insert({ id: event.accountId, accountId: event.accountId, publicKey, createdAt: now, updatedAt: now })
    .onConflict('accountId').merge(['publicKey', 'updatedAt'])
    .execute();
}

/** The consumer of the bus (group `devices-signing-keys`) that keeps the accounts' public keys. */
export const signingKeyWorkers: WorkerFactory = ({ orm, bus }) => bus.consume(SIGNING_KEY_CONSUMER_GROUP, (event) => keepSigningKey(orm, event));

/** The public key that verifies the caller's account's license files (the tenant filter picks the account); null until one is known. */
export async function accountPublicKey(em: Em): Promise<string | null> {
  return (await em.findOne(AccountSigningKey, {}))?.publicKey ?? null;
}
