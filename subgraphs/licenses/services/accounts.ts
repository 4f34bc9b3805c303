import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { Account } from '../entities/Account';
import { generateSigningKeyPair, openPrivateKey, sealPrivateKey } from './signing-keys';

/**
 * The secret that seals signing keys at rest. Development falls back to a fixed value; production
 * refuses to start without SIGNING_KEY_SECRET (see the README's configuration).
 */
export function signingKeySecret(): string {
  return process.env.SIGNING_KEY_SECRET ?? 'development-signing-key-secret';
}

/** The caller's account, created with a fresh Ed25519 key pair the first time it is needed. */
export async function accountOf(em: Em, caller: Caller, name = 'Account'): Promise<Account> {
  const existing = await em.findOne(Account, { id: caller.accountId });
  if (existing) return existing;
  const pair = generateSigningKeyPair();
  const account = Object.assign(new Account(), {
    id: caller.accountId, accountId: caller.accountId, name,
    signingPublicKey: pair.publicKeyDer, signingPrivateKeySealed: sealPrivateKey(pair.privateKeyPem, signingKeySecret()),
  });
  em.persist(account);
  return account;
}

/** The account's private signing key, unsealed for one signature and never returned. */
export async function signingKeyOf(em: Em, caller: Caller): Promise<{ account: Account; privateKeyPem: string }> {
  const account = await accountOf(em, caller);
  await em.populate(account, ['signingPrivateKeySealed']);
  return { account, privateKeyPem: openPrivateKey(account.signingPrivateKeySealed, signingKeySecret()) };
}
