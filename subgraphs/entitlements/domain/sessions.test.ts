import { badUserInputFrom } from '../../../test/testkit/errors';
import type { ConcurrentSessions } from '../generated/graphql';
import { checkAnchors, chooseLease, MAX_ANCHOR_TEXT, missingAnchor, sessionKeys, sessionLimitExceeded } from './sessions';

const sessions = (s: Partial<ConcurrentSessions>): ConcurrentSessions => ({
  maxCache: null, maxCheckOut: null, maxTotal: null, leaseTrackingMode: null, sessionAnchors: [], additionalAnchors: [], ...s,
});
const hw = (externalId: string) => ({ type: 'HARDWARE' as const, externalId, externalName: null });
const proc = (externalId: string) => ({ type: 'LICENSED_PROCESS' as const, externalId, externalName: null });

describe('checkAnchors', () => {
  it('trims identifiers and keeps names', () => {
    expect(checkAnchors([{ type: 'HARDWARE', externalId: ' hw-1 ', externalName: 'Laptop' }])).toEqual([{ type: 'HARDWARE', externalId: 'hw-1', externalName: 'Laptop' }]);
  });

  it('refuses a blank identifier, a type given twice and overlong text, with the argument path', () => {
    expect(badUserInputFrom(() => checkAnchors([{ type: 'HARDWARE', externalId: ' ' }])).extensions.argumentPath).toEqual(['anchors', 0, 'externalId']);
    expect(badUserInputFrom(() => checkAnchors([hw('a'), hw('b')])).extensions.argumentPath).toEqual(['anchors', 1, 'type']);
    expect(badUserInputFrom(() => checkAnchors([hw('x'.repeat(MAX_ANCHOR_TEXT + 1))])).extensions.argumentPath).toEqual(['anchors', 0]);
  });
});

describe('session anchors', () => {
  it('requires every session and additional anchor type', () => {
    const model = sessions({ sessionAnchors: ['HARDWARE'], additionalAnchors: ['LICENSED_PROCESS'] });
    expect(missingAnchor(model, [hw('a')])).toBe('LICENSED_PROCESS');
    expect(missingAnchor(model, [proc('p')])).toBe('HARDWARE');
    expect(missingAnchor(model, [proc('p'), hw('a')])).toBeNull();
    expect(missingAnchor(null, [])).toBeNull();
  });

  it('identifies a session by user and session anchor values only', () => {
    const model = sessions({ sessionAnchors: ['HARDWARE'] });
    const a = sessionKeys('alice', model, [hw('h1'), proc('p1')]);
    expect(sessionKeys('alice', model, [proc('p2'), { ...hw('h1'), externalName: 'renamed' }])).toEqual(a);
    expect(sessionKeys('bob', model, [hw('h1')]).identity).not.toBe(a.identity);
    expect(sessionKeys('bob', model, [hw('h1')]).resourceKey).toBe(a.resourceKey);
    expect(sessionKeys('alice', model, [hw('h2')]).identity).not.toBe(a.identity);
    // without session anchors, one session per user and license
    expect(sessionKeys('alice', null, [hw('h1')])).toEqual(sessionKeys('alice', null, [hw('h2')]));
  });
});

describe('chooseLease (leaseTrackingMode)', () => {
  const active = ['l2', 'l1'];
  it('IGNORE_LEASE_ID (default) extends the latest lease whatever lease id is sent', () => {
    expect(chooseLease(null, null, active)).toEqual({ kind: 'extend', leaseId: 'l2' });
    expect(chooseLease(sessions({ leaseTrackingMode: 'IGNORE_LEASE_ID' }), 'other', active)).toEqual({ kind: 'extend', leaseId: 'l2' });
    expect(chooseLease(null, null, [])).toEqual({ kind: 'new' });
  });

  it('REQUIRE_LEASE_ID extends only the named lease; without one, a new lease', () => {
    const model = sessions({ leaseTrackingMode: 'REQUIRE_LEASE_ID' });
    expect(chooseLease(model, null, active)).toEqual({ kind: 'new' });
    expect(chooseLease(model, 'L1', active)).toEqual({ kind: 'extend', leaseId: 'l1' });
    expect(chooseLease(model, 'other', active)).toEqual({ kind: 'mismatch' });
  });

  it('USE_LEASE_ID_IF_PRESENT extends the named lease if given, else the latest', () => {
    const model = sessions({ leaseTrackingMode: 'USE_LEASE_ID_IF_PRESENT' });
    expect(chooseLease(model, null, active)).toEqual({ kind: 'extend', leaseId: 'l2' });
    expect(chooseLease(model, 'l1', active)).toEqual({ kind: 'extend', leaseId: 'l1' });
    expect(chooseLease(model, 'other', active)).toEqual({ kind: 'mismatch' });
    expect(chooseLease(model, 'l1', [])).toEqual({ kind: 'mismatch' });
  });
});

test('sessionLimitExceeded: maxCache, maxCheckOut and maxTotal bound the active leases of a session (null: unbounded)', () => {
  const model = sessions({ maxCache: 2, maxCheckOut: 0, maxTotal: 3 });
  expect(sessionLimitExceeded(model, ['CACHE'], 'CACHE')).toBeNull();
  expect(sessionLimitExceeded(model, ['CACHE', 'CACHE'], 'CACHE')).toBe('maxCache');
  expect(sessionLimitExceeded(model, [], 'CHECK_OUT')).toBe('maxCheckOut');
  expect(sessionLimitExceeded(sessions({ maxTotal: 2 }), ['CACHE', 'CHECK_OUT'], 'CACHE')).toBe('maxTotal');
  expect(sessionLimitExceeded(null, ['CACHE', 'CACHE', 'CACHE'], 'CACHE')).toBeNull();
});
