/**
 * License usage (seed 001 `uses`) and meter attributes (seed 000) through the real gateway over HTTP, on every
 * database kind: exact values, every error code and reason, the events recorded, and the atomicity of the
 * counters under concurrent requests.
 */
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';
import { eventTypes, newLicense } from './licenses-fixtures';

const MAX_USES = 2_147_483_647;

const INCREMENT = `mutation($id: ID!, $n: Int) { incrementLicenseUsage(id: $id, increment: $n) { id uses maxUses lastUsedAt } }`;
const DECREMENT = `mutation($id: ID!, $n: Int) { decrementLicenseUsage(id: $id, decrement: $n) { id uses } }`;
const RESET = `mutation($id: ID!) { resetLicenseUsage(id: $id) { id uses } }`;
const USES = `query($id: ID!) { license(id: $id) { uses lastUsedAt } }`;
const METER_FIELDS = `id licenseId name allowedUses totalUses grossUses`;
const METER_INCREMENT = `mutation($l: ID!, $name: String!, $n: Int) { incrementLicenseMeterAttribute(licenseId: $l, name: $name, increment: $n) { ${METER_FIELDS} } }`;
const METER_RESET = `mutation($id: ID!) { resetLicenseMeterAttribute(id: $id) { ${METER_FIELDS} } }`;
const METERS = `query($id: ID!) { license(id: $id) { meterAttributes { ${METER_FIELDS} } } }`;

