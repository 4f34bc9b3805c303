import { DEV_JWT_SECRET, type AuthConfig } from './config';
import { callerFromBearer, signToken, tokenVerifier } from './tokens';

const config: AuthConfig = { jwtSecret: DEV_JWT_SECRET, gatewaySecret: 'g', production: false };

describe('callerFromBearer', () => {
  it('reads the account, the subject and the scopes of a token', async () => {
    const token = await signToken({ accountId: 'acc-1', subject: 'alice', scopes: ['license:read', 'device:write'] }, DEV_JWT_SECRET);
    const caller = await callerFromBearer(token, tokenVerifier(config));
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
    expect({ ...caller, scopes: [...caller.scopes].sort() }).toEqual({
      kind: 'token', accountId: 'acc-1', subject: 'alice', scopes: ['device:write', 'license:read'], expiresAt: new Date(exp * 1000),
    });
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

describe('tokens of a JWKS identity provider (RS256 and ES256)', () => {
  // a real local HTTP server publishing the provider's public keys, as an identity provider would
  let server: import('node:http').Server;
  let jwksUrl = '';
  const keys: Record<string, import('jose').KeyLike> = {};

  beforeAll(async () => {
    const { generateKeyPair, exportJWK } = await import('jose');
    const http = await import('node:http');
    const published: Array<Record<string, unknown>> = [];
    for (const alg of ['RS256', 'ES256'] as const) {
      const pair = await generateKeyPair(alg);
      keys[alg] = pair.privateKey;
      published.push({ ...(await exportJWK(pair.publicKey)), kid: alg, alg, use: 'sig' });
    }
    server = http.createServer((_req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ keys: published })); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function providerToken(alg: 'RS256' | 'ES256', issuer = 'https://idp.example'): Promise<string> {
    const { SignJWT } = await import('jose');
    return new SignJWT({ account: 'acc-9', scope: 'device:read' })
      .setProtectedHeader({ alg, kid: alg }).setSubject('svc').setIssuer(issuer).setAudience('licensing')
      .setExpirationTime('5m').sign(keys[alg]);
  }

  const jwksConfig = (): AuthConfig => ({ jwksUrl, audience: 'licensing', issuer: 'https://idp.example', gatewaySecret: 'g', production: false });

  it.each(['RS256', 'ES256'] as const)('accepts a %s token signed by a published key', async (alg) => {
    const caller = await callerFromBearer(await providerToken(alg), tokenVerifier(jwksConfig()));
    expect({ accountId: caller.accountId, subject: caller.subject, scopes: [...caller.scopes] }).toEqual({ accountId: 'acc-9', subject: 'svc', scopes: ['device:read'] });
  });

  it('refuses a provider token for another issuer, and an HS256 token, with UNAUTHENTICATED', async () => {
    await expect(callerFromBearer(await providerToken('RS256', 'https://evil.example'), tokenVerifier(jwksConfig())))
      .rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const hs = await signToken({ accountId: 'acc-9', subject: 'svc', scopes: [], audience: 'licensing', issuer: 'https://idp.example' }, DEV_JWT_SECRET);
    await expect(callerFromBearer(hs, tokenVerifier(jwksConfig()))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
