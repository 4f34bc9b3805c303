import { maxOveruse, OveruseSyntaxError, parseOveruseExpression } from './overuse';

describe('overuse expressions (seed 002 overuseExpr)', () => {
  test('the seed examples', () => {
    expect(maxOveruse('2', 50)).toBe(2);
    expect(maxOveruse('ceil(n / 10)', 25)).toBe(3);
    expect(maxOveruse('max(1, min(log2(n), 10))', 1)).toBe(1);
    expect(maxOveruse('max(1, min(log2(n), 10))', 64)).toBe(6);
    expect(maxOveruse('max(1, min(log2(n), 10))', 1_000_000)).toBe(10);
  });
  test('whitespace anywhere is ignored', () => {
    expect(maxOveruse('  ceil( n/10 )\n', 25)).toBe(3);
  });
  test('the result is rounded to the nearest integer', () => {
    expect(maxOveruse('n * 0.25', 10)).toBe(3); // 2.5 rounds up
    expect(maxOveruse('n / 3', 10)).toBe(3);
  });
  test('precedence, parentheses, unary minus and modulo', () => {
    expect(parseOveruseExpression('1 + 2 * n')(3)).toBe(7);
    expect(parseOveruseExpression('(1 + 2) * n')(3)).toBe(9);
    expect(parseOveruseExpression('-n + 10')(3)).toBe(7);
    expect(parseOveruseExpression('n % 4')(10)).toBe(2);
    expect(parseOveruseExpression('pow(2, 3) + floor(1.9) + abs(-1) + sqrt(16) + round(0.4)')(0)).toBe(14);
  });
  test('a negative or non-finite result allows no overuse', () => {
    expect(maxOveruse('0 - n', 5)).toBe(0);
    expect(maxOveruse('1 / (n - n)', 5)).toBe(0);
  });
  test.each([
    ['', 'empty'],
    ['n +', 'end'],
    ['ceil(n', ')'],
    ['x * 2', 'unknown name "x"'],
    ['eval(1)', 'unknown name "eval"'],
    ['pow(2)', 'pow takes 2'],
    ['2 $ 3', 'unexpected "$"'],
    ['(1))', 'unexpected ")"'],
  ])('%j is rejected (%s)', (text, reason) => {
    expect(() => parseOveruseExpression(text)).toThrow(OveruseSyntaxError);
    expect(() => parseOveruseExpression(text)).toThrow(reason);
  });
});
