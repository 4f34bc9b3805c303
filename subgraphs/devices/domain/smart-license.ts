import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { type ArgumentPath, argumentName } from '../../../lib/input';
import type { SmartLicense, SmartLicenseState } from '../generated/graphql';
import { BUILT_IN_PROFILE } from './call-home-profile';

// the profile Smart Licensing uses is a call-home profile name, checked by the profiles' own rule
export { checkProfileName } from './call-home-profile';

/**
 * Smart Licensing on a device (seed 004 /api/v1/smart-license): the settings (`enable`, `profile`) and the
 * registration state machine. A new device has the feature disabled, uses the predefined call-home profile
 * `CiscoTAC-1` and is UNIDENTIFIED (never registered):
 *
 *   UNIDENTIFIED ──register──▶ REGISTERED ──deregister──▶ UNREGISTERED ──register──▶ REGISTERED
 *                              (renew keeps REGISTERED)
 *
 * The profile is the built-in `CiscoTAC-1` or one of the device's call-home profiles (checked under the device's row
 * lock, which deleting a profile takes too). Registering needs the feature enabled; a registered device cannot be disabled (deregister it first), so a
 * registered device is always enabled.
 */

const ID_TOKEN_MAX = 1024;
// printable ASCII without the space: tokens are base64-like strings, and a space or control character is a paste error
const ID_TOKEN = /^[\x21-\x7e]+$/;

/** What the state machine looks at. */
export interface SmartLicenseStatus {
  enabled: boolean;
  state: SmartLicenseState;
}


/** The registration ID token is a secret: it is kept as given, and the message never repeats it. */
export function checkIdToken(value: string, path: ArgumentPath): string {
  if (value.length === 0 || value.length > ID_TOKEN_MAX || !ID_TOKEN.test(value)) {
    throw new BadUserInputError(`${argumentName(path)} must have 1 to ${ID_TOKEN_MAX} printable characters and no spaces`, path);
  }
  return value;
}

const conflict = (message: string, reason: string) => new ConflictError(message, { argumentPath: ['deviceId'], reason });

/** Whether the profile must be one of the device's call-home profiles (every name but the built-in one). */
export const profileNeedsRow = (profile: string): boolean => profile !== BUILT_IN_PROFILE;

/** The `profile` given names no call-home profile of the device. */
export function missingProfile(profile: string): BadUserInputError {
  return new BadUserInputError(
    `profile must be ${BUILT_IN_PROFILE} or a call-home profile of the device; the device has no profile named ${JSON.stringify(profile)}`,
    ['profile'],
  );
}

/** Enabling is always allowed; disabling a registered device would leave a registration nobody can renew. */
export function assertCanSetEnabled(status: SmartLicenseStatus, enable: boolean): void {
  if (!enable && status.state === 'REGISTERED') {
    throw conflict('Smart Licensing cannot be disabled while the device is registered: deregister it first (deregisterDeviceSmartLicense)', 'SMART_LICENSE_REGISTERED');
  }
}

export function assertCanRegister(status: SmartLicenseStatus): void {
  if (status.state === 'REGISTERED') throw conflict('The device is already registered with Smart Licensing', 'SMART_LICENSE_ALREADY_REGISTERED');
  if (!status.enabled) throw conflict('Smart Licensing must be enabled (updateDeviceSmartLicense) before the device registers', 'SMART_LICENSE_DISABLED');
}

/** Deregistering and renewing act on a registration. */
export function assertRegistered(status: SmartLicenseStatus, action: 'deregistered' | 'renewed'): void {
  if (status.state !== 'REGISTERED') {
    throw conflict(`Only a device registered with Smart Licensing can be ${action}; the device is ${status.state}`, 'SMART_LICENSE_NOT_REGISTERED');
  }
}

/** What a renewal renews (seed 004 `id`, `authorization`, both optional): absent is false, and at least one is true. */
export function renewalOf(id: boolean | null | undefined, authorization: boolean | null | undefined): { id: boolean; authorization: boolean } {
  const renewal = { id: id === true, authorization: authorization === true };
  if (!renewal.id && !renewal.authorization) {
    throw new BadUserInputError('Nothing to renew: set id, authorization or both to true', ['id']);
  }
  return renewal;
}

/** Smart Licensing as stored (the `smartLicense…` columns of the device, the sealed token aside). */
export interface SmartLicenseColumns {
  smartLicenseEnabled: boolean;
  smartLicenseProfile: string;
  smartLicenseState: SmartLicenseState;
  smartLicenseRegisteredAt: Date | null;
  smartLicenseIdRenewedAt: Date | null;
  smartLicenseAuthorizationRenewedAt: Date | null;
}

/** Smart Licensing as the schema shows it (seed 004 `object#smart-license`, with the registration times). */
export function smartLicenseOf(columns: SmartLicenseColumns): SmartLicense {
  return {
    enabled: columns.smartLicenseEnabled,
    profile: columns.smartLicenseProfile,
    state: columns.smartLicenseState,
    registeredAt: columns.smartLicenseRegisteredAt,
    idRenewedAt: columns.smartLicenseIdRenewedAt,
    authorizationRenewedAt: columns.smartLicenseAuthorizationRenewedAt,
  };
}
