import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';

const USER = `query($id: ID!) { user(id: $id) {
  email name twoFactorEnabled googleSsoEnabled lastLoginAt emailPreference { metrics } metadata organization { name } banned
} }`;

describe.each(DATABASE_KINDS)('users with the attributes of seed 000 (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  it('creates a user with its preferences and metadata and reads them back', async () => {
    const { createOrganization } = await t.gateway.ok('mutation { createOrganization(input: { name: "Acme" }) { id } }');
    const { createUser } = await t.gateway.ok(
      `mutation($input: UserInput!) { createUser(input: $input) { id } }`,
      { input: { organizationId: createOrganization.id, email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace', twoFactorEnabled: true, emailMetrics: true, metadata: { team: 'core' } } },
    );
    expect((await t.gateway.ok(USER, { id: createUser.id })).user).toEqual({
      email: 'ada@acme.example', name: 'Ada Lovelace', twoFactorEnabled: true, googleSsoEnabled: false, lastLoginAt: null,
      emailPreference: { metrics: true }, metadata: { team: 'core' }, organization: { name: 'Acme' }, banned: false,
    });
  });

  it('refuses metadata that is not an object of strings, and a malformed reseller ID', async () => {
    const bad = await t.gateway.fails('BAD_USER_INPUT', `mutation { createUser(input: { email: "x@acme.example", metadata: { n: 1 } }) { id } }`);
    expect(bad.extensions?.argumentPath).toEqual(['input', 'metadata']);
    const reseller = await t.gateway.fails('BAD_USER_INPUT', `mutation { createUser(input: { email: "y@acme.example", resellerId: "abc" }) { id } }`);
    expect(reseller.extensions?.argumentPath).toEqual(['input', 'resellerId']);
  });
});
