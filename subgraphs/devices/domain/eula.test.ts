import { checkEulaUri, DEFAULT_EULA_URI, EULA_TEXT, eulaFeatures } from './eula';

describe('EULA (seed 004)', () => {
  test('the eula-uri is the GET EULA request URI or a URL', () => {
    expect(checkEulaUri(DEFAULT_EULA_URI, ['eulaUri'])).toBe('/api/v1/license/eula');
    expect(checkEulaUri(' https://host/api/v1/license/eula ', ['eulaUri'])).toBe('https://host/api/v1/license/eula');
  });

  test.each(['', '   ', 'api/v1/license/eula', 'ftp://host/eula', 'javascript:alert(1)', '/a b', `/${'x'.repeat(2048)}`])('refuses %p', (uri) => {
    expect(() => checkEulaUri(uri, ['eulaUri'])).toThrow(expect.objectContaining({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentPath: ['eulaUri'] }),
    }));
  });

  test('features are the distinct features of the license lines with the device acceptance', () => {
    expect(eulaFeatures(['csr1kv_50m', 'csr1kv_eval', 'csr1kv_50m'], true)).toEqual([
      { featureName: 'csr1kv_50m', eulaAccepted: true },
      { featureName: 'csr1kv_eval', eulaAccepted: true },
    ]);
    expect(eulaFeatures([], false)).toEqual([]);
  });

  test('the text is the seed\'s agreement', () => {
    expect(EULA_TEXT.startsWith('PLEASE READ THE FOLLOWING TERMS CAREFULLY.')).toBe(true);
    expect(EULA_TEXT.endsWith('agree to be bound by all the terms provided herein.')).toBe(true);
  });
});
