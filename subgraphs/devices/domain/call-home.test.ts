import type { DeviceCallHomeInstallInput } from '../generated/graphql';
import { CALL_HOME_LIMITS, callHomeInstallFields } from './call-home';

// seed 004's example request, with values in place of its `{string}` placeholders
const SEED_EXAMPLE: DeviceCallHomeInstallInput = {
  username: 'csr-admin', password: 's3cret pass', licenseServerUrl: 'https://tools-stage-was5.cisco.com/SWIFT/Licensing/',
  pakId: '3NGE2JB6C57', sendToEmailId: 'licenses@example.com',
};
const PASSWORD = 'Pw-never-echoed-9f1c';

function refused(change: Partial<DeviceCallHomeInstallInput>, field: keyof DeviceCallHomeInstallInput, message: string): void {
  let error: unknown;
  try {
    callHomeInstallFields({ ...SEED_EXAMPLE, password: PASSWORD, ...change });
  } catch (err) {
    error = err;
  }
  expect(error).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argumentPath: ['input', field] } });
  expect(JSON.stringify({ message: (error as Error).message, error })).not.toContain(PASSWORD);
}

describe('call-home installation input (seed 004 POST /api/v1/license/call-home)', () => {
  test('the seed\'s example is accepted; credentials are kept as given, the other properties trimmed', () => {
    expect(callHomeInstallFields(SEED_EXAMPLE)).toEqual(SEED_EXAMPLE);
    expect(callHomeInstallFields({
      username: ' csr-admin ', password: ' padded ', licenseServerUrl: ' https://licensing.example.com:8443/api ',
      pakId: ' 3NGE2JB6C57 ', sendToEmailId: ' ops+licenses@mail.example.co.uk ',
    })).toEqual({
      username: ' csr-admin ', password: ' padded ', licenseServerUrl: 'https://licensing.example.com:8443/api',
      pakId: '3NGE2JB6C57', sendToEmailId: 'ops+licenses@mail.example.co.uk',
    });
  });

  test('the longest values of each property are accepted', () => {
    const longest = {
      username: 'u'.repeat(CALL_HOME_LIMITS.username), password: 'p'.repeat(CALL_HOME_LIMITS.password),
      licenseServerUrl: `https://example.com/${'a'.repeat(CALL_HOME_LIMITS.licenseServerUrl - 20)}`,
      pakId: 'K'.repeat(CALL_HOME_LIMITS.pakId), sendToEmailId: `${'l'.repeat(64)}@${'d'.repeat(185)}.com`,
    };
    expect(longest.licenseServerUrl).toHaveLength(2048);
    expect(longest.sendToEmailId).toHaveLength(254);
    expect(callHomeInstallFields(longest)).toEqual(longest);
  });

  test.each([
    ['empty', ''], ['blank', '   '], ['too long', 'u'.repeat(256)],
  ])('username %s', (_name, username) => refused({ username }, 'username', 'username must have 1 to 255 characters and not be blank'));

  test('username with a control character', () => refused({ username: 'adm\nin' }, 'username', 'username cannot contain control characters'));

  test.each([
    ['empty', ''], ['blank', ' \t '], ['too long', 'p'.repeat(1025)],
  ])('password %s, with a message that does not repeat it', (_name, password) =>
    refused({ password }, 'password', 'password must have 1 to 1024 characters and not be blank'));

  test('password with a control character, with a message that does not repeat it', () =>
    refused({ password: `${PASSWORD}\u0000` }, 'password', 'password cannot contain control characters'));

  const NOT_HTTPS = 'licenseServerUrl must be an absolute https URL, e.g. https://tools-stage-was5.cisco.com/SWIFT/Licensing/';
  test.each([
    ['plain http (the password would travel in clear)', 'http://tools-stage-was5.cisco.com/SWIFT/Licensing/', NOT_HTTPS],
    ['a relative path', '/SWIFT/Licensing/', NOT_HTTPS],
    ['no scheme', 'tools-stage-was5.cisco.com/SWIFT/Licensing/', NOT_HTTPS],
    ['another scheme', 'ftp://tools-stage-was5.cisco.com/', NOT_HTTPS],
    ['a space inside', 'https://tools stage.cisco.com/', NOT_HTTPS],
    ['blank', '  ', 'licenseServerUrl must have 1 to 2048 characters'],
    ['too long', `https://example.com/${'a'.repeat(2029)}`, 'licenseServerUrl must have 1 to 2048 characters'],
    ['credentials inside', `https://admin:${PASSWORD}@tools-stage-was5.cisco.com/`, 'licenseServerUrl cannot contain a username or password; give them as username and password'],
  ])('licenseServerUrl: %s', (_name, licenseServerUrl, message) => refused({ licenseServerUrl }, 'licenseServerUrl', message));

  test.each([
    ['empty', ''], ['with a space', '3NGE 2JB6C57'], ['too long', 'K'.repeat(65)],
  ])('pakId %s', (_name, pakId) => refused({ pakId }, 'pakId', 'pakId must have 1 to 64 characters and no spaces'));

  test.each([
    ['empty', ''], ['no @', 'licenses.example.com'], ['two @', 'a@b@example.com'], ['no domain dot', 'licenses@localhost'],
    ['no local part', '@example.com'], ['a space', 'lic enses@example.com'], ['a bad domain', 'licenses@-example.com'],
    ['a local part over 64 characters', `${'l'.repeat(65)}@example.com`], ['over 254 characters', `l@${'d'.repeat(250)}.com`],
  ])('sendToEmailId %s', (_name, sendToEmailId) =>
    refused({ sendToEmailId }, 'sendToEmailId', 'sendToEmailId must be an email address such as licenses@example.com'));
});
