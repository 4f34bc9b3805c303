/**
 * License transfers end to end (seed 003 application license transfers of computers, users and custom compare
 * values): rows written through the gateway, the four transfer reads with their optional arguments and filters,
 * exact errors that change nothing, tenant isolation and scopes.
 */
import { randomUUID } from 'node:crypto';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxTypes } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';

const COMMON = 'id metricId fromApplicationId toApplicationId licenseId organizationId isUpgrade isDowngrade isCrossEdition isCrossPlatform quantity';
const ADD_COMPUTER = `mutation($i: ComputerLicenseTransferInput!) { addComputerLicenseTransfer(input: $i) { ${COMMON} computerId } }`;
const ADD_USER = `mutation($i: UserLicenseTransferInput!) { addUserLicenseTransfer(input: $i) { ${COMMON} userId } }`;
const ADD_CUSTOM = `mutation($i: CustomValueLicenseTransferInput!) { addCustomValueLicenseTransfer(input: $i) { ${COMMON} customCompareValueId useRights } }`;
const COMPUTERS = `query($a: ID!, $c: ID, $f: String) { applicationComputerLicenseTransfers(applicationId: $a, computerId: $c, filter: $f) {
  totalCount edges { node { ${COMMON} computerId } } } }`;
const USERS = `query($a: ID!, $u: ID, $f: String) { applicationUserLicenseTransfers(applicationId: $a, userId: $u, filter: $f) {
  totalCount edges { node { ${COMMON} userId } } } }`;
const CUSTOM = `query($a: ID!, $c: ID, $f: String) { applicationCustomValueLicenseTransfers(applicationId: $a, customId: $c, filter: $f) {
  totalCount edges { node { ${COMMON} customCompareValueId useRights } } } }`;
const LICENSES = `query($a: ID!, $f: String) { applicationLicenseTransfers(applicationId: $a, filter: $f) {
  totalCount edges { node { licenseId hasComputerTransfer hasUserTransfer hasCustomCompareValueTransfer } } } }`;
const DELETE = 'mutation($id: ID!) { deleteLicenseTransfer(id: $id) }';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
const nodes = (connection: { edges: Array<{ node: Row }> }) => connection.edges.map((e) => e.node);
// sorted, so that the expected order of the licenses does not depend on the random IDs
const [LICENSE_A, LICENSE_B] = [randomUUID(), randomUUID()].sort();

