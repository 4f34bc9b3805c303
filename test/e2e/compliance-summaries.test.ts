/**
 * Compliance summaries end to end (seed 003 compliance allocation summary, compliance summary, compliance usage
 * summary): licenses and assignments written through the gateway reach the compliance subgraph's projection by
 * their events; tracking rows give the requirement; the three reads show exact values, follow a change of a
 * license's quantity, stay within the account and need compliance:read.
 */
import { randomUUID } from 'node:crypto';
import { seedDemoData } from '../../scripts/seed';
import { DEMO } from '../../scripts/seed/ids';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { eventually } from '../testkit/eventually';
import { startTestStack, type TestStack } from '../testkit/stack';
import { fromNow, newPolicy, licenseOf, DAY } from './licenses-fixtures';

const SUMMARY_COUNTERS = `availableLicenses compliance licensesPurchased incompleteLicenses expiredSubscriptionLicenses invalidAssignments
  unassigned assignedNamedUsers siteLicenses downgradesGiven downgradesReceived upgradesGiven upgradesReceived crossPlatformGiven
  crossPlatformReceived crossEditionGiven crossEditionReceived initialRequirement includedInBundle outsideMetricPeriod
  secondaryUseRightsDesktopLaptop secondaryUseRightsDevice extendedCoverageForDcc extendedCoverageForHosts multipleVersionEdition
  virtualDesktopInfrastructure minimumRequirement coreFactor physicalHost licenseRequirement computerAppExclusions windowsServer sqlServer
  otherMetricCoverage siteCoverage vmCoverage licenseStacking namedUserCoverage licensingOtherMetrics virtualDesktopAccess totalCoverage`;
const ALLOCATIONS = `query($a: ID!) { complianceAllocations(applicationId: $a) { totalCount edges { node {
  applicationId metricId organizationId requirement coverage compliance } } } }`;
const SUMMARY = `query($a: ID!) { complianceSummary(applicationId: $a) { totalCount edges { node { applicationId metricId ${SUMMARY_COUNTERS} } } } }`;
const USAGE = `query($a: ID!) { complianceUsage(applicationId: $a) { totalCount edges { node {
  applicationId metricId licenseMetricId mainCoverage otherMetricCoverage isPartial } } } }`;
const THROUGH_APPLICATION = `query($a: ID!) { application(id: $a) { name
  complianceAllocations(first: 1) { totalCount pageInfo { hasNextPage } edges { node { organizationId compliance } } }
  complianceSummary { edges { node { totalCoverage compliance } } } complianceUsage { edges { node { isPartial } } } } }`;
const ENTITLEMENTS = `query($f: String) { licenseEntitlementSummaries(filter: $f) { totalCount edges { node {
  applicationId organizationId metricId assignmentType quantity } } } }`;
const CREATE_LICENSE = 'mutation($input: LicenseInput!) { createLicense(input: $input) { id } }';
const UPDATE_LICENSE = 'mutation($id: ID!, $input: LicenseInput!) { updateLicense(id: $id, input: $input) { id quantity } }';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
const nodes = (connection: Row): Row[] => connection.edges.map((e: Row) => e.node);
const ZERO_SUMMARY = Object.fromEntries(SUMMARY_COUNTERS.split(/\s+/).map((field) => [field, 0]));

