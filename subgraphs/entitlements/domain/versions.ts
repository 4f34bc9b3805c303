import semver from 'semver';
import type { VersionMatcher } from '../generated/graphql';

/** Longest `allowedVersions` pattern and requested version that are matched at all: a guard against absurd input. */
export const MAX_VERSION_TEXT = 200;

const restricts = (allowed: string | null): allowed is string => allowed !== null && allowed.trim() !== '';

/** Whether a credit's `allowedVersions` restricts versions (null or blank allows any version). */
export function restrictsVersions(credit: { allowedVersions: string | null }): boolean {
  return restricts(credit.allowedVersions);
}

/** Seed 002 `regex`: the whole version must match; a pattern that does not compile matches nothing. */
function regexMatches(pattern: string, version: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(version);
  } catch {
    return false;
  }
}

/**
 * Seed 002 `versionConstraint.matcher` ("If not specified, exact is used"): whether `version` may consume a credit
 * whose `allowedVersions` is `allowed`. An invalid semantic version or range, a regular expression that does not
 * compile, and text longer than MAX_VERSION_TEXT match nothing (the credit is not usable for that request).
 */
export function versionAllowed(matcher: VersionMatcher | null | undefined, allowed: string | null, version: string | null): boolean {
  if (!restricts(allowed)) return true;
  if (version === null) return false;
  switch (matcher ?? 'EXACT') {
    case 'EXACT': return version === allowed;
    case 'SEMANTIC':
      return semver.valid(version) !== null && semver.validRange(allowed) !== null && semver.satisfies(version, allowed);
    case 'REGEX':
      return allowed.length <= MAX_VERSION_TEXT && version.length <= MAX_VERSION_TEXT && regexMatches(allowed, version);
  }
}
