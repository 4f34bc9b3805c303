import { authConfigFromEnv, DEV_GATEWAY_SECRET, DEV_JWT_SECRET } from './config';

const strong = 'x'.repeat(40);
const prod = { NODE_ENV: 'production', JWT_SECRET: strong, GATEWAY_SECRET: `g${strong}`, SIGNING_KEY_SECRET: `s${strong}` };

describe('authConfigFromEnv', () => {
  it('uses the development secrets outside production', () => {
    expect(authConfigFromEnv({})).toEqual({ jwtSecret: DEV_JWT_SECRET, jwksUrl: undefined, audience: undefined, issuer: undefined, gatewaySecret: DEV_GATEWAY_SECRET, production: false });
  });

  it('accepts real secrets in production', () => {
    expect(authConfigFromEnv(prod)).toMatchObject({ jwtSecret: strong, gatewaySecret: `g${strong}`, production: true });
    expect(authConfigFromEnv({ ...prod, JWT_SECRET: undefined, JWKS_URL: 'https://idp.example/jwks.json' })).toMatchObject({ jwtSecret: undefined, jwksUrl: 'https://idp.example/jwks.json' });
  });

  it.each([
    ['JWT_SECRET', 'NODE_ENV=production needs JWT_SECRET or JWKS_URL'],
    ['GATEWAY_SECRET', 'NODE_ENV=production needs GATEWAY_SECRET'],
    ['SIGNING_KEY_SECRET', 'NODE_ENV=production needs SIGNING_KEY_SECRET'],
  ])('refuses production without %s', (name, message) => {
    expect(() => authConfigFromEnv({ ...prod, [name]: undefined })).toThrow(message);
  });

  it('refuses short secrets and the development secrets in production', () => {
    expect(() => authConfigFromEnv({ ...prod, GATEWAY_SECRET: 'short' })).toThrow('at least 32 characters');
    expect(() => authConfigFromEnv({ ...prod, JWT_SECRET: DEV_JWT_SECRET })).toThrow('refuses the development secrets');
  });
});