describe.each(DATABASE_KINDS)('compliance summaries (%s)', (kind) => {
  let t: TestStack;
  let app: string; let otherApp: string; let metric: string; let orgA: string; let orgB: string;
  const licenses: Record<string, string> = {};

  /** Every event recorded so far has been published and handled by the compliance projection. */
  const projected = () => t.publishAll();
  const read = async (query: string, a = app, client = t.gateway) => Object.values(await client.ok(query, { a }))[0] as Row;
  const ok = (query: string, variables: Record<string, unknown>) => t.gateway.ok(query, variables);

  beforeAll(async () => {
    t = await startTestStack(kind);
    app = (await ok('mutation { createApplication(input: { name: "Visio" }) { id } }', {})).createApplication.id;
    otherApp = (await ok('mutation { createApplication(input: { name: "Visio 2016" }) { id } }', {})).createApplication.id;
    metric = (await ok('mutation { createMetric(input: { name: "Installations" }) { id } }', {})).createMetric.id;
    const org = async (name: string) => (await ok('mutation($n: String!) { createOrganization(input: { name: $n }) { id } }', { n: name })).createOrganization.id;
    [orgA, orgB] = [await org('Acme'), await org('Globex')];
    const { policyId } = await newPolicy(t);
    const license = async (input: Row) => (await licenseOf(t, policyId, { applicationId: app, metricId: metric, organizationId: orgA, ...input })).id;
    licenses.main = await license({ quantity: 10 });
    licenses.expired = await license({ quantity: 5, organizationId: orgB, isSubscription: true, subscriptionValidFrom: fromNow(-400 * DAY), subscriptionValidTo: fromNow(-DAY) });
    licenses.upgrade = await license({ quantity: 4, isUpgrade: true });
    licenses.base = await license({ quantity: 6, applicationId: otherApp });
    // 3 of the upgrade license upgrade 3 of the base license of the older application
    await ok('mutation($l: ID!, $u: ID!) { addLicenseUpgrade(licenseId: $l, input: { upgradedLicenseId: $u, quantity: 3, upgradedQuantity: 3 }) { id } }',
      { l: licenses.upgrade, u: licenses.base });
    const assign = (mutation: string, input: Row) => ok(`mutation($l: ID!, $i: ${mutation[0].toUpperCase()}${mutation.slice(1)}AssignmentInput!) {
      addLicense${mutation[0].toUpperCase()}${mutation.slice(1)}Assignment(licenseId: $l, input: $i) { id } }`, { l: licenses.main, i: input });
    await assign('organization', { organizationId: orgB, quantity: 2 });
    await assign('computer', { computerId: randomUUID(), quantity: 8 });
    await assign('user', { userId: randomUUID() });
    await assign('computer', { computerId: randomUUID(), quantity: 2 }); // 8 + 1 + 2 > 10: over-assigned
    const track = (kindOf: 'Computer' | 'User', input: Row) => ok(`mutation($a: ID!, $i: ${kindOf}LicenseTrackingInput!) {
      add${kindOf}LicenseTracking(applicationId: $a, input: $i) { id } }`, { a: app, i: { metricId: metric, ...input } });
    await track('Computer', { computerId: randomUUID(), organizationId: orgA, initialRequirement: 6, requirement: 6 });
    await track('Computer', { computerId: randomUUID(), organizationId: orgB, initialRequirement: 4, requirement: 3 });
    await track('User', { userId: randomUUID(), organizationId: orgA, initialRequirement: 1 });
    await projected();
  });
  afterAll(async () => { await t?.stop(); });

  it('allocates requirement and coverage per organization: organization assignments move coverage, expired subscriptions cover nothing', async () => {
    const allocations = await read(ALLOCATIONS);
    expect(allocations.totalCount).toBe(2);
    // orgA: main 10 - 2 given to orgB by its organization assignment, + 3 upgraded; orgB: 2 of main, the expired subscription 0
    expect(nodes(allocations)).toEqual([
      { applicationId: app, metricId: metric, organizationId: orgA, requirement: 7, coverage: 11, compliance: 4 },
      { applicationId: app, metricId: metric, organizationId: orgB, requirement: 3, coverage: 2, compliance: -1 },
    ].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1)));
  });

  it('summarizes the application per metric with the seed\'s counters, and what covers the requirement', async () => {
    expect(nodes(await read(SUMMARY))).toEqual([{
      ...ZERO_SUMMARY, applicationId: app, metricId: metric, licensesPurchased: 19, expiredSubscriptionLicenses: 5, invalidAssignments: 1,
      unassigned: 9, assignedNamedUsers: 1, upgradesReceived: 3, initialRequirement: 11, licenseRequirement: 10, totalCoverage: 13,
      compliance: 3, availableLicenses: 3,
    }]);
    expect(nodes(await read(SUMMARY, otherApp))).toEqual([{
      ...ZERO_SUMMARY, applicationId: otherApp, metricId: metric, licensesPurchased: 6, unassigned: 6, upgradesGiven: 3, totalCoverage: 3,
      compliance: 3, availableLicenses: 3,
    }]);
    expect(nodes(await read(USAGE))).toEqual([
      { applicationId: app, metricId: metric, licenseMetricId: metric, mainCoverage: 10, otherMetricCoverage: 0, isPartial: false },
    ]);
  });

  it('answers the same through Application, as pages', async () => {
    const { application } = await ok(THROUGH_APPLICATION, { a: app });
    // the first page of one holds the allocation of the organization with the lower ID
    const [first] = [{ organizationId: orgA, compliance: 4 }, { organizationId: orgB, compliance: -1 }].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
    expect(application.complianceAllocations).toEqual({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: first }] });
    expect(nodes(application.complianceSummary)).toEqual([{ totalCoverage: 13, compliance: 3 }]);
    expect(nodes(application.complianceUsage)).toEqual([{ isPartial: false }]);
  });

  it('sums the license entitlements of the account by application, organization, metric and assignment type', async () => {
    const { licenseEntitlementSummaries } = await ok(ENTITLEMENTS, {});
    // main (10): 2 to orgB by organization assignment, 8 + 1 to its computers and user; the second computer (2) is past 10
    expect(nodes(licenseEntitlementSummaries)).toEqual([
      { applicationId: app, organizationId: orgA, metricId: metric, assignmentType: 'COMPUTER', quantity: 8 },
      { applicationId: app, organizationId: orgA, metricId: metric, assignmentType: 'USER', quantity: 1 },
      { applicationId: app, organizationId: orgB, metricId: metric, assignmentType: 'ORGANIZATION', quantity: 2 },
    ].sort((a, b) => (a.organizationId === b.organizationId ? 0 : a.organizationId < b.organizationId ? -1 : 1)));
    const filtered = await ok(ENTITLEMENTS, { f: 'assignmentType -eq "ORGANIZATION" -or quantity -gt 5' });
    expect(nodes(filtered.licenseEntitlementSummaries).map((r) => [r.assignmentType, r.quantity]).sort()).toEqual([['COMPUTER', 8], ['ORGANIZATION', 2]]);
    const error = await t.gateway.fails('BAD_USER_INPUT', ENTITLEMENTS, { f: 'seats -gt 1' });
    expect(error.extensions?.argumentPath).toEqual(['filter']);
  });

  it('follows a change of a license\'s quantity', async () => {
    expect((await ok(UPDATE_LICENSE, { id: licenses.main, input: { quantity: 4 } })).updateLicense.quantity).toBe(4);
    await projected();
    // main covers 4: 2 to orgB, 2 to orgA; all three of its consuming assignments (8, 1, 2) are now past its quantity
    const [summary] = nodes(await read(SUMMARY));
    expect(summary).toEqual({
      ...ZERO_SUMMARY, applicationId: app, metricId: metric, licensesPurchased: 13, expiredSubscriptionLicenses: 5, invalidAssignments: 3,
      unassigned: 9, assignedNamedUsers: 1, upgradesReceived: 3, initialRequirement: 11, licenseRequirement: 10, totalCoverage: 7,
      compliance: -3, availableLicenses: 0,
    });
    expect(nodes(await read(ALLOCATIONS)).map((r) => [r.organizationId, r.coverage, r.compliance]))
      .toEqual([[orgA, 5, -2], [orgB, 2, -1]].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(nodes(await read(USAGE))).toEqual([
      { applicationId: app, metricId: metric, licenseMetricId: metric, mainCoverage: 7, otherMetricCoverage: 0, isPartial: true },
    ]);
  });

  it('leaves out licenses once they are deleted', async () => {
    await ok('mutation($id: ID!) { deleteLicense(id: $id) { id } }', { id: licenses.upgrade });
    await projected();
    // main (quantity 4 since the test before) and the expired subscription remain
    expect(nodes(await read(SUMMARY))).toEqual([{
      ...ZERO_SUMMARY, applicationId: app, metricId: metric, licensesPurchased: 9, expiredSubscriptionLicenses: 5, invalidAssignments: 3,
      unassigned: 5, assignedNamedUsers: 1, initialRequirement: 11, licenseRequirement: 10, totalCoverage: 4, compliance: -6,
    }]);
    // the upgrade is gone with its license: the base license covers its whole quantity again
    expect(nodes(await read(SUMMARY, otherApp))).toEqual([{
      ...ZERO_SUMMARY, applicationId: otherApp, metricId: metric, licensesPurchased: 6, unassigned: 6, totalCoverage: 6, compliance: 6, availableLicenses: 6,
    }]);
  });

  it('answers NOT_FOUND for an unknown or malformed application and an empty page for one without licenses or tracking', async () => {
    for (const query of [ALLOCATIONS, SUMMARY, USAGE]) {
      await t.gateway.fails('NOT_FOUND', query, { a: randomUUID() });
      await t.gateway.fails('NOT_FOUND', query, { a: 'visio' });
    }
    const empty = (await ok('mutation { createApplication(input: { name: "Empty" }) { id } }', {})).createApplication.id;
    for (const query of [ALLOCATIONS, SUMMARY, USAGE]) expect(await read(query, empty)).toEqual({ totalCount: 0, edges: [] });
  });

  it('keeps another account out: the application is NOT_FOUND, and its own licenses never reach this account', async () => {
    const otherAccount = randomUUID();
    const other = t.gatewayWith(bearerHeaders(await testToken({ accountId: otherAccount })));
    const before = await read(SUMMARY);
    for (const query of [ALLOCATIONS, SUMMARY, USAGE]) await other.fails('NOT_FOUND', query, { a: app });
    expect((await other.ok(ENTITLEMENTS)).licenseEntitlementSummaries.totalCount).toBe(0);
    const entitlements = await ok(ENTITLEMENTS, {});
    expect((await other.ok(THROUGH_APPLICATION, { a: app })).application).toBeNull();
    // a license of the other account that names this account's application and metric covers nothing here
    const { createLicense } = await other.ok(CREATE_LICENSE, { input: { policyId: await otherPolicy(other), applicationId: app, metricId: metric, quantity: 100 } });
    await other.ok('mutation($l: ID!, $c: ID!) { addLicenseComputerAssignment(licenseId: $l, input: { computerId: $c, quantity: 7 }) { id } }',
      { l: createLicense.id, c: randomUUID() });
    await projected();
    expect(nodes((await other.ok(ENTITLEMENTS)).licenseEntitlementSummaries)).toEqual([
      { applicationId: app, organizationId: null, metricId: metric, assignmentType: 'COMPUTER', quantity: 7 },
    ]);
    expect(await read(SUMMARY)).toEqual(before);
    expect(await ok(ENTITLEMENTS, {})).toEqual(entitlements);
  });

  it('needs compliance:read, and a refused read changes nothing', async () => {
    const nobody = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['license:read', 'assignment:read'] })));
    const reader = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['compliance:read'] })));
    const before = await read(SUMMARY);
    for (const query of [ALLOCATIONS, SUMMARY, USAGE]) await nobody.fails('FORBIDDEN', query, { a: app });
    await nobody.fails('FORBIDDEN', ENTITLEMENTS);
    expect(await read(SUMMARY, app, reader)).toEqual(before);
  });
});

