import { badUserInputFrom, conflictFrom } from '../../../test/testkit/errors';
import type { SmartLicenseState } from '../generated/graphql';
import {
  assertCanRegister, assertCanSetEnabled, assertRegistered, checkIdToken, checkProfileName,
  missingProfile, profileNeedsRow, renewalOf, smartLicenseOf,
} from './smart-license';

const STATES: SmartLicenseState[] = ['UNIDENTIFIED', 'REGISTERED', 'UNREGISTERED'];

describe('Smart Licensing registration states (seed 004 /api/v1/smart-license)', () => {
  test('registering needs Smart Licensing enabled and a device that is not registered', () => {
    for (const state of ['UNIDENTIFIED', 'UNREGISTERED'] as const) expect(() => assertCanRegister({ enabled: true, state })).not.toThrow();
    const disabled = conflictFrom(() => assertCanRegister({ enabled: false, state: 'UNIDENTIFIED' }));
    expect(disabled.message).toBe('Smart Licensing must be enabled (updateDeviceSmartLicense) before the device registers');
    expect(disabled.extensions).toEqual({ code: 'CONFLICT', reason: 'SMART_LICENSE_DISABLED', argumentPath: ['deviceId'] });
    const again = conflictFrom(() => assertCanRegister({ enabled: true, state: 'REGISTERED' }));
    expect(again.message).toBe('The device is already registered with Smart Licensing');
    expect(again.extensions).toEqual({ code: 'CONFLICT', reason: 'SMART_LICENSE_ALREADY_REGISTERED', argumentPath: ['deviceId'] });
  });

  test.each(['deregistered', 'renewed'] as const)('only a registered device can be %s', (action) => {
    expect(() => assertRegistered({ enabled: true, state: 'REGISTERED' }, action)).not.toThrow();
    for (const state of ['UNIDENTIFIED', 'UNREGISTERED'] as const) {
      const error = conflictFrom(() => assertRegistered({ enabled: true, state }, action));
      expect(error.message).toBe(`Only a device registered with Smart Licensing can be ${action}; the device is ${state}`);
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'SMART_LICENSE_NOT_REGISTERED', argumentPath: ['deviceId'] });
    }
  });

  test('enabling is always allowed; disabling is refused only while registered', () => {
    for (const state of STATES) expect(() => assertCanSetEnabled({ enabled: false, state }, true)).not.toThrow();
    for (const state of ['UNIDENTIFIED', 'UNREGISTERED'] as const) expect(() => assertCanSetEnabled({ enabled: true, state }, false)).not.toThrow();
    const error = conflictFrom(() => assertCanSetEnabled({ enabled: true, state: 'REGISTERED' }, false));
    expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'SMART_LICENSE_REGISTERED', argumentPath: ['deviceId'] });
  });

  test('a renewal renews what is true; absent is false, and nothing to renew is BAD_USER_INPUT at id', () => {
    expect(renewalOf(true, true)).toEqual({ id: true, authorization: true });
    expect(renewalOf(true, undefined)).toEqual({ id: true, authorization: false });
    expect(renewalOf(null, true)).toEqual({ id: false, authorization: true });
    for (const [id, authorization] of [[undefined, undefined], [false, false], [null, false]] as const) {
      const error = badUserInputFrom(() => renewalOf(id, authorization));
      expect(error.message).toBe('Nothing to renew: set id, authorization or both to true');
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['id'] });
    }
  });
});

describe('Smart Licensing input', () => {
  test('profile names: the seed\'s CiscoTAC-1 and names of 1 to 64 letters, digits, -, _ or .', () => {
    expect(checkProfileName(' CiscoTAC-1 ', ['profile'])).toBe('CiscoTAC-1');
    expect(checkProfileName('a'.repeat(64), ['profile'])).toBe('a'.repeat(64));
    for (const bad of ['', ' ', 'two words', '-leading', 'a'.repeat(65), 'semi;colon', 'tab\tname']) {
      expect(badUserInputFrom(() => checkProfileName(bad, ['profile'])).extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['profile'] });
    }
  });

  test('the built-in CiscoTAC-1 needs no profile row; any other profile must be one of the device\'s (BAD_USER_INPUT at profile)', () => {
    expect(profileNeedsRow('CiscoTAC-1')).toBe(false);
    for (const profile of ['lab', 'ciscotac-1', 'CiscoTAC-2']) expect(profileNeedsRow(profile)).toBe(true);
    const error = missingProfile('lab');
    expect(error.message).toBe('profile must be CiscoTAC-1 or a call-home profile of the device; the device has no profile named "lab"');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['profile'] });
  });

  test('an ID token is kept as given; a blank, spaced, control or over-long one is refused without repeating it', () => {
    expect(checkIdToken('QXN123', ['idToken'])).toBe('QXN123');
    const long = `${'Zm9v'.repeat(256)}`;
    expect(checkIdToken(long, ['idToken'])).toBe(long);
    for (const bad of ['', ' QXN123', 'QXN 123', 'QXN123\n', `${long}x`]) {
      const error = badUserInputFrom(() => checkIdToken(bad, ['idToken']));
      expect(error.message).toBe('idToken must have 1 to 1024 printable characters and no spaces');
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['idToken'] });
    }
  });

  test('smartLicenseOf shows the columns as the schema\'s SmartLicense', () => {
    const registeredAt = new Date('2026-01-02T03:04:05Z');
    expect(smartLicenseOf({
      smartLicenseEnabled: true, smartLicenseProfile: 'CiscoTAC-1', smartLicenseState: 'REGISTERED', smartLicenseRegisteredAt: registeredAt,
      smartLicenseIdRenewedAt: null, smartLicenseAuthorizationRenewedAt: registeredAt,
    })).toEqual({ enabled: true, profile: 'CiscoTAC-1', state: 'REGISTERED', registeredAt, idRenewedAt: null, authorizationRenewedAt: registeredAt });
  });
});
