import type { AccountResolvers } from '../generated/graphql';

/** Only the public half of the signing key is ever exposed. */
export const Account: AccountResolvers = {
  publicKey: (account) => account.signingPublicKey,
};