/** A policy of a new product of the account `client` acts for. */
async function otherPolicy(client: TestStack['gateway']): Promise<string> {
  const { createProduct } = await client.ok('mutation { createProduct(input: { name: "Other" }) { id } }');
  return (await client.ok('mutation($p: ID!) { createPolicy(input: { productId: $p, name: "Std" }) { id } }', { p: createProduct.id })).createPolicy.id;
}

describe.each(DATABASE_KINDS)('compliance summaries of the demo data (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack(kind);
    await seedDemoData(t.stack.subgraphs);
  });
  afterAll(async () => { await t?.stop(); });

  it('counts every demo license: the seeds record their events like any change', async () => {
    const demo = t.gatewayWith(bearerHeaders(await testToken({ accountId: DEMO.accountId })));
    const { licenses } = await demo.ok('{ licenses(first: 500) { edges { node { applicationId metricId quantity recordStatus } } } }');
    const purchased = new Map<string, number>();
    for (const { node } of licenses.edges as Array<{ node: Row }>) {
      const key = `${node.applicationId}/${node.metricId}`;
      if (node.recordStatus === 'ACTIVE') purchased.set(key, (purchased.get(key) ?? 0) + (node.quantity ?? 0));
    }
    const summaries = async () => {
      const rows = new Map<string, number>();
      for (const a of DEMO.applications) {
        for (const row of nodes((await demo.ok(SUMMARY, { a })).complianceSummary)) rows.set(`${a}/${row.metricId}`, row.licensesPurchased);
      }
      return rows;
    };
    // the demo licenses take the applications and metrics in turn: all six pairs of 3 applications and 2 metrics
    expect(purchased.size).toBe(6);
    await t.publishAll();
    expect(await summaries()).toEqual(purchased);
  });

  it('shows the newest features of the demo data: Smart Licensing, call home, the report\'s tracking rows and transfers', async () => {
    const demo = t.gatewayWith(bearerHeaders(await testToken({ accountId: DEMO.accountId })));
    const { devices: D, applications: A, metrics: M, licenses: L, users: U } = DEMO;
    const { csr1, csr2, ws } = await demo.ok(`query($csr1: ID!, $csr2: ID!, $ws: ID!) {
      csr1: device(id: $csr1) { smartLicense { enabled state profile registeredAt } callHome { contactEmail rateLimit httpProxy { serverAddress serverPort } }
        callHomeProfiles { totalCount edges { node { name active } } } }
      csr2: device(id: $csr2) { smartLicense { enabled state } }
      ws: device(id: $ws) { callHomeReportCount lastCallHomeAt } }`, { csr1: D[3], csr2: D[4], ws: D[5] });
    expect(csr1.smartLicense).toEqual({ enabled: true, state: 'REGISTERED', profile: 'CiscoTest', registeredAt: '2025-05-20T10:00:00.000Z' });
    expect(csr1.callHome).toEqual({ contactEmail: 'test@cisco.com', rateLimit: 30, httpProxy: { serverAddress: 'cisco-proxy', serverPort: 8080 } });
    expect(nodes(csr1.callHomeProfiles)).toEqual([{ name: 'CiscoTest', active: true }, { name: 'test', active: false }]);
    expect(csr2.smartLicense).toEqual({ enabled: true, state: 'UNIDENTIFIED' });
    expect(ws).toEqual({ callHomeReportCount: 1, lastCallHomeAt: '2025-06-02T07:45:00.000Z' });

    // the report's event, once delivered, gives the workstation its Acrobat row next to its manual Visio row
    const computerRows = async () => nodes((await demo.ok(
      'query($f: String) { computerApplicationEntitlements(filter: $f) { edges { node { applicationId metricId requirement } } } }', { f: `computerId -eq "${D[5]}"` },
    )).computerApplicationEntitlements).sort((a, b) => a.applicationId.localeCompare(b.applicationId));
    const pc = await eventually(async () => { const rows = await computerRows(); return rows.length === 2 && rows; }, 'the call-home tracking rows');
    expect(pc).toEqual([
      { applicationId: A[0], metricId: M[0], requirement: 1 }, { applicationId: A[1], metricId: M[0], requirement: 1 },
    ]);
    const { applicationLicenseTransfers, applicationUserLicenseTransfers } = await demo.ok(`query($a: ID!) {
      applicationLicenseTransfers(applicationId: $a) { edges { node { licenseId hasComputerTransfer hasUserTransfer hasCustomCompareValueTransfer } } }
      applicationUserLicenseTransfers(applicationId: $a) { edges { node { userId licenseId toApplicationId isDowngrade quantity } } } }`, { a: A[0] });
    expect(nodes(applicationLicenseTransfers)).toEqual([
      { licenseId: L[0], hasComputerTransfer: true, hasUserTransfer: false, hasCustomCompareValueTransfer: true },
      { licenseId: L[3], hasComputerTransfer: false, hasUserTransfer: true, hasCustomCompareValueTransfer: false },
    ]);
    expect(nodes(applicationUserLicenseTransfers)).toEqual([{ userId: U[0][0], licenseId: L[3], toApplicationId: A[3], isDowngrade: true, quantity: 1 }]);
    // Acrobat: the two manual user rows and the report's user and computer rows make its requirement
    await t.publishAll();
    const acrobat = nodes((await demo.ok(SUMMARY, { a: A[1] })).complianceSummary);
    expect(acrobat.map((row) => [row.metricId, row.initialRequirement]).sort()).toEqual([[M[0], 1], [M[1], 3]].sort());

    // another account sees none of it
    const other = t.gatewayWith(bearerHeaders(await testToken({ accountId: randomUUID() })));
    expect((await other.ok('query($id: ID!) { device(id: $id) { id } }', { id: D[3] })).device).toBeNull();
    await other.fails('NOT_FOUND', 'query($a: ID!) { applicationLicenseTransfers(applicationId: $a) { totalCount } }', { a: A[0] });
  });
});