describe.each(DATABASE_KINDS)('license usage and meter attributes through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  describe('usage', () => {
    it('increments by 1 by default and by the amount given, setting lastUsedAt', async () => {
      const { id } = await newLicense(t, { maxUses: 20 });
      const one = (await t.gateway.ok(INCREMENT, { id })).incrementLicenseUsage;
      expect(one).toMatchObject({ id, uses: 1, maxUses: 20 });
      expect(Date.parse(one.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect((await t.gateway.ok(INCREMENT, { id, n: 5 })).incrementLicenseUsage.uses).toBe(6);
      expect((await t.gateway.ok(USES, { id })).license.uses).toBe(6);
      expect(await eventTypes(t, id)).toEqual([
        'license.created',
        'license.usage.incremented', 'license.updated',
        'license.usage.incremented', 'license.updated',
      ]);
    });

    it('never goes above maxUses (CONFLICT TOO_MANY_USES) and a refused increment changes nothing', async () => {
      const { id } = await newLicense(t, { maxUses: 3 });
      await t.gateway.ok(INCREMENT, { id, n: 2 });
      const error = await t.gateway.fails('CONFLICT', INCREMENT, { id, n: 2 });
      expect(error.extensions?.reason).toBe('TOO_MANY_USES');
      expect((await t.gateway.ok(USES, { id })).license.uses).toBe(2);
      expect((await t.gateway.ok(INCREMENT, { id })).incrementLicenseUsage.uses).toBe(3);
      expect((await t.gateway.fails('CONFLICT', INCREMENT, { id })).extensions?.reason).toBe('TOO_MANY_USES');
      expect((await eventTypes(t, id)).filter((type) => type === 'license.usage.incremented')).toHaveLength(2);
    });

    it('takes the license override of maxUses over the policy value', async () => {
      const { id } = await newLicense(t, { maxUses: 100 }, { maxUses: 1 });
      await t.gateway.ok(INCREMENT, { id });
      expect((await t.gateway.fails('CONFLICT', INCREMENT, { id })).extensions?.reason).toBe('TOO_MANY_USES');
    });

    it('never goes above 2,147,483,647 without a maxUses (CONFLICT INTEGER_OVERFLOW)', async () => {
      const { id } = await newLicense(t);
      expect((await t.gateway.ok(INCREMENT, { id, n: MAX_USES })).incrementLicenseUsage).toMatchObject({ uses: MAX_USES, maxUses: null });
      expect((await t.gateway.fails('CONFLICT', INCREMENT, { id })).extensions?.reason).toBe('INTEGER_OVERFLOW');
      expect((await t.gateway.ok(USES, { id })).license.uses).toBe(MAX_USES);
    });

    it('decrements by 1 by default and never below 0 (CONFLICT NEGATIVE_USES)', async () => {
      const { id } = await newLicense(t, { maxUses: 20 });
      await t.gateway.ok(INCREMENT, { id, n: 6 });
      expect((await t.gateway.ok(DECREMENT, { id })).decrementLicenseUsage.uses).toBe(5);
      expect((await t.gateway.ok(DECREMENT, { id, n: 2 })).decrementLicenseUsage.uses).toBe(3);
      expect((await t.gateway.fails('CONFLICT', DECREMENT, { id, n: 4 })).extensions?.reason).toBe('NEGATIVE_USES');
      expect((await t.gateway.ok(USES, { id })).license.uses).toBe(3);
      expect((await eventTypes(t, id)).slice(-2)).toEqual(['license.usage.decremented', 'license.updated']);
    });

    it('resets to 0', async () => {
      const { id } = await newLicense(t, { maxUses: 20 });
      await t.gateway.ok(INCREMENT, { id, n: 7 });
      expect((await t.gateway.ok(RESET, { id })).resetLicenseUsage).toEqual({ id, uses: 0 });
      expect((await t.gateway.ok(USES, { id })).license.uses).toBe(0);
      expect((await eventTypes(t, id)).slice(-2)).toEqual(['license.usage.reset', 'license.updated']);
    });

    it('refuses amounts below 1 with BAD_USER_INPUT on the argument', async () => {
      const { id } = await newLicense(t, { maxUses: 20 });
      for (const n of [0, -3]) {
        expect((await t.gateway.fails('BAD_USER_INPUT', INCREMENT, { id, n })).extensions?.argumentPath).toEqual(['increment']);
        expect((await t.gateway.fails('BAD_USER_INPUT', DECREMENT, { id, n })).extensions?.argumentPath).toEqual(['decrement']);
      }
      expect((await t.gateway.ok(USES, { id })).license.uses).toBe(0);
    });

    it('answers NOT_FOUND for an unknown license', async () => {
      const id = randomUUID();
      await t.gateway.fails('NOT_FOUND', INCREMENT, { id });
      await t.gateway.fails('NOT_FOUND', DECREMENT, { id });
      await t.gateway.fails('NOT_FOUND', RESET, { id });
    });

    it('is atomic: 50 concurrent increments on maxUses 20 give 20 successes, 30 CONFLICTs and uses = 20', async () => {
      const { id } = await newLicense(t, { maxUses: 20 });
      const responses = await Promise.all(Array.from({ length: 50 }, () => t.gateway.raw<{ incrementLicenseUsage: { uses: number } }>(INCREMENT, { id })));
      const successes = responses.filter((r) => !r.errors && r.data?.incrementLicenseUsage);
      const conflicts = responses.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT' && r.errors[0].extensions.reason === 'TOO_MANY_USES');
      expect({ successes: successes.length, conflicts: conflicts.length }).toEqual({ successes: 20, conflicts: 30 });
      // each success returns the committed count: every value from 1 to 20 exactly once
      const returned = successes.map((r) => r.data!.incrementLicenseUsage.uses).sort((a, b) => a - b);
      expect(returned).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await t.gateway.ok(USES, { id })).license.uses).toBe(20);
      expect((await eventTypes(t, id)).filter((type) => type === 'license.usage.incremented')).toHaveLength(20);
    });
  });

  describe('meter attributes', () => {
    async function meteredLicense(allowedUses: number): Promise<{ licenseId: string; meterId: string }> {
      const { id: licenseId } = await newLicense(t, {}, { meterAttributes: [{ name: 'exports', allowedUses }, { name: 'prints', allowedUses: 1 }] });
      const { license } = await t.gateway.ok(METERS, { id: licenseId });
      const meter = license.meterAttributes.find((m: { name: string }) => m.name === 'exports');
      return { licenseId, meterId: meter.id };
    }

    it('adds the increment to totalUses and grossUses (1 by default)', async () => {
      const { licenseId, meterId } = await meteredLicense(10);
      expect((await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports', n: 3 })).incrementLicenseMeterAttribute).toEqual({
        id: meterId, licenseId, name: 'exports', allowedUses: 10, totalUses: 3, grossUses: 3,
      });
      expect((await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports' })).incrementLicenseMeterAttribute).toMatchObject({ totalUses: 4, grossUses: 4 });
      const { license } = await t.gateway.ok(METERS, { id: licenseId });
      expect(license.meterAttributes.map((m: { name: string; totalUses: number }) => [m.name, m.totalUses])).toEqual([['exports', 4], ['prints', 0]]);
      expect((await eventTypes(t, licenseId)).slice(-2)).toEqual(['license.meter-attribute.incremented', 'license.updated']);
    });

    it('never takes totalUses above allowedUses (CONFLICT TOO_MANY_USES); exactly allowedUses is fine', async () => {
      const { licenseId } = await meteredLicense(10);
      await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports', n: 4 });
      expect((await t.gateway.fails('CONFLICT', METER_INCREMENT, { l: licenseId, name: 'exports', n: 7 })).extensions?.reason).toBe('TOO_MANY_USES');
      expect((await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports', n: 6 })).incrementLicenseMeterAttribute).toMatchObject({ totalUses: 10, grossUses: 10 });
      expect((await t.gateway.fails('CONFLICT', METER_INCREMENT, { l: licenseId, name: 'exports' })).extensions?.reason).toBe('TOO_MANY_USES');
    });

    it('resets totalUses to 0 and keeps grossUses, firing license.updated for the license', async () => {
      const { licenseId, meterId } = await meteredLicense(10);
      await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports', n: 10 });
      expect((await t.gateway.ok(METER_RESET, { id: meterId })).resetLicenseMeterAttribute).toEqual({
        id: meterId, licenseId, name: 'exports', allowedUses: 10, totalUses: 0, grossUses: 10,
      });
      expect((await eventTypes(t, licenseId)).slice(-2)).toEqual(['license.meter-attribute.reset', 'license.updated']);
      expect((await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports', n: 10 })).incrementLicenseMeterAttribute).toMatchObject({ totalUses: 10, grossUses: 20 });
    });

    it('never takes grossUses above 2,147,483,647 (CONFLICT INTEGER_OVERFLOW)', async () => {
      const { licenseId, meterId } = await meteredLicense(MAX_USES);
      await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports', n: MAX_USES });
      await t.gateway.ok(METER_RESET, { id: meterId });
      expect((await t.gateway.fails('CONFLICT', METER_INCREMENT, { l: licenseId, name: 'exports' })).extensions?.reason).toBe('INTEGER_OVERFLOW');
    });

    it('answers NOT_FOUND for an unknown license, meter name or meter id, and BAD_USER_INPUT for an increment below 1', async () => {
      const { licenseId } = await meteredLicense(10);
      await t.gateway.fails('NOT_FOUND', METER_INCREMENT, { l: randomUUID(), name: 'exports' });
      await t.gateway.fails('NOT_FOUND', METER_INCREMENT, { l: licenseId, name: 'nope' });
      await t.gateway.fails('NOT_FOUND', METER_RESET, { id: randomUUID() });
      expect((await t.gateway.fails('BAD_USER_INPUT', METER_INCREMENT, { l: licenseId, name: 'exports', n: 0 })).extensions?.argumentPath).toEqual(['increment']);
    });

    it('answers a malformed meter ID with the NOT_FOUND of that ID, not a database error; an upper-case ID names the meter', async () => {
      const { licenseId, meterId } = await meteredLicense(10);
      await t.gateway.ok(METER_INCREMENT, { l: licenseId, name: 'exports', n: 3 });
      expect(await t.gateway.fails('NOT_FOUND', METER_RESET, { id: 'not-a-uuid' })).toMatchObject({
        message: 'MeterAttribute "not-a-uuid" was not found', extensions: { code: 'NOT_FOUND', entity: 'MeterAttribute', id: 'not-a-uuid' },
      });
      expect((await t.gateway.ok(METER_RESET, { id: meterId.toUpperCase() })).resetLicenseMeterAttribute).toMatchObject({ id: meterId, totalUses: 0, grossUses: 3 });
      expect((await eventTypes(t, licenseId)).slice(-2)).toEqual(['license.meter-attribute.reset', 'license.updated']);
    });

    it('is atomic: 25 concurrent increments on allowedUses 10 give exactly 10 successes', async () => {
      const { licenseId } = await meteredLicense(10);
      const responses = await Promise.all(Array.from({ length: 25 }, () => t.gateway.raw(METER_INCREMENT, { l: licenseId, name: 'exports' })));
      expect(responses.filter((r) => !r.errors).length).toBe(10);
      expect(responses.filter((r) => r.errors?.[0]?.extensions?.reason === 'TOO_MANY_USES').length).toBe(15);
      const { license } = await t.gateway.ok(METERS, { id: licenseId });
      expect(license.meterAttributes[0]).toMatchObject({ name: 'exports', totalUses: 10, grossUses: 10 });
    });
  });
});
