import { DEV_JWT_SECRET, type AuthConfig } from './config';
import { callerFromBearer, signToken, tokenVerifier } from './tokens';

const config: AuthConfig = { jwtSecret: DEV_JWT_SECRET, gatewaySecret: 'g', production: false };

describe('callerFromBearer', () => {
  it('reads the account, the subject and the scopes of a token', async () => {
    const token = await signToken({ accountId: 'acc-1', subject: 'alice', scopes: ['license:read', 'device:write'] }, DEV_JWT_SECRET);
    const caller = await callerFromBearer(token, tokenVerifier(config));
    expect({ ...caller, scopes: [...caller.scopes].sort() }).toEqual({ kind: 'token', accountId: 'acc-1', subject: 'alice', scopes: ['device:write', 'license:read'] });
  });

  it('never grants the license-key scope to a token', async () => {
    const token = await signToken({ accountId: 'acc-1', subject: 'mallory', scopes: ['license:client', 'license:read'] }, DEV_JWT_SECRET);
    expect([...(await callerFromBearer(token, tokenVerifier(config))).scopes]).toEqual(['license:read']);
  });

  it('refuses a token for another audience when one is required', async () => {
    const token = await signToken({ accountId: 'acc-1', subject: 'alice', scopes: [], audience: 'other' }, DEV_JWT_SECRET);
    await expect(callerFromBearer(token, tokenVerifier({ ...config, audience: 'licensing' }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token without the account claim', async () => {
    const token = await signToken({ accountId: '', subject: 'alice', scopes: [] }, DEV_JWT_SECRET);
    await expect(callerFromBearer(token, tokenVerifier(config))).rejects.toMatchObject({ message: 'The token has no "account" claim' });
  });
});
