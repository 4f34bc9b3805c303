import { seed } from '../../scripts/seed/compliance';
import { DEMO } from '../../scripts/seed/ids';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { Application } from './entities/Application';
import { ExtendedCoverage } from './entities/ExtendedCoverage';
import { ExtendedCoverageType } from './entities/ExtendedCoverageType';
import { LicenseTracking } from './entities/LicenseTracking';
import { LicenseUpgrade } from './entities/LicenseUpgrade';
import { MaintenancePeriod } from './entities/MaintenancePeriod';
import { Metric } from './entities/Metric';

describe.each(DATABASE_KINDS)('compliance demo data (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('compliance', kind); });
  afterAll(async () => { await t?.stop(); });

  test('seeds the demo rows of the demo account', async () => {
    await seed(t.subgraph.orm.em.fork());
    const em = t.subgraph.orm.em.fork();
    const count = (entity: Parameters<typeof em.count>[0]) => em.count(entity, { accountId: DEMO.accountId }, { filters: false });
    expect(await count(Application)).toBe(DEMO.applications.length);
    expect(await count(Metric)).toBe(DEMO.metrics.length);
    expect(await count(MaintenancePeriod)).toBe(5);
    expect(await count(LicenseUpgrade)).toBe(1);
    expect(await count(ExtendedCoverageType)).toBe(2);
    expect(await count(ExtendedCoverage)).toBe(2);
    expect(await count(LicenseTracking)).toBe(4);
  });
});
