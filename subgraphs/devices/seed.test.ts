import { openDatabase, type Orm } from '../../lib/orm';
import { seed } from '../../scripts/seed/devices';
import { DEMO } from '../../scripts/seed/ids';
import { freshDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/testkit/databases';
import { Datacenter } from './entities/Datacenter';
import { Device } from './entities/Device';
import { DeviceLicenseLine } from './entities/DeviceLicenseLine';
import { devicesSubgraph } from './index';

describe.each(DATABASE_KINDS)('devices demo data (%s)', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await freshDatabase(kind);
    const { entities, migrations } = devicesSubgraph;
    orm = await openDatabase({ subgraph: 'devices', entities, migrations, databaseUrl: db.databaseUrl, sqlitePath: db.sqliteDir && `${db.sqliteDir}/devices.sqlite` });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  test('seeds the demo datacenters, devices and license lines of the demo account', async () => {
    await seed(orm.em.fork());
    const em = orm.em.fork();
    const options = { filters: false };
    expect(await em.count(Datacenter, { accountId: DEMO.accountId }, options)).toBe(2);
    expect(await em.count(Device, { accountId: DEMO.accountId }, options)).toBe(DEMO.devices.length);
    expect(await em.count(DeviceLicenseLine, { accountId: DEMO.accountId }, options)).toBe(6);
  });
});
