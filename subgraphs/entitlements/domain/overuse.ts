/**
 * Seed 002 `overuseExpr`: "Expression for maximum overuse quantity ... allows using variable n for
 * the current quota ... result is rounded to the nearest integer (using the round method)."
 * Examples from the seed: `2`, `ceil(n / 10)`, `max(1, min(log2(n), 10))`.
 * A small recursive-descent parser: numbers, `n`, + - * / %, parentheses, unary minus and the
 * functions below. Nothing is evaluated with `eval`.
 */
const FUNCTIONS: Record<string, { arity: [number, number]; fn: (...args: number[]) => number }> = {
  ceil: { arity: [1, 1], fn: Math.ceil },
  floor: { arity: [1, 1], fn: Math.floor },
  round: { arity: [1, 1], fn: Math.round },
  abs: { arity: [1, 1], fn: Math.abs },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  log: { arity: [1, 1], fn: Math.log },
  log2: { arity: [1, 1], fn: Math.log2 },
  log10: { arity: [1, 1], fn: Math.log10 },
  pow: { arity: [2, 2], fn: Math.pow },
  min: { arity: [1, Infinity], fn: Math.min },
  max: { arity: [1, Infinity], fn: Math.max },
};

export type OveruseExpression = (n: number) => number;

export class OveruseSyntaxError extends Error {}

// a number, a name, or any other single non-space character (an operator, or garbage the parser rejects)
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\S))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const trimmed = text.trim();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < trimmed.length) {
    const match = TOKEN.exec(trimmed);
    if (!match) break;
    const token = match[1] ?? match[2] ?? match[3];
    if (token !== undefined) tokens.push(token);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): OveruseExpression {
    if (this.tokens.length === 0) throw new OveruseSyntaxError('the expression is empty');
    const expr = this.sum();
    if (this.pos < this.tokens.length) throw new OveruseSyntaxError(`unexpected "${this.tokens[this.pos]}"`);
    return expr;
  }

  private peek(): string | undefined { return this.tokens[this.pos]; }
  private next(): string | undefined { return this.tokens[this.pos++]; }
  private expect(token: string): void {
    if (this.next() !== token) throw new OveruseSyntaxError(`expected "${token}"`);
  }

  private sum(): OveruseExpression {
    let left = this.product();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.next(); const l = left; const r = this.product();
      left = op === '+' ? (n) => l(n) + r(n) : (n) => l(n) - r(n);
    }
    return left;
  }

  private product(): OveruseExpression {
    let left = this.unary();
    while (this.peek() === '*' || this.peek() === '/' || this.peek() === '%') {
      const op = this.next(); const l = left; const r = this.unary();
      left = op === '*' ? (n) => l(n) * r(n) : op === '/' ? (n) => l(n) / r(n) : (n) => l(n) % r(n);
    }
    return left;
  }

  private unary(): OveruseExpression {
    if (this.peek() === '-') { this.next(); const inner = this.unary(); return (n) => -inner(n); }
    if (this.peek() === '+') { this.next(); return this.unary(); }
    return this.primary();
  }

  private primary(): OveruseExpression {
    const token = this.next();
    if (token === undefined) throw new OveruseSyntaxError('unexpected end of the expression');
    if (/^\d/.test(token)) { const value = Number(token); return () => value; }
    if (token === '(') { const inner = this.sum(); this.expect(')'); return inner; }
    if (token === 'n') return (n) => n;
    if (/^[A-Za-z_]/.test(token)) return this.call(token);
    throw new OveruseSyntaxError(`unexpected "${token}"`);
  }

  private call(name: string): OveruseExpression {
    const fn = FUNCTIONS[name];
    if (!fn) throw new OveruseSyntaxError(`unknown name "${name}" (the variable is n)`);
    this.expect('(');
    const args: OveruseExpression[] = [this.sum()];
    while (this.peek() === ',') { this.next(); args.push(this.sum()); }
    this.expect(')');
    if (args.length < fn.arity[0] || args.length > fn.arity[1]) throw new OveruseSyntaxError(`${name} takes ${fn.arity[0]} argument(s)`);
    return (n) => fn.fn(...args.map((arg) => arg(n)));
  }
}

/** Parses an overuse expression; throws OveruseSyntaxError with the reason when it is malformed. */
export function parseOveruseExpression(text: string): OveruseExpression {
  return new Parser(tokenize(text)).parse();
}

/** The maximum overuse for quota `n`: rounded, and never negative (a non-finite result allows none). */
export function maxOveruse(text: string, n: number): number {
  const value = Math.round(parseOveruseExpression(text)(n));
  return Number.isFinite(value) && value > 0 ? value : 0;
}
