import { isIP } from 'node:net';
import { BadUserInputError } from '../../../lib/errors';
import { type ArgumentPath, argumentName } from '../../../lib/input';
import type { CallHomePrivacyLevel, CallHomeSettings, UpdateDeviceCallHomeInput } from '../generated/graphql';
import { checkEmailAddress, checkWholeNumber } from './call-home';

/** The call-home settings of a device as stored (the `callHome…` columns of the device). */
export interface CallHomeColumns {
  callHomeAaaAuthorization: boolean;
  callHomeAaaAuthorizationUsername: string;
  callHomeContactEmail: string | null;
  callHomeDataPrivacyLevel: CallHomePrivacyLevel;
  callHomeDataPrivacyHostname: boolean;
  callHomeHttpProxyServerAddress: string | null;
  callHomeHttpProxyServerPort: number | null;
  callHomeRateLimit: number;
}

/**
 * The settings of a device that never changed them. Seed 004 gives the ranges but no defaults; these are the
 * defaults of the devices it describes: AAA authorization off with the username `callhome`, no contact, the normal
 * privacy level without hostname privacy, no proxy, and 20 messages per minute.
 */
export const CALL_HOME_DEFAULTS: Readonly<CallHomeColumns> = {
  callHomeAaaAuthorization: false,
  callHomeAaaAuthorizationUsername: 'callhome',
  callHomeContactEmail: null,
  callHomeDataPrivacyLevel: 'NORMAL',
  callHomeDataPrivacyHostname: false,
  callHomeHttpProxyServerAddress: null,
  callHomeHttpProxyServerPort: null,
  callHomeRateLimit: 20,
};

/** Seed 004 ranges: `rate-limit` 1 to 60 messages per minute, `server-port` a 16-bit port 1 to 65535. */
export const RATE_LIMIT_RANGE = { min: 1, max: 60 } as const;
export const PROXY_PORT_RANGE = { min: 1, max: 65535 } as const;
const USERNAME_MAX = 64;
const USERNAME = /^[\x21-\x7e]{1,64}$/;
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const at = (...path: string[]): string[] => ['input', ...path];

/** The AAA username is matched by the AAA server as given: 1 to 64 printable ASCII characters, no spaces. */
function checkUsername(value: string): string {
  if (!USERNAME.test(value)) {
    throw new BadUserInputError(`aaaAuthorizationUsername must have 1 to ${USERNAME_MAX} printable ASCII characters and no spaces`, at('aaaAuthorizationUsername'));
  }
  return value;
}

/** A proxy server: a host name or an IPv4 / IPv6 address; a URL (`http://…`) or `host:port` is refused with a hint. */
export function checkProxyServerAddress(value: string, path: ArgumentPath): string {
  const address = value.trim();
  const numeric = /^[\d.]+$/.test(address);
  if (isIP(address) !== 0 || (!numeric && HOST_NAME.test(address))) return address;
  throw new BadUserInputError(`${argumentName(path)} must be a host name or an IP address, without a scheme or port (give the port as serverPort), e.g. cisco-proxy`, path);
}

/**
 * The columns that an update changes (seed 004 PUT /api/v1/call-home, every property optional): a property absent
 * is unchanged, null restores its default, and a value is checked against the seed's ranges.
 */
export function callHomeChanges(input: UpdateDeviceCallHomeInput): Partial<CallHomeColumns> {
  const changes: Partial<CallHomeColumns> = {};
  const d = CALL_HOME_DEFAULTS;
  if (input.aaaAuthorization !== undefined) changes.callHomeAaaAuthorization = input.aaaAuthorization ?? d.callHomeAaaAuthorization;
  if (input.aaaAuthorizationUsername !== undefined) {
    changes.callHomeAaaAuthorizationUsername = input.aaaAuthorizationUsername === null ? d.callHomeAaaAuthorizationUsername : checkUsername(input.aaaAuthorizationUsername);
  }
  if (input.contactEmail !== undefined) {
    changes.callHomeContactEmail = input.contactEmail === null ? null : checkEmailAddress(input.contactEmail, at('contactEmail'));
  }
  if (input.dataPrivacy !== undefined) {
    changes.callHomeDataPrivacyLevel = input.dataPrivacy?.level ?? d.callHomeDataPrivacyLevel;
    changes.callHomeDataPrivacyHostname = input.dataPrivacy?.hostname ?? d.callHomeDataPrivacyHostname;
  }
  if (input.httpProxy !== undefined) {
    const proxy = input.httpProxy;
    changes.callHomeHttpProxyServerAddress = proxy === null ? null : checkProxyServerAddress(proxy.serverAddress, at('httpProxy', 'serverAddress'));
    changes.callHomeHttpProxyServerPort = proxy === null ? null : checkWholeNumber(proxy.serverPort, PROXY_PORT_RANGE, at('httpProxy', 'serverPort'));
  }
  if (input.rateLimit !== undefined) {
    changes.callHomeRateLimit = input.rateLimit === null ? d.callHomeRateLimit : checkWholeNumber(input.rateLimit, RATE_LIMIT_RANGE, at('rateLimit'));
  }
  return changes;
}

/** The settings as the schema shows them (seed 004 `object#call-home`). */
export function callHomeSettingsOf(columns: CallHomeColumns): CallHomeSettings {
  const { callHomeHttpProxyServerAddress: serverAddress, callHomeHttpProxyServerPort: serverPort } = columns;
  return {
    aaaAuthorization: columns.callHomeAaaAuthorization,
    aaaAuthorizationUsername: columns.callHomeAaaAuthorizationUsername,
    contactEmail: columns.callHomeContactEmail,
    dataPrivacy: { level: columns.callHomeDataPrivacyLevel, hostname: columns.callHomeDataPrivacyHostname },
    httpProxy: serverAddress !== null && serverPort !== null ? { serverAddress, serverPort } : null,
    rateLimit: columns.callHomeRateLimit,
  };
}
