import { startTestStack, type TestStack } from '../testkit/stack';

let t: TestStack;
beforeAll(async () => { t = await startTestStack(); });
afterAll(async () => { await t?.stop(); });

test('creates a license through the gateway and reads it back', async () => {
  const { createProduct } = await t.gateway.ok(`mutation { createProduct(input: { name: "Editor" }) { id } }`);
  const { createPolicy } = await t.gateway.ok(`mutation($p: ID!) { createPolicy(input: { productId: $p, name: "Std", duration: 2592000, maxUses: 20 }) { id } }`, { p: createProduct.id });
  const { createLicense } = await t.gateway.ok(`mutation($p: ID!) { createLicense(input: { policyId: $p, name: "L1" }) { id key status maxUses maxMachines uses } }`, { p: createPolicy.id });
  expect(createLicense).toMatchObject({ status: 'ACTIVE', maxUses: 20, maxMachines: 1, uses: 0 });
  const { license } = await t.gateway.ok(`query($id: ID!) { license(id: $id) { id key product { name } } }`, { id: createLicense.id });
  expect(license).toEqual({ id: createLicense.id, key: createLicense.key, product: { name: 'Editor' } });
});
