import { randomUUID } from 'node:crypto';
import type { BusEvent } from './bus';
import { licenseIdOf, matchesEventType, TOPICS } from './topics';

// webhook endpoints and the `types` argument of subscriptions take these patterns
describe('matchesEventType', () => {
  it('matches an exact type and nothing else', () => {
    expect(matchesEventType(['license.updated'], 'license.updated')).toBe(true);
    expect(matchesEventType(['license.updated'], 'license.created')).toBe(false);
    expect(matchesEventType(['license.updated'], 'license.updated.extra')).toBe(false);
  });

  it('matches every type with *', () => {
    expect(matchesEventType(['*'], 'license.created')).toBe(true);
    expect(matchesEventType(['*'], 'machine.heartbeat.ping')).toBe(true);
  });

  it('matches a prefix wildcard at any depth, but only at a dot boundary', () => {
    expect(matchesEventType(['license.*'], 'license.updated')).toBe(true);
    expect(matchesEventType(['license.*'], 'license.usage.incremented')).toBe(true);
    expect(matchesEventType(['license.usage.*'], 'license.usage.reset')).toBe(true);
    expect(matchesEventType(['license.usage.*'], 'license.updated')).toBe(false);
    expect(matchesEventType(['license.*'], 'machine.created')).toBe(false);
    expect(matchesEventType(['lic.*'], 'license.created')).toBe(false);
    expect(matchesEventType(['license.*'], 'licenses.created')).toBe(false);
  });

  it('matches when any pattern matches, and never with no patterns', () => {
    expect(matchesEventType(['machine.created', 'license.*'], 'license.revoked')).toBe(true);
    expect(matchesEventType(['machine.created', 'machine.deleted'], 'license.revoked')).toBe(false);
    expect(matchesEventType([], 'license.revoked')).toBe(false);
  });
});

const LICENSE = randomUUID();
const event = (overrides: Partial<BusEvent>): BusEvent => ({
  eventId: randomUUID(), source: 'licenses', seq: 1, accountId: randomUUID(), type: 'license.updated', entityType: 'License',
  entityId: LICENSE, payload: { licenseId: LICENSE, organizationId: 'org-1', productId: 'prod-1' }, occurredAt: new Date().toISOString(), ...overrides,
});

describe('TOPICS', () => {
  const machineEvent = event({ type: 'machine.created', entityType: 'Machine', entityId: randomUUID() });

  it('licenseEvents: license and machine events of the licenses subgraph, narrowed by every argument given', () => {
    const { matches } = TOPICS.licenseEvents;
    expect(licenseIdOf(machineEvent)).toBe(LICENSE);
    expect(matches(event({}), {})).toBe(true);
    expect(matches(machineEvent, { licenseId: LICENSE })).toBe(true);
    expect(matches(event({}), { licenseId: randomUUID() })).toBe(false);
    expect(matches(event({}), { organizationId: 'org-1', productId: 'prod-1' })).toBe(true);
    expect(matches(event({}), { organizationId: 'org-2' })).toBe(false);
    expect(matches(event({}), { productId: 'prod-2' })).toBe(false);
    expect(matches(event({}), { types: ['license.usage.*'] })).toBe(false);
    expect(matches(event({}), { types: [] })).toBe(true);
    expect(matches(event({ source: 'devices' }), {})).toBe(false);
    expect(matches(event({ entityType: 'Policy' }), {})).toBe(false);
  });

  it('licenseUsageChanged: the usage events of one license only', () => {
    const { matches } = TOPICS.licenseUsageChanged;
    expect(matches(event({ type: 'license.usage.incremented' }), { licenseId: LICENSE })).toBe(true);
    expect(matches(machineEvent, { licenseId: LICENSE })).toBe(true);
    expect(matches(event({ type: 'license.meter-attribute.reset' }), { licenseId: LICENSE })).toBe(true);
    expect(matches(event({ type: 'license.updated' }), { licenseId: LICENSE })).toBe(false);
    expect(matches(event({ type: 'license.usage.incremented' }), { licenseId: randomUUID() })).toBe(false);
  });

  it('licenseUsageChanged: also the consumption events of the entitlements subgraph, by the licenseId they carry', () => {
    const { matches } = TOPICS.licenseUsageChanged;
    const consumption = (type: string, licenseId = LICENSE) =>
      event({ source: 'entitlements', type, entityType: 'LicenseLease', entityId: randomUUID(), payload: { licenseId } });
    for (const type of ['entitlement.seat.consumed', 'entitlement.lease.granted', 'entitlement.lease.refreshed', 'entitlement.lease.released', 'entitlement.assignments.set']) {
      expect(matches(consumption(type), { licenseId: LICENSE })).toBe(true);
    }
    expect(matches(consumption('entitlement.lease.granted', randomUUID()), { licenseId: LICENSE })).toBe(false);
    expect(matches(consumption('license-order.placed'), { licenseId: LICENSE })).toBe(false);
    // the type decides with the source: a licenses event named like a consumption event is not one, and the reverse
    expect(matches(event({ type: 'entitlement.lease.granted' }), { licenseId: LICENSE })).toBe(false);
    expect(matches(consumption('license.usage.incremented'), { licenseId: LICENSE })).toBe(false);
    expect(TOPICS.licenseEvents.matches(consumption('entitlement.seat.consumed'), {})).toBe(false);
  });

  it('deviceEvents: device events of the devices subgraph, by device and type', () => {
    const { matches } = TOPICS.deviceEvents;
    const device = event({ source: 'devices', entityType: 'Device', type: 'device.registered', payload: {} });
    expect(matches(device, {})).toBe(true);
    expect(matches(device, { deviceId: device.entityId })).toBe(true);
    expect(matches(device, { deviceId: randomUUID() })).toBe(false);
    expect(matches(device, { types: ['device.eula.*'] })).toBe(false);
    expect(matches(event({ source: 'devices', entityType: 'Datacenter' }), {})).toBe(false);
    expect(matches(event({}), {})).toBe(false);
  });

  it('no topic delivers a snapshot, whatever the arguments: it re-publishes a row and describes no change', () => {
    const snapshot = event({ type: 'license.snapshot' });
    expect(TOPICS.licenseEvents.matches(event({}), {})).toBe(true);
    expect(TOPICS.licenseEvents.matches(snapshot, {})).toBe(false);
    expect(TOPICS.licenseEvents.matches(snapshot, { types: ['license.snapshot'], licenseId: LICENSE })).toBe(false);
    expect(TOPICS.licenseEvents.matches(snapshot, { types: ['*'] })).toBe(false);
    expect(TOPICS.licenseUsageChanged.matches(snapshot, { licenseId: LICENSE })).toBe(false);
    expect(TOPICS.deviceEvents.matches(event({ source: 'devices', entityType: 'Device', type: 'device.snapshot' }), {})).toBe(false);
  });
});
