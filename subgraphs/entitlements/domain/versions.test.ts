import { MAX_VERSION_TEXT, restrictsVersions, versionAllowed } from './versions';

describe('versionAllowed (seed 002 versionConstraint.matcher)', () => {
  it('allows any version, or none, when allowedVersions is null or blank', () => {
    for (const matcher of ['EXACT', 'SEMANTIC', 'REGEX'] as const) {
      expect(versionAllowed(matcher, null, '1.0.0')).toBe(true);
      expect(versionAllowed(matcher, '  ', null)).toBe(true);
    }
    expect(restrictsVersions({ allowedVersions: null })).toBe(false);
    expect(restrictsVersions({ allowedVersions: ' ' })).toBe(false);
    expect(restrictsVersions({ allowedVersions: '1.0' })).toBe(true);
  });

  it('refuses a restricted credit to a request without version', () => {
    expect(versionAllowed('EXACT', '1.0', null)).toBe(false);
  });

  it('EXACT (also the default) compares the strings', () => {
    expect(versionAllowed('EXACT', '2.1', '2.1')).toBe(true);
    expect(versionAllowed('EXACT', '2.1', '2.1.0')).toBe(false);
    expect(versionAllowed(null, '2.1', '2.1')).toBe(true);
    expect(versionAllowed(undefined, '2.1', '2.10')).toBe(false);
  });

  it('SEMANTIC checks the version against the range; an invalid version or range matches nothing', () => {
    expect(versionAllowed('SEMANTIC', '^2.0.0', '2.4.1')).toBe(true);
    expect(versionAllowed('SEMANTIC', '^2.0.0', '3.0.0')).toBe(false);
    expect(versionAllowed('SEMANTIC', '>=1.2 <1.5', '1.4.9')).toBe(true);
    expect(versionAllowed('SEMANTIC', '^2', 'two')).toBe(false);
    expect(versionAllowed('SEMANTIC', 'not a range', '2.0.0')).toBe(false);
  });

  it('REGEX matches the whole version; a broken or overlong pattern matches nothing', () => {
    expect(versionAllowed('REGEX', '2\\.\\d+', '2.15')).toBe(true);
    expect(versionAllowed('REGEX', '2\\.\\d+', '12.15')).toBe(false);
    expect(versionAllowed('REGEX', '2\\.\\d+', '2.15-beta')).toBe(false);
    expect(versionAllowed('REGEX', '1|2', '12')).toBe(false);
    expect(versionAllowed('REGEX', '(', '(')).toBe(false);
    expect(versionAllowed('REGEX', 'a'.repeat(MAX_VERSION_TEXT + 1), 'a')).toBe(false);
    expect(versionAllowed('REGEX', '.*', 'x'.repeat(MAX_VERSION_TEXT + 1))).toBe(false);
  });
});
