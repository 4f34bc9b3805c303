import { badUserInputFrom } from '../test/testkit/errors';
import { isUuid, requireUuid, UUID_PATTERN } from './ids';

const ID = '49cdd99f-bc16-40f9-ad40-48f12182fb30';

test('a UUID in either letter case is one; anything else is not', () => {
  expect(isUuid(ID)).toBe(true);
  expect(isUuid(ID.toUpperCase())).toBe(true);
  for (const other of ['', 'not-a-uuid', ID.slice(1), `${ID}0`, ` ${ID}`, ID.replace(/-/g, ''), ID.replace('4', 'g')]) {
    expect(isUuid(other)).toBe(false);
  }
  expect(UUID_PATTERN.test(ID)).toBe(true);
});

test('a required UUID is returned lower-cased; anything else names the last segment of its argument path', () => {
  expect(requireUuid(ID.toUpperCase(), ['licenseId'])).toBe(ID);
  const error = badUserInputFrom(() => requireUuid('not-a-uuid', ['input', 'computerId']));
  expect(error.message).toBe('computerId must be a UUID, got "not-a-uuid"');
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'computerId'] });
});
