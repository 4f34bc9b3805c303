import { BadUserInputError } from '../../../lib/errors';
import { type ArgumentPath, argumentName } from '../../../lib/input';
import type { DeviceCallHomeInstallInput } from '../generated/graphql';

/** Limits of the call-home installation properties (seed 004 leaves their values open: "N/A"). */
export const CALL_HOME_LIMITS = {
  username: 255,
  password: 1024,
  licenseServerUrl: 2048,
  pakId: 64,
  // RFC 5321: a forward path holds at most 254 characters of address
  sendToEmailId: 254,
} as const;

const at = (field: keyof DeviceCallHomeInstallInput): string[] => ['input', field];

/**
 * A credential is compared byte for byte by the license server, so it is kept as given: only an empty or blank
 * one (and control characters, which no form can type) is refused. The message never repeats the value.
 */
function credential(value: string, field: 'username' | 'password'): string {
  const max = CALL_HOME_LIMITS[field];
  if (value.trim() === '' || value.length > max) throw new BadUserInputError(`${field} must have 1 to ${max} characters and not be blank`, at(field));
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new BadUserInputError(`${field} cannot contain control characters`, at(field));
  return value;
}

/**
 * The license server receives the device's password, so it must be reached over TLS: an absolute `https` URL.
 * Credentials inside the URL (`https://user:pass@host`) are refused: they would be stored and shown in clear.
 */
export function checkLicenseServerUrl(value: string): string {
  const text = value.trim();
  const refuse = (why: string) => new BadUserInputError(`licenseServerUrl ${why}`, at('licenseServerUrl'));
  if (!text || text.length > CALL_HOME_LIMITS.licenseServerUrl) throw refuse(`must have 1 to ${CALL_HOME_LIMITS.licenseServerUrl} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('must be an absolute https URL, e.g. https://tools-stage-was5.cisco.com/SWIFT/Licensing/');
  }
  if (url.protocol !== 'https:' || !url.hostname || /\s/.test(text)) {
    throw refuse('must be an absolute https URL, e.g. https://tools-stage-was5.cisco.com/SWIFT/Licensing/');
  }
  if (url.username || url.password) throw refuse('cannot contain a username or password; give them as username and password');
  return text;
}

export function checkPakId(value: string): string {
  const pakId = value.trim();
  if (!pakId || pakId.length > CALL_HOME_LIMITS.pakId || /\s/.test(pakId)) {
    throw new BadUserInputError(`pakId must have 1 to ${CALL_HOME_LIMITS.pakId} characters and no spaces`, at('pakId'));
  }
  return pakId;
}

/**
 * An email address: `local@domain`, a local part of at most 64 characters and a domain with a dot, no spaces. `path`
 * names the argument (`sendToEmailId` of an installation, `contactEmail` of the call-home settings); `label` names it
 * in the message when the path ends in a list index (a call-home profile's destination `emails`).
 */
export function checkEmailAddress(value: string, path: ArgumentPath = at('sendToEmailId'), label = argumentName(path)): string {
  const email = value.trim();
  const [local, domain, ...rest] = email.split('@');
  const valid = email.length <= CALL_HOME_LIMITS.sendToEmailId && rest.length === 0 && domain !== undefined
    && /^[^\s@"(),:;<>[\\\]]{1,64}$/.test(local)
    && /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(domain);
  if (!valid) throw new BadUserInputError(`${label} must be an email address such as licenses@example.com`, path);
  return email;
}

/** A whole number in one of seed 004's call-home ranges (a rate limit, a proxy port, a period's day or minute). */
export function checkWholeNumber(value: number, range: { min: number; max: number }, path: ArgumentPath): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new BadUserInputError(`${argumentName(path)} must be a whole number from ${range.min} to ${range.max}, got ${value}`, path);
  }
  return value;
}

/** The checked properties of a call-home installation (the password still in clear: the service seals it). */
export function callHomeInstallFields(input: DeviceCallHomeInstallInput): DeviceCallHomeInstallInput {
  return {
    username: credential(input.username, 'username'),
    password: credential(input.password, 'password'),
    licenseServerUrl: checkLicenseServerUrl(input.licenseServerUrl),
    pakId: checkPakId(input.pakId),
    sendToEmailId: checkEmailAddress(input.sendToEmailId),
  };
}
