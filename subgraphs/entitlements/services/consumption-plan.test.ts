import { Entitlement } from '../entities/Entitlement';
import { EntitlementLicense } from '../entities/EntitlementLicense';
import { LicenseAssignment } from '../entities/LicenseAssignment';
import { LicenseModel } from '../entities/LicenseModel';
import { SeatCountCredit } from '../entities/SeatCountCredit';
import { availableTo } from './consumption-plan';
import type { LicenseState } from './consumption-state';

const now = new Date('2025-06-01T00:00:00Z');
const past = new Date('2025-01-01T00:00:00Z');
const ended = new Date('2025-05-01T00:00:00Z');

function state(extra: { model?: Partial<LicenseModel>; credits?: Array<Partial<SeatCountCredit>>; assignments?: Array<Partial<LicenseAssignment>>;
  binding?: Partial<EntitlementLicense>; entitlement?: Partial<Entitlement>; consumer?: boolean } = {}): LicenseState {
  return {
    binding: Object.assign(new EntitlementLicense(), { licenseId: 'l1', validFrom: past, validUntil: null, active: true, ...extra.binding }),
    entitlement: Object.assign(new Entitlement(), { validFrom: past, validUntil: null, ...extra.entitlement }),
    model: Object.assign(new LicenseModel(), { seatCountConstraint: {}, ...extra.model }),
    seatCredits: (extra.credits ?? [{}]).map((c) => Object.assign(new SeatCountCredit(), { licenseId: 'l1', validFrom: past, seatCount: 1, ...c })),
    useCountCredits: [], useTimeCredits: [], sessions: [], leases: [], consumer: extra.consumer ?? true,
    assignments: (extra.assignments ?? []).map((a) => Object.assign(new LicenseAssignment(), { licenseId: 'l1', validFrom: past, validUntil: null, ...a })),
  };
}

describe('availableTo (seed 002 available-licenses)', () => {
  it('is true for a valid license with a valid credit, and for any version when none is asked', () => {
    expect(availableTo(state(), 'ann', null, now)).toBe(true);
    expect(availableTo(state({ credits: [{ allowedVersions: '1.0' }] }), 'ann', null, now)).toBe(true);
  });

  it('is false for a license or entitlement not valid now, or without a credit', () => {
    expect(availableTo(state({ binding: { active: false } }), 'ann', null, now)).toBe(false);
    expect(availableTo(state({ binding: { validFrom: null } }), 'ann', null, now)).toBe(false);
    expect(availableTo(state({ entitlement: { validUntil: ended } }), 'ann', null, now)).toBe(false);
    expect(availableTo(state({ credits: [] }), 'ann', null, now)).toBe(false);
  });

  it('with a version: only when a credit allows it by the model\'s matcher', () => {
    const restricted = (matcher?: 'SEMANTIC') => state({ credits: [{ allowedVersions: matcher ? '^1.2.0' : '1.2.0' }], model: { versionConstraint: matcher ? { matcher } : null } });
    expect(availableTo(restricted(), 'ann', '1.2.0', now)).toBe(true);
    expect(availableTo(restricted(), 'ann', '1.3.0', now)).toBe(false);
    expect(availableTo(restricted('SEMANTIC'), 'ann', '1.3.0', now)).toBe(true);
    expect(availableTo(restricted('SEMANTIC'), 'ann', '2.0.0', now)).toBe(false);
  });

  it('is false for a user in no consuming group of the entitlement', () => {
    expect(availableTo(state({ consumer: false }), 'ann', null, now)).toBe(false);
  });

  it('is false for a denied user, and without a reservation the model requires; an ended deny no longer counts', () => {
    expect(availableTo(state({ assignments: [{ userId: 'ann', type: 'DENIED' }] }), 'ann', null, now)).toBe(false);
    expect(availableTo(state({ assignments: [{ userId: 'ann', type: 'DENIED' }] }), 'bob', null, now)).toBe(true);
    expect(availableTo(state({ assignments: [{ userId: 'ann', type: 'DENIED', validUntil: ended }] }), 'ann', null, now)).toBe(true);
    const reservation = { model: { assignedLicenseConstraint: { requireReservation: true, allowReassign: true } }, assignments: [{ userId: 'ann', type: 'RESERVED' as const }] };
    expect(availableTo(state(reservation), 'ann', null, now)).toBe(true);
    expect(availableTo(state(reservation), 'bob', null, now)).toBe(false);
  });
});
