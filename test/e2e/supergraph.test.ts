/**
 * The supergraph end to end: a license created in the licenses subgraph, given seats by an order in entitlements,
 * assigned to computers in assignments and given maintenance in compliance, each through its own mutations at the
 * gateway; then ONE query reads fields of the license from four subgraphs, with exact values.
 */
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';

const ONE_QUERY = `query($id: ID!) {
  license(id: $id) {
    key status quantity purchaseValue
    seatsTotal
    computerAssignments { totalCount edges { node { computerId quantity } } }
    costsSummary { quantity purchaseCost accumulatedMaintenanceCost accumulatedSupportCost totalCost currency }
  }
}`;

describe.each(DATABASE_KINDS)('the supergraph through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  /** A license of a new product, owned by a new organization, with a purchase record. */
  async function newLicense(): Promise<{ id: string; key: string; organizationId: string }> {
    const org = (await t.gateway.ok(`mutation { createOrganization(input: { name: "Acme" }) { id } }`)).createOrganization;
    const product = (await t.gateway.ok(`mutation { createProduct(input: { name: "CAD Suite" }) { id } }`)).createProduct;
    const policy = (await t.gateway.ok(
      `mutation($p: ID!) { createPolicy(input: { productId: $p, name: "Annual", duration: 31536000 }) { id } }`, { p: product.id },
    )).createPolicy;
    const license = (await t.gateway.ok(
      `mutation($input: LicenseInput!) { createLicense(input: $input) { id key } }`,
      { input: { policyId: policy.id, organizationId: org.id, quantity: 10, purchaseValue: '1000.50', purchaseCurrency: 'USD' } },
    )).createLicense;
    return { ...license, organizationId: org.id };
  }

  /** Entitlements: the license in an entitlement, then an order granting it `seats` seats valid now. */
  async function grantSeats(licenseId: string, organizationId: string, seats: number): Promise<void> {
    const validFrom = new Date(Date.now() - 86_400_000).toISOString();
    const entitlement = (await t.gateway.ok(
      `mutation($input: EntitlementInput!) { createEntitlement(input: $input) { id } }`,
      { input: { organizationId, name: `Ent ${randomUUID()}`, validFrom } },
    )).createEntitlement;
    const item = (await t.gateway.ok(`mutation($input: LicensedItemInput!) { createLicensedItem(input: $input) { id } }`,
      { input: { name: `cad-${randomUUID()}` } })).createLicensedItem;
    const model = (await t.gateway.ok(`mutation($input: LicenseModelInput!) { createLicenseModel(input: $input) { id } }`,
      { input: { name: `Seats ${randomUUID()}` } })).createLicenseModel;
    await t.gateway.ok(
      `mutation($input: EntitlementLicenseInput!) { addEntitlementLicense(input: $input) { id } }`,
      { input: { entitlementId: entitlement.id, licenseId, licensedItemId: item.id, licenseModelId: model.id, validFrom } },
    );
    await t.gateway.ok(`mutation($input: LicenseOrderInput!) { placeLicenseOrder(input: $input) { id } }`, {
      input: {
        organizationId, orderNumber: 'PO-1',
        lines: [{ licenseId, entitlementId: entitlement.id, licensedItemId: item.id, creditType: 'SEAT_COUNT', quantity: seats, orderValidFrom: validFrom }],
      },
    });
  }

  it('answers one query with the fields of four subgraphs', async () => {
    const license = await newLicense();
    await grantSeats(license.id, license.organizationId, 25);
    const ASSIGN = `mutation($l: ID!, $input: ComputerAssignmentInput!) { addLicenseComputerAssignment(licenseId: $l, input: $input) { computerId quantity } }`;
    const computers = [randomUUID(), randomUUID()];
    await t.gateway.ok(ASSIGN, { l: license.id, input: { computerId: computers[0], quantity: 3 } });
    await t.gateway.ok(ASSIGN, { l: license.id, input: { computerId: computers[1], quantity: 2 } });
    const PERIOD = `mutation($l: ID!, $input: MaintenancePeriodInput!) { addMaintenancePeriod(licenseId: $l, input: $input) { id } }`;
    await t.gateway.ok(PERIOD, { l: license.id, input: { validFrom: '2024-01-01T00:00:00Z', validTo: '2024-12-31T00:00:00Z', maintenanceCost: '200.25', supportCost: '50' } });
    await t.gateway.ok(PERIOD, { l: license.id, input: { validFrom: '2025-01-01T00:00:00Z', validTo: '2099-12-31T00:00:00Z', maintenanceCost: '100', supportCost: '0.25' } });

    const { license: read } = await t.gateway.ok(ONE_QUERY, { id: license.id });
    expect(read).toEqual({
      key: license.key, // licenses
      status: 'ACTIVE',
      quantity: 10,
      purchaseValue: '1000.5',
      seatsTotal: 25, // entitlements
      computerAssignments: { // assignments, oldest first
        totalCount: 2,
        edges: [{ node: { computerId: computers[0], quantity: 3 } }, { node: { computerId: computers[1], quantity: 2 } }],
      },
      costsSummary: { // compliance: 1000.5 + (200.25 + 100) + (50 + 0.25)
        quantity: 10, purchaseCost: '1000.5', accumulatedMaintenanceCost: '300.25', accumulatedSupportCost: '50.25', totalCost: '1351', currency: 'USD',
      },
    });
  });

  it('answers the other subgraphs\' fields of a license that has no rows there with their empty values', async () => {
    const license = await newLicense();
    const { license: read } = await t.gateway.ok(ONE_QUERY, { id: license.id });
    expect(read).toMatchObject({ key: license.key, status: 'ACTIVE', seatsTotal: 0, computerAssignments: { totalCount: 0, edges: [] } });
    expect(read.costsSummary).toEqual({
      quantity: 10, purchaseCost: '1000.5', accumulatedMaintenanceCost: '0', accumulatedSupportCost: '0', totalCost: '1000.5', currency: 'USD',
    });
  });

  it('answers null for a license that does not exist, without asking the other subgraphs to fail', async () => {
    for (const id of [randomUUID(), 'abc']) expect((await t.gateway.ok(ONE_QUERY, { id })).license).toBeNull();
  });

  it('lists the machines activated with a device\'s fingerprint on the device (devices + licenses)', async () => {
    const license = await newLicense();
    const fingerprint = `fp-${randomUUID()}`;
    const { registerDevice } = await t.gateway.ok(
      `mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }`, { input: { fingerprint, hostname: 'cad-ws-1' } });
    const { activateMachine } = await t.gateway.ok(
      `mutation($input: ActivateMachineInput!) { activateMachine(input: $input) { id } }`, { input: { licenseId: license.id, fingerprint } });
    const { device } = await t.gateway.ok(
      `query($id: ID!) { device(id: $id) { hostname machines { id fingerprint license { key } } } }`, { id: registerDevice.id });
    expect(device).toEqual({ hostname: 'cad-ws-1', machines: [{ id: activateMachine.id, fingerprint, license: { key: license.key } }] });
  });
});
