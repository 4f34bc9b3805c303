/**
 * Snapshot events (lib/snapshots.ts, `npm run republish`) rebuild the compliance projection of licenses and
 * assignments: the projection is emptied, as it is for rows whose events it never saw, the licenses and assignments
 * subgraphs re-publish their rows, and the compliance reads come back to exactly what they were, through the real
 * gateway. Subscribers and webhook endpoints get none of the snapshots.
 */
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { recordSnapshots } from '../../lib/snapshots';
import { assignmentsSubgraph } from '../../subgraphs/assignments';
import { ProjectedAssignment } from '../../subgraphs/compliance/entities/ProjectedAssignment';
import { ProjectedLicense } from '../../subgraphs/compliance/entities/ProjectedLicense';
import { licensesSubgraph } from '../../subgraphs/licenses';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxEvents } from '../testkit/outbox';
import { startTestStackWithWs, type TestStackWithWs } from '../testkit/stack-with-ws';
import { licenseOf, newPolicy } from './licenses-fixtures';

const ALLOCATIONS = `query($a: ID!) { complianceAllocations(applicationId: $a) { edges { node { organizationId requirement coverage compliance } } } }`;
const ENTITLEMENTS = `query { licenseEntitlementSummaries { edges { node { organizationId assignmentType quantity } } } }`;

type Row = Record<string, unknown>;

