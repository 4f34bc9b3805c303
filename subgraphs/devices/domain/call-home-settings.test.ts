import { badUserInputFrom } from '../../../test/testkit/errors';
import type { UpdateDeviceCallHomeInput } from '../generated/graphql';
import { CALL_HOME_DEFAULTS, callHomeChanges, callHomeSettingsOf, checkProxyServerAddress } from './call-home-settings';

// seed 004's example PUT /api/v1/call-home
const SEED_EXAMPLE: UpdateDeviceCallHomeInput = {
  aaaAuthorization: true, aaaAuthorizationUsername: 'cisco', contactEmail: 'test@cisco.com',
  dataPrivacy: { level: 'HIGH', hostname: false }, httpProxy: { serverAddress: 'cisco-proxy', serverPort: 8080 }, rateLimit: 30,
};

function refusedAt(input: UpdateDeviceCallHomeInput, path: Array<string | number>, message?: string): void {
  const error = badUserInputFrom(() => callHomeChanges(input));
  expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: path });
  if (message) expect(error.message).toBe(message);
}

describe('call-home settings (seed 004 /api/v1/call-home)', () => {
  test('a device that never set them has the defaults: no AAA (username callhome), no contact, NORMAL, no proxy, 20 per minute', () => {
    expect(callHomeSettingsOf(CALL_HOME_DEFAULTS)).toEqual({
      aaaAuthorization: false, aaaAuthorizationUsername: 'callhome', contactEmail: null,
      dataPrivacy: { level: 'NORMAL', hostname: false }, httpProxy: null, rateLimit: 20,
    });
  });

  test('the seed\'s example sets every column, and reads back as given', () => {
    const changes = callHomeChanges(SEED_EXAMPLE);
    expect(changes).toEqual({
      callHomeAaaAuthorization: true, callHomeAaaAuthorizationUsername: 'cisco', callHomeContactEmail: 'test@cisco.com',
      callHomeDataPrivacyLevel: 'HIGH', callHomeDataPrivacyHostname: false, callHomeHttpProxyServerAddress: 'cisco-proxy',
      callHomeHttpProxyServerPort: 8080, callHomeRateLimit: 30,
    });
    const { aaaAuthorization, aaaAuthorizationUsername, contactEmail, dataPrivacy, httpProxy, rateLimit } = SEED_EXAMPLE;
    expect(callHomeSettingsOf({ ...CALL_HOME_DEFAULTS, ...changes })).toEqual({ aaaAuthorization, aaaAuthorizationUsername, contactEmail, dataPrivacy, httpProxy, rateLimit });
  });

  test('absent properties are unchanged, null restores the default', () => {
    expect(callHomeChanges({})).toEqual({});
    expect(callHomeChanges({ rateLimit: 60 })).toEqual({ callHomeRateLimit: 60 });
    expect(callHomeChanges({
      aaaAuthorization: null, aaaAuthorizationUsername: null, contactEmail: null, dataPrivacy: null, httpProxy: null, rateLimit: null,
    })).toEqual(CALL_HOME_DEFAULTS);
  });

  test('rate limit 1 to 60 and proxy port 1 to 65535, whole numbers', () => {
    for (const rateLimit of [1, 60]) expect(callHomeChanges({ rateLimit })).toEqual({ callHomeRateLimit: rateLimit });
    for (const rateLimit of [0, 61, -1]) refusedAt({ rateLimit }, ['input', 'rateLimit'], `rateLimit must be a whole number from 1 to 60, got ${rateLimit}`);
    for (const serverPort of [1, 65535]) expect(callHomeChanges({ httpProxy: { serverAddress: 'proxy', serverPort } }).callHomeHttpProxyServerPort).toBe(serverPort);
    for (const serverPort of [0, 65536]) {
      refusedAt({ httpProxy: { serverAddress: 'proxy', serverPort } }, ['input', 'httpProxy', 'serverPort'], `serverPort must be a whole number from 1 to 65535, got ${serverPort}`);
    }
  });

  test('proxy addresses: host names and IP addresses; URLs, ports, spaces and bad numbers are refused', () => {
    for (const ok of ['cisco-proxy', 'proxy.example.com', '10.0.0.1', '2001:db8::1']) expect(checkProxyServerAddress(ok, ['serverAddress'])).toBe(ok);
    expect(checkProxyServerAddress(' proxy.example.com ', ['serverAddress'])).toBe('proxy.example.com');
    for (const bad of ['', 'http://proxy', 'proxy:8080', 'two words', '-proxy', '999.1.1.1', `${'a'.repeat(64)}.com`]) {
      refusedAt({ httpProxy: { serverAddress: bad, serverPort: 8080 } }, ['input', 'httpProxy', 'serverAddress']);
    }
  });

  test('username 1 to 64 printable characters without spaces; contact email an address', () => {
    expect(callHomeChanges({ aaaAuthorizationUsername: 'u'.repeat(64) })).toEqual({ callHomeAaaAuthorizationUsername: 'u'.repeat(64) });
    for (const bad of ['', 'two words', 'u'.repeat(65), 'tab\t']) refusedAt({ aaaAuthorizationUsername: bad }, ['input', 'aaaAuthorizationUsername']);
    refusedAt({ contactEmail: 'not-an-email' }, ['input', 'contactEmail'], 'contactEmail must be an email address such as licenses@example.com');
    expect(callHomeChanges({ contactEmail: ' ops@example.com ' })).toEqual({ callHomeContactEmail: 'ops@example.com' });
  });
});