describe.each(DATABASE_KINDS)('license transfers (%s)', (kind) => {
  let t: TestStack;
  let visio2019: string; let visio2021: string; let acrobat: string; let metric: string;
  const [pc1, pc2, user1, custom1, org] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const rows: Record<string, Row> = {};
  const base = () => ({ metricId: metric, fromApplicationId: visio2021, toApplicationId: visio2019, licenseId: LICENSE_A });

  beforeAll(async () => {
    t = await startTestStack(kind);
    const app = async (name: string) => (await t.gateway.ok(`mutation($n: String!) { createApplication(input: { name: $n }) { id } }`, { n: name })).createApplication.id;
    [visio2019, visio2021, acrobat] = [await app('Visio 2019'), await app('Visio 2021'), await app('Acrobat')];
    metric = (await t.gateway.ok(`mutation { createMetric(input: { name: "Installations" }) { id } }`)).createMetric.id;
  });
  afterAll(async () => { await t?.stop(); });

  const events = () => outboxTypes(t.stack.subgraphs.compliance.orm);
  const state = async () => [
    await t.gateway.ok(COMPUTERS, { a: visio2019 }), await t.gateway.ok(USERS, { a: visio2019 }), await t.gateway.ok(CUSTOM, { a: visio2019 }),
    await t.gateway.ok(LICENSES, { a: visio2019 }), await events(),
  ];

  it('adds computer, user and custom value transfers with the seed fields and defaults', async () => {
    const full = { ...base(), computerId: pc1, organizationId: org, isDowngrade: true, isCrossEdition: true, isCrossPlatform: true, quantity: 2 };
    rows.pc1 = (await t.gateway.ok(ADD_COMPUTER, { i: full })).addComputerLicenseTransfer;
    expect(rows.pc1).toEqual({ ...full, id: expect.any(String), isUpgrade: false });
    // flags default to false and the quantity to 1; IDs are kept in lower case
    rows.pc2 = (await t.gateway.ok(ADD_COMPUTER, { i: { ...base(), computerId: pc2.toUpperCase(), licenseId: LICENSE_B } })).addComputerLicenseTransfer;
    expect(rows.pc2).toEqual({ ...base(), id: expect.any(String), computerId: pc2, licenseId: LICENSE_B, organizationId: null,
      isUpgrade: false, isDowngrade: false, isCrossEdition: false, isCrossPlatform: false, quantity: 1 });
    rows.acrobat = (await t.gateway.ok(ADD_COMPUTER, { i: { ...base(), fromApplicationId: acrobat, toApplicationId: visio2021, computerId: pc1 } }))
      .addComputerLicenseTransfer;
    const user = { ...base(), fromApplicationId: visio2019, toApplicationId: visio2021, userId: user1, isUpgrade: true };
    rows.user1 = (await t.gateway.ok(ADD_USER, { i: user })).addUserLicenseTransfer;
    expect(rows.user1).toEqual({ ...user, id: expect.any(String), organizationId: null, isDowngrade: false, isCrossEdition: false, isCrossPlatform: false, quantity: 1 });
    const custom = { ...base(), customCompareValueId: custom1, useRights: ['Standard'], quantity: 5 };
    rows.custom1 = (await t.gateway.ok(ADD_CUSTOM, { i: custom })).addCustomValueLicenseTransfer;
    expect(rows.custom1).toEqual({ ...custom, id: expect.any(String), organizationId: null,
      isUpgrade: false, isDowngrade: false, isCrossEdition: false, isCrossPlatform: false });
    expect(await events()).toEqual([
      ...Array(3).fill('application.created'), 'metric.created', ...Array(5).fill('license-transfer.created'),
    ]);
  });

  it('reads the transfers from or to an application, of one computer, user or custom value, and their licenses', async () => {
    const computers = async (a: string, c?: string, f?: string) => (await t.gateway.ok(COMPUTERS, { a, c, f })).applicationComputerLicenseTransfers;
    const visio = await computers(visio2019);
    expect(visio.totalCount).toBe(2);
    expect(nodes(visio)).toEqual([rows.pc1, rows.pc2]);
    expect(nodes(await computers(visio2019, pc2))).toEqual([rows.pc2]);
    expect(nodes(await computers(visio2019, undefined, 'quantity -gt 1 -and isDowngrade -eq true'))).toEqual([rows.pc1]);
    // Visio 2021 gives two computer transfers and receives one
    expect(nodes(await computers(visio2021))).toEqual([rows.pc1, rows.pc2, rows.acrobat]);
    expect(nodes(await computers(acrobat, pc1))).toEqual([rows.acrobat]);

    const users = async (a: string, u?: string) => nodes((await t.gateway.ok(USERS, { a, u })).applicationUserLicenseTransfers);
    expect(await users(visio2021)).toEqual([rows.user1]);
    expect(await users(visio2019, user1)).toEqual([rows.user1]);
    expect(await users(visio2019, randomUUID())).toEqual([]);
    expect(await users(acrobat)).toEqual([]);

    const custom = async (a: string, c?: string, f?: string) => nodes((await t.gateway.ok(CUSTOM, { a, c, f })).applicationCustomValueLicenseTransfers);
    expect(await custom(visio2019)).toEqual([rows.custom1]);
    expect(await custom(visio2019, custom1)).toEqual([rows.custom1]);
    expect(await custom(visio2019, undefined, `customCompareValueId -ne "${custom1}"`)).toEqual([]);

    expect(nodes((await t.gateway.ok(LICENSES, { a: visio2019 })).applicationLicenseTransfers)).toEqual([
      { licenseId: LICENSE_A, hasComputerTransfer: true, hasUserTransfer: true, hasCustomCompareValueTransfer: true },
      { licenseId: LICENSE_B, hasComputerTransfer: true, hasUserTransfer: false, hasCustomCompareValueTransfer: false },
    ]);
    expect(nodes((await t.gateway.ok(LICENSES, { a: acrobat })).applicationLicenseTransfers)).toEqual([
      { licenseId: LICENSE_A, hasComputerTransfer: true, hasUserTransfer: false, hasCustomCompareValueTransfer: false },
    ]);
    expect(nodes((await t.gateway.ok(LICENSES, { a: visio2019, f: `licenseId -eq "${LICENSE_B}"` })).applicationLicenseTransfers)).toHaveLength(1);
  });

  it.each([
    [{ computerId: 'pc-1' }, ['input', 'computerId']],
    [{ licenseId: 'l-1' }, ['input', 'licenseId']],
    [{ organizationId: 'acme' }, ['input', 'organizationId']],
    [{ metricId: randomUUID() }, ['input', 'metricId']],
    [{ fromApplicationId: randomUUID() }, ['input', 'fromApplicationId']],
    [{ toApplicationId: 'visio' }, ['input', 'toApplicationId']],
    [{ toApplicationId: 'FROM' }, ['input', 'toApplicationId']],
    [{ isUpgrade: true, isDowngrade: true }, ['input', 'isDowngrade']],
    [{ quantity: 0 }, ['input', 'quantity']],
    [{ quantity: -3 }, ['input', 'quantity']],
  ])('refuses %j with BAD_USER_INPUT at its path and changes nothing', async (input, path) => {
    const before = await state();
    const i = { ...base(), computerId: pc1, ...input };
    if (i.toApplicationId === 'FROM') i.toApplicationId = i.fromApplicationId; // a transfer to the application it comes from
    const error = await t.gateway.fails('BAD_USER_INPUT', ADD_COMPUTER, { i });
    expect(error.extensions?.argumentPath).toEqual(path);
    expect(await state()).toEqual(before);
  });

  it.each([
    [{ useRights: ['Standard', ' '] }, ['input', 'useRights', 1]],
    [{ useRights: Array(21).fill('X') }, ['input', 'useRights']],
    [{ customCompareValueId: 'c-1' }, ['input', 'customCompareValueId']],
  ])('refuses the custom value transfer %j with BAD_USER_INPUT at its path', async (input, path) => {
    const before = await state();
    const error = await t.gateway.fails('BAD_USER_INPUT', ADD_CUSTOM, { i: { ...base(), customCompareValueId: custom1, ...input } });
    expect(error.extensions?.argumentPath).toEqual(path);
    expect(await state()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown or malformed application, BAD_USER_INPUT for a malformed user or filter', async () => {
    const before = await state();
    for (const query of [COMPUTERS, USERS, CUSTOM, LICENSES]) {
      await t.gateway.fails('NOT_FOUND', query, { a: randomUUID() });
      await t.gateway.fails('NOT_FOUND', query, { a: 'not-an-id' });
    }
    expect((await t.gateway.fails('BAD_USER_INPUT', ADD_USER, { i: { ...base(), userId: 'ann' } })).extensions?.argumentPath).toEqual(['input', 'userId']);
    expect((await t.gateway.fails('BAD_USER_INPUT', USERS, { a: visio2019, u: 'ann' })).extensions?.argumentPath).toEqual(['userId']);
    expect((await t.gateway.fails('BAD_USER_INPUT', COMPUTERS, { a: visio2019, c: 'pc' })).extensions?.argumentPath).toEqual(['computerId']);
    expect((await t.gateway.fails('BAD_USER_INPUT', CUSTOM, { a: visio2019, c: 'c' })).extensions?.argumentPath).toEqual(['customId']);
    await t.gateway.fails('BAD_USER_INPUT', COMPUTERS, { a: visio2019, f: 'color -eq "red"' });
    await t.gateway.fails('NOT_FOUND', DELETE, { id: randomUUID() });
    expect(await state()).toEqual(before);
  });

  it('keeps another account out: its transfers are NOT_FOUND and its applications cannot be named', async () => {
    const other = t.gatewayWith(bearerHeaders(await testToken({ accountId: randomUUID() })));
    const otherMetric = (await other.ok(`mutation { createMetric(input: { name: "Installations" }) { id } }`)).createMetric.id;
    const before = await state();
    await other.fails('NOT_FOUND', COMPUTERS, { a: visio2019 });
    await other.fails('NOT_FOUND', LICENSES, { a: visio2019 });
    await other.fails('NOT_FOUND', DELETE, { id: rows.pc1.id });
    const error = await other.fails('BAD_USER_INPUT', ADD_COMPUTER, { i: { ...base(), metricId: otherMetric, computerId: pc1 } });
    expect(error.extensions?.argumentPath).toEqual(['input', 'fromApplicationId']);
    expect(await state()).toEqual(before);
  });

  it('needs compliance:write to write and compliance:read to read', async () => {
    const reader = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['compliance:read'] })));
    const nobody = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['license:read'] })));
    const before = await state();
    await reader.fails('FORBIDDEN', ADD_COMPUTER, { i: { ...base(), computerId: pc1 } });
    await reader.fails('FORBIDDEN', ADD_USER, { i: { ...base(), userId: user1 } });
    await reader.fails('FORBIDDEN', ADD_CUSTOM, { i: { ...base(), customCompareValueId: custom1 } });
    await reader.fails('FORBIDDEN', DELETE, { id: rows.pc1.id });
    for (const query of [COMPUTERS, USERS, CUSTOM, LICENSES]) await nobody.fails('FORBIDDEN', query, { a: visio2019 });
    expect((await reader.ok(COMPUTERS, { a: visio2019 })).applicationComputerLicenseTransfers.totalCount).toBe(2);
    expect(await state()).toEqual(before);
  });

  it('deletes one transfer and records it', async () => {
    expect((await t.gateway.ok(DELETE, { id: rows.pc2.id })).deleteLicenseTransfer).toBe(rows.pc2.id);
    expect(nodes((await t.gateway.ok(COMPUTERS, { a: visio2019 })).applicationComputerLicenseTransfers)).toEqual([rows.pc1]);
    expect(nodes((await t.gateway.ok(LICENSES, { a: visio2019 })).applicationLicenseTransfers).map((l) => l.licenseId)).toEqual([LICENSE_A]);
    await t.gateway.fails('NOT_FOUND', DELETE, { id: rows.pc2.id });
    expect((await events()).slice(-1)).toEqual(['license-transfer.deleted']);
  });
});