describe.each(DATABASE_KINDS)('republishing snapshots rebuilds the compliance projection (%s)', (kind) => {
  let t: TestStackWithWs;
  let app: string; let orgA: string; let orgB: string; let licenseId: string;
  const ok = (query: string, variables: Row = {}) => t.gateway.ok(query, variables);
  const compliance = () => t.stack.subgraphs.compliance.orm;
  /** What the compliance reads show: allocations per organization and entitlements per assignment type. */
  const reads = async () => ({
    allocations: (await ok(ALLOCATIONS, { a: app })).complianceAllocations.edges.map((e: { node: Row }) => e.node),
    entitlements: (await ok(ENTITLEMENTS)).licenseEntitlementSummaries.edges.map((e: { node: Row }) => e.node),
  });
  const republish = async (accountId?: string) => ({
    ...await recordSnapshots(t.stack.subgraphs.licenses.orm, licensesSubgraph.snapshots!, { accountId }),
    ...await recordSnapshots(t.stack.subgraphs.assignments.orm, assignmentsSubgraph.snapshots!, { accountId }),
  });
  const emptyProjection = async () => {
    const em = compliance().em.fork();
    await em.nativeDelete(ProjectedLicense, {}, { filters: false });
    await em.nativeDelete(ProjectedAssignment, {}, { filters: false });
  };

  const EXPECTED = {
    allocations: [
      { organizationId: '', requirement: 3, coverage: 5, compliance: 2 },
      { organizationId: '', requirement: 0, coverage: 2, compliance: 2 },
    ],
    entitlements: [] as Row[],
  };

  beforeAll(async () => {
    t = await startTestStackWithWs(kind);
    app = (await ok('mutation { createApplication(input: { name: "Project" }) { id } }')).createApplication.id;
    const metric = (await ok('mutation { createMetric(input: { name: "Installations" }) { id } }')).createMetric.id;
    const org = async (name: string) => (await ok('mutation($n: String!) { createOrganization(input: { name: $n }) { id } }', { n: name })).createOrganization.id;
    [orgA, orgB] = [await org('Initech'), await org('Umbrella')];
    const { policyId } = await newPolicy(t);
    licenseId = (await licenseOf(t, policyId, { applicationId: app, metricId: metric, organizationId: orgA, quantity: 7 })).id;
    await ok('mutation($l: ID!, $o: ID!) { addLicenseOrganizationAssignment(licenseId: $l, input: { organizationId: $o, quantity: 2 }) { id } }', { l: licenseId, o: orgB });
    await ok('mutation($l: ID!, $c: ID!) { addLicenseComputerAssignment(licenseId: $l, input: { computerId: $c, quantity: 3 }) { id } }', { l: licenseId, c: randomUUID() });
    await ok(`mutation($a: ID!, $i: ComputerLicenseTrackingInput!) { addComputerLicenseTracking(applicationId: $a, input: $i) { id } }`,
      { a: app, i: { metricId: metric, computerId: randomUUID(), organizationId: orgA, initialRequirement: 3, requirement: 3 } });
    EXPECTED.allocations[0].organizationId = orgA;
    EXPECTED.allocations[1].organizationId = orgB;
    EXPECTED.entitlements = [
      { organizationId: orgB, assignmentType: 'ORGANIZATION', quantity: 2 },
      { organizationId: orgA, assignmentType: 'COMPUTER', quantity: 3 },
    ];
    await t.publishAll();
  });
  afterAll(async () => { await t?.stop(); });

  // allocations come ordered by organization ID (random here), entitlements by application and organization
  const sorted = (r: Awaited<ReturnType<typeof reads>>) => ({
    allocations: [...r.allocations].sort((a, b) => String(a.organizationId).localeCompare(String(b.organizationId))),
    entitlements: [...r.entitlements].sort((a, b) => String(a.assignmentType).localeCompare(String(b.assignmentType))),
  });

  it('the events kept the projection: coverage 5 + 2 after the organization assignment, entitlements per assignment type', async () => {
    expect(sorted(await reads())).toEqual(sorted(EXPECTED));
  });

  it('an emptied projection covers nothing; the snapshots of every license and assignment bring back exactly the same reads', async () => {
    await emptyProjection();
    expect(await reads()).toEqual({
      allocations: [{ organizationId: orgA, requirement: 3, coverage: 0, compliance: -3 }],
      entitlements: [],
    });
    expect(await republish()).toEqual({
      License: 1, ComputerAssignment: 1, DatacenterAssignment: 0, OrganizationAssignment: 1, SiteAssignment: 0, UserAssignment: 0,
    });
    await t.publishAll();
    expect(sorted(await reads())).toEqual(sorted(EXPECTED));
  });

  it('records one snapshot event per row, keyed like the rows\' own events, and republishing again changes nothing', async () => {
    const before = (await outboxEvents(t.stack.subgraphs.licenses.orm, { type: 'license.snapshot' })).length;
    await republish();
    await t.publishAll();
    const snapshots = await outboxEvents(t.stack.subgraphs.licenses.orm, { type: 'license.snapshot' });
    expect(snapshots.length).toBe(before + 1);
    expect(snapshots[snapshots.length - 1]).toMatchObject({
      accountId: DEV_ACCOUNT_ID, entityType: 'License', entityId: licenseId,
      payload: { licenseId, organizationId: orgA, data: expect.objectContaining({ id: licenseId, quantity: 7 }) },
    });
    const [assignment] = await outboxEvents(t.stack.subgraphs.assignments.orm, { type: 'assignment.snapshot', entityType: 'OrganizationAssignment' });
    expect(assignment.payload).toMatchObject({ licenseId, data: expect.objectContaining({ organizationId: orgB, quantity: 2 }) });
    expect(sorted(await reads())).toEqual(sorted(EXPECTED));
  });

  it('with an account, re-publishes that account\'s rows only', async () => {
    expect(await republish(randomUUID())).toEqual({
      License: 0, ComputerAssignment: 0, DatacenterAssignment: 0, OrganizationAssignment: 0, SiteAssignment: 0, UserAssignment: 0,
    });
    expect((await republish(DEV_ACCOUNT_ID)).License).toBe(1);
    await t.publishAll();
  });

  it('is not delivered to subscribers: the first event a licenseEvents subscriber gets after a republish is a real change', async () => {
    const sub = await t.subscribeAfterDrain('subscription($l: ID) { licenseEvents(licenseId: $l) { type } }', { l: licenseId });
    await republish();
    await t.publishAll();
    await ok('mutation($id: ID!) { suspendLicense(id: $id) { id } }', { id: licenseId });
    const delivered = await sub.next();
    sub.unsubscribe();
    expect(delivered.data?.licenseEvents).toEqual({ type: 'license.suspended' });
  });
});
