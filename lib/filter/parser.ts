import { tokenize, type Token } from './lexer';
import {
  FilterSyntaxError,
  MAX_FILTER_DEPTH,
  MAX_FILTER_LENGTH,
  type FilterNode,
  type FilterValue,
} from './types';

function describe(token: Token): string {
  return token.kind === 'eof' ? 'the end of the filter' : `'${token.text}'`;
}

// A Map, not an object literal: a lookup of `constructor` must not find Object.prototype's.
const KEYWORD_VALUES = new Map<string, FilterValue>([
  ['true', { type: 'boolean', value: true }],
  ['false', { type: 'boolean', value: false }],
  ['null', { type: 'null' }],
]);

/**
 * Recursive descent over the grammar
 *   or         := and ( -or and )*
 *   and        := unary ( -and unary )*
 *   unary      := -not unary | '(' or ')' | comparison
 *   comparison := identifier operator value
 * so `-and` binds tighter than `-or`. Chains are kept n-ary rather than nested, which keeps the
 * tree (and the compiler's recursion) as shallow as the parentheses make it.
 */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const token = this.peek();
    if (token.kind === 'rparen') {
      throw new FilterSyntaxError(`unexpected ')' without a matching '('`, token.position);
    }
    if (token.kind !== 'eof') {
      throw new FilterSyntaxError(`unexpected ${describe(token)}: expected -and, -or or the end of the filter`, token.position);
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private parseOr(): FilterNode {
    const operands = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): FilterNode {
    const operands = [this.parseUnary()];
    while (this.peek().kind === 'and') {
      this.next();
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseUnary(): FilterNode {
    const token = this.peek();
    if (token.kind === 'not') {
      this.enter(token);
      this.next();
      const operand = this.parseUnary();
      this.depth -= 1;
      return { kind: 'not', operand, position: token.position };
    }
    if (token.kind === 'lparen') return this.parseGroup(token);
    return this.parseComparison();
  }

  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > MAX_FILTER_DEPTH) {
      throw new FilterSyntaxError(`the filter is nested too deeply (at most ${MAX_FILTER_DEPTH} levels of parentheses and -not)`, token.position);
    }
  }

  private parseGroup(open: Token): FilterNode {
    this.enter(open);
    this.next();
    if (this.peek().kind === 'rparen') {
      throw new FilterSyntaxError(`empty parentheses: expected a comparison inside '( )'`, this.peek().position);
    }
    const inner = this.parseOr();
    const close = this.next();
    if (close.kind !== 'rparen') {
      throw new FilterSyntaxError(`expected ')' to close the '(' at position ${open.position} but found ${describe(close)}`, close.position);
    }
    this.depth -= 1;
    return inner;
  }

  private parseComparison(): FilterNode {
    const fieldToken = this.next();
    if (fieldToken.kind !== 'identifier') {
      throw new FilterSyntaxError(`expected a field name but found ${describe(fieldToken)}`, fieldToken.position);
    }
    const opToken = this.next();
    if (opToken.kind !== 'operator') {
      throw new FilterSyntaxError(
        `expected a comparison operator (-eq, -ne, -gt, -ge, -lt, -le, -contains, -startswith) after '${fieldToken.name}' but found ${describe(opToken)}`,
        opToken.position,
      );
    }
    const valueToken = this.next();
    return {
      kind: 'comparison',
      field: fieldToken.name,
      operator: opToken.operator,
      value: this.toValue(valueToken, opToken),
      position: fieldToken.position,
      operatorPosition: opToken.position,
      valuePosition: valueToken.position,
    };
  }

  private toValue(token: Token, opToken: Token): FilterValue {
    if (token.kind === 'string') return { type: 'string', value: token.value };
    if (token.kind === 'number') return { type: 'number', value: token.value };
    if (token.kind === 'identifier') {
      const keyword = KEYWORD_VALUES.get(token.name.toLowerCase());
      if (keyword) return keyword;
      throw new FilterSyntaxError(
        `expected a value after ${opToken.text} but found ${describe(token)} (put text values in quotes)`,
        token.position,
      );
    }
    throw new FilterSyntaxError(`expected a value after ${opToken.text} but found ${describe(token)}`, token.position);
  }
}

/** Parses filter text into a tree; throws FilterSyntaxError pointing at the offending token. */
export function parseFilter(text: string): FilterNode {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new FilterSyntaxError(`the filter is too long (${text.length} characters; at most ${MAX_FILTER_LENGTH})`, MAX_FILTER_LENGTH);
  }
  return new Parser(tokenize(text)).parse();
}
