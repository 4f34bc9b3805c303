import { badUserInputFrom } from '../../../test/testkit/errors';
import { checkThroughputLevel, isThroughputLevel, THROUGHPUT_LEVELS } from './throughput';

describe('throughput levels (seed 004)', () => {
  test('accepts exactly 10, 25, 50, 100, 250, 500 and 1000', () => {
    expect([...THROUGHPUT_LEVELS]).toEqual([10, 25, 50, 100, 250, 500, 1000]);
    for (const level of THROUGHPUT_LEVELS) expect(isThroughputLevel(level)).toBe(true);
  });

  test.each([0, -10, 5, 20, 75, 200, 999, 1001, 10000, 2.5])('refuses %p with BAD_USER_INPUT naming the argument', (level) => {
    expect(isThroughputLevel(level)).toBe(false);
    expect(badUserInputFrom(() => checkThroughputLevel(level, ['level'])).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['level'] });
  });

  test('returns an accepted level', () => {
    expect(checkThroughputLevel(250, ['level'])).toBe(250);
  });
});
