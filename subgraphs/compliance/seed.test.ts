import { DEMO_CUSTOM_COMPARE_VALUE_ID, seed } from '../../scripts/seed/compliance';
import { DEMO } from '../../scripts/seed/ids';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxEvents } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { Application } from './entities/Application';
import { ExtendedCoverage } from './entities/ExtendedCoverage';
import { ExtendedCoverageType } from './entities/ExtendedCoverageType';
import { LicenseTracking } from './entities/LicenseTracking';
import { LicenseTransfer } from './entities/LicenseTransfer';
import { LicenseUpgrade } from './entities/LicenseUpgrade';
import { MaintenancePeriod } from './entities/MaintenancePeriod';
import { Metric } from './entities/Metric';

const { accountId, applications: A, metrics: M, licenses: L, devices: D, organizations: O, users: U } = DEMO;
const options = { filters: false };

describe.each(DATABASE_KINDS)('compliance demo data (%s)', (kind) => {
  let t: TestSubgraph;
  const em = () => t.subgraph.orm.em.fork();
  const count = (entity: Parameters<ReturnType<typeof em>['count']>[0], where: object = {}) => em().count(entity, { accountId, ...where }, options);
  beforeAll(async () => {
    t = await startTestSubgraph('compliance', kind);
    await em().transactional((tx) => seed(tx));
  });
  afterAll(async () => { await t?.stop(); });

  test('seeds the demo rows of the demo account', async () => {
    expect(await count(Application)).toBe(DEMO.applications.length);
    expect(await count(Metric)).toBe(DEMO.metrics.length);
    expect(await count(MaintenancePeriod)).toBe(5);
    expect(await count(LicenseUpgrade)).toBe(1);
    expect(await count(ExtendedCoverageType)).toBe(2);
    expect(await count(ExtendedCoverage)).toBe(2);
    // written by hand; the demo call-home report's rows come from its event (scripts/seed/devices.ts)
    expect(await count(LicenseTracking)).toBe(4);
    expect(await count(LicenseTracking, { source: 'MANUAL' })).toBe(4);
  });

  test('seeds a computer, a user and a custom value transfer from Visio 2021 to Visio 2019, with their events', async () => {
    const rows = await em().find(LicenseTransfer, { accountId }, options);
    // one of each kind, in the order computer, user, custom value
    const kind = (r: LicenseTransfer) => (r.computerId ? 0 : r.userId ? 1 : 2);
    rows.sort((a, b) => kind(a) - kind(b));
    expect(rows.map((r) => [r.fromApplicationId, r.toApplicationId, r.metricId, r.licenseId, r.organizationId, r.isDowngrade, r.isCrossEdition, r.isUpgrade])).toEqual([
      [A[0], A[3], M[0], L[0], O[0], true, true, false], [A[0], A[3], M[1], L[3], O[0], true, true, false], [A[0], A[3], M[0], L[0], O[0], true, true, false],
    ]);
    expect(rows.map((r) => [r.computerId, r.userId, r.customCompareValueId, r.quantity, r.useRights])).toEqual([
      [D[5], null, null, 1, []], [null, U[0][0], null, 1, []], [null, null, DEMO_CUSTOM_COMPARE_VALUE_ID, 2, ['Standard']],
    ]);
    const events = await outboxEvents(t.subgraph.orm, { type: 'license-transfer.created' });
    expect(events.map((ev) => ev.entityId).sort()).toEqual(rows.map((r) => r.id).sort());
  });
});
