import { openDatabase, type Orm } from '../../lib/orm';
import { seed } from '../../scripts/seed/compliance';
import { DEMO } from '../../scripts/seed/ids';
import { freshDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/testkit/databases';
import { Application } from './entities/Application';
import { ExtendedCoverage } from './entities/ExtendedCoverage';
import { ExtendedCoverageType } from './entities/ExtendedCoverageType';
import { LicenseTracking } from './entities/LicenseTracking';
import { LicenseUpgrade } from './entities/LicenseUpgrade';
import { MaintenancePeriod } from './entities/MaintenancePeriod';
import { Metric } from './entities/Metric';
import { complianceSubgraph } from './index';

describe.each(DATABASE_KINDS)('compliance demo data (%s)', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await freshDatabase(kind);
    const { entities, migrations } = complianceSubgraph;
    orm = await openDatabase({ subgraph: 'compliance', entities, migrations, databaseUrl: db.databaseUrl, sqlitePath: db.sqliteDir && `${db.sqliteDir}/compliance.sqlite` });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  test('seeds the demo rows of the demo account', async () => {
    await seed(orm.em.fork());
    const em = orm.em.fork();
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
