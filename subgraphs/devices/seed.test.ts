import { seed } from '../../scripts/seed/devices';
import { DEMO } from '../../scripts/seed/ids';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { Datacenter } from './entities/Datacenter';
import { Device } from './entities/Device';
import { DeviceLicenseLine } from './entities/DeviceLicenseLine';

describe.each(DATABASE_KINDS)('devices demo data (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('devices', kind); });
  afterAll(async () => { await t?.stop(); });

  test('seeds the demo datacenters, devices and license lines of the demo account', async () => {
    await seed(t.subgraph.orm.em.fork());
    const em = t.subgraph.orm.em.fork();
    const options = { filters: false };
    expect(await em.count(Datacenter, { accountId: DEMO.accountId }, options)).toBe(2);
    expect(await em.count(Device, { accountId: DEMO.accountId }, options)).toBe(DEMO.devices.length);
    expect(await em.count(DeviceLicenseLine, { accountId: DEMO.accountId }, options)).toBe(6);
  });
});
