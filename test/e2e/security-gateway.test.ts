/**
 * The gateway's own guards, through real HTTP: credentials before planning, the operation limits,
 * and production mode. Per-subgraph scope and tenancy suites are in security-<subgraph>.test.ts.
 */
import { signToken } from '../../lib/auth';
import { startGateway } from '../../gateway';
import { BAD_TOKENS, testToken } from '../testkit/auth';
import { client } from '../testkit/graphql';
import { startTestStack, type TestStack } from '../testkit/stack';

let t: TestStack;
beforeAll(async () => { t = await startTestStack(); });
afterAll(async () => { await t?.stop(); });

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: { errors?: Array<{ extensions?: Record<string, unknown> }> } }> {
  const res = await fetch(t.stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken()}`, ...headers }, body });
  return { status: res.status, json: (await res.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> } };
}

describe('credentials at the gateway', () => {
  it('refuses an operation without credentials (401 UNAUTHENTICATED) but lets Sandbox introspect in development', async () => {
    const anonymous = t.gatewayWith({});
    await anonymous.fails('UNAUTHENTICATED', '{ products { totalCount } }');
    expect((await anonymous.ok('{ __schema { queryType { name } } }')).__schema.queryType.name).toBe('Query');
    const res = await fetch(t.stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ products { totalCount } }' }) });
    expect(res.status).toBe(401);
  });

  it.each<[string, () => Promise<string>]>([
    ...BAD_TOKENS,
    ['a token signed with another secret', () => signToken({ accountId: 'a', subject: 'x', scopes: ['license:read'] }, 'another-secret-another-secret-another')],
  ])('refuses %s with UNAUTHENTICATED', async (_name, make) => {
    await t.gatewayWith({ authorization: `Bearer ${await make()}` }).fails('UNAUTHENTICATED', '{ products { totalCount } }');
  });
});

describe('scopes at the gateway', () => {
  it('lets a write-only token see what its mutation returns (type rules admit the write scope), not list anything', async () => {
    const writer = t.gatewayWith({ authorization: `Bearer ${await testToken({ scopes: ['license:write'] })}` });
    const { createProduct } = await writer.ok('mutation { createProduct(input: { name: "Write-only" }) { id name } }');
    expect(createProduct.name).toBe('Write-only');
    await writer.fails('FORBIDDEN', '{ products { totalCount } }');
  });
});

describe('operation limits (each refused with LIMIT_EXCEEDED naming the limit)', () => {
  const limitOf = async (query: string) => (await t.gateway.fails('LIMIT_EXCEEDED', query)).extensions?.limit;

  it('maxDepth', async () => {
    const deep = '{ products { edges { node { policies { edges { node { product { policies { edges { node { product { policies { totalCount } } } } } } } } } } } } }';
    expect(await limitOf(deep)).toBe('maxDepth');
  });

  it('maxAliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: products(first: 1) { totalCount }`).join(' ');
    expect(await limitOf(`{ ${aliases} }`)).toBe('maxAliases');
  });

  it('maxCost', async () => {
    expect(await limitOf('{ licenses(first: 500) { edges { node { machines(first: 500) { edges { node { id fingerprint } } } } } } }')).toBe('maxCost');
  });

  it('maxPageSize', async () => {
    expect(await limitOf('{ licenses(first: 501) { totalCount } }')).toBe('maxPageSize');
  });

  it('maxBatchedOperations', async () => {
    const { status, json } = await post(JSON.stringify([{ query: '{ products { totalCount } }' }, { query: '{ products { totalCount } }' }]));
    expect({ status, code: json.errors?.[0]?.extensions?.code, limit: json.errors?.[0]?.extensions?.limit }).toEqual({ status: 400, code: 'LIMIT_EXCEEDED', limit: 'maxBatchedOperations' });
  });

  it('maxBodyBytes', async () => {
    const padding = 'x'.repeat(1024 * 1024);
    const { status, json } = await post(JSON.stringify({ query: `{ products { totalCount } } # ${padding}` }));
    expect({ status, code: json.errors?.[0]?.extensions?.code, limit: json.errors?.[0]?.extensions?.limit }).toEqual({ status: 413, code: 'LIMIT_EXCEEDED', limit: 'maxBodyBytes' });
  });
});

describe('production mode', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('refuses to start without real secrets', async () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;
    await expect(startGateway({ port: 0 })).rejects.toThrow('NODE_ENV=production needs');
  });

  it('disables introspection unless ALLOW_INTROSPECTION is set', async () => {
    const secret = 'p'.repeat(40);
    Object.assign(process.env, { NODE_ENV: 'production', JWT_SECRET: secret, GATEWAY_SECRET: `g${secret}`, SIGNING_KEY_SECRET: `s${secret}` });
    const gateway = await startGateway({ port: 0, subgraphUrls: t.stack.gateway.subgraphUrls });
    try {
      const token = await signToken({ accountId: 'a', subject: 'x', scopes: ['license:read'] }, secret);
      const error = await client(gateway.url, { authorization: `Bearer ${token}` }).fails('GRAPHQL_VALIDATION_FAILED', '{ __schema { queryType { name } } }');
      expect(error.message).toMatch(/introspection/i);
      expect(JSON.stringify(error)).not.toMatch(/stacktrace/);
    } finally {
      await gateway.stop();
    }
  });
});
