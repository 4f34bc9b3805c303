import type { Em } from '../../../lib/orm';
import { openSecret, sealSecret, secretsKey } from '../../../lib/secrets';
import type { Caller } from '../../../lib/tenancy';
import { Account } from '../entities/Account';
import { generateSigningKeyPair } from './signing-keys';

/**
 * The caller's account, created with a fresh Ed25519 key pair the first time it is needed. The first
 * requests of an account may race to create it: the insert of every loser does nothing (on PostgreSQL
 * it waits for the winner to commit) and all of them read the winner's row, so one key pair survives.
 */
export async function accountOf(em: Em, caller: Caller, name = 'Account'): Promise<Account> {
  const existing = await em.findOne(Account, { id: caller.accountId });
  if (existing) return existing;
  const pair = generateSigningKeyPair();
  await em.createQueryBuilder(Account).insert({
    id: caller.accountId, accountId: caller.accountId, name, createdAt: new Date(),
    signingPublicKey: pair.publicKeyDer, signingPrivateKeySealed: sealSecret(pair.privateKeyPem, secretsKey()),
  }).onConflict('id').ignore().execute();
  return em.findOneOrFail(Account, { id: caller.accountId }, { refresh: true });
}

/** The account's private signing key, unsealed for one signature and never returned. */
export async function signingKeyOf(em: Em, caller: Caller): Promise<{ account: Account; privateKeyPem: string }> {
  const account = await accountOf(em, caller);
  await em.populate(account, ['signingPrivateKeySealed']);
  return { account, privateKeyPem: openSecret(account.signingPrivateKeySealed, secretsKey()) };
}
