import { COMPARISON_OPERATORS, FilterSyntaxError, type ComparisonOperator } from './types';

interface TokenBase {
  position: number;
  /** The source text of the token, for error messages. */
  text: string;
}

export type Token =
  | (TokenBase & { kind: 'lparen' | 'rparen' | 'eof' | 'and' | 'or' | 'not' })
  | (TokenBase & { kind: 'operator'; operator: ComparisonOperator })
  | (TokenBase & { kind: 'string'; value: string })
  | (TokenBase & { kind: 'number'; value: number })
  | (TokenBase & { kind: 'identifier'; name: string });

const WHITESPACE = /\s/;
const DIGIT = /[0-9]/;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.]*/y;
// Digits, letters and dots right after a number mean a malformed literal such as `1.2.3` or `12abc`.
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_.])/y;
const NUMBER_LIKE = /-?[0-9A-Za-z_.]*/y;
// The word after `-` takes digits and underscores too, so that `-eq1` is reported, not read as `-eq 1`.
const DASH_WORD = /-[A-Za-z0-9_]*/y;

function matchAt(pattern: RegExp, text: string, position: number): string | null {
  pattern.lastIndex = position;
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

function lexString(text: string, start: number): Token {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === quote) {
      return { kind: 'string', value, position: start, text: text.slice(start, i + 1) };
    }
    // Only the quote character and the backslash are escapable; any other backslash is literal,
    // so Windows paths and regex-looking text need no doubling.
    if (ch === '\\' && (text[i + 1] === quote || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
    } else {
      value += ch;
      i += 1;
    }
  }
  throw new FilterSyntaxError(`unterminated string: missing the closing ${quote}`, start);
}

function lexNumber(text: string, start: number): Token {
  const raw = matchAt(NUMBER, text, start);
  if (raw === null) {
    const bad = matchAt(NUMBER_LIKE, text, start) ?? text[start];
    throw new FilterSyntaxError(`invalid number '${bad}'`, start);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new FilterSyntaxError(`number '${raw}' is out of range`, start);
  return { kind: 'number', value, position: start, text: raw };
}

function lexDash(text: string, start: number): Token {
  if (DIGIT.test(text[start + 1] ?? '')) return lexNumber(text, start);
  const raw = matchAt(DASH_WORD, text, start) ?? '-';
  const word = raw.slice(1).toLowerCase();
  if (word === 'and' || word === 'or' || word === 'not') return { kind: word, position: start, text: raw };
  const operator = COMPARISON_OPERATORS.find((op) => op === word);
  if (operator) return { kind: 'operator', operator, position: start, text: raw };
  if (word === '') throw new FilterSyntaxError(`expected an operator name after '-'`, start);
  const known = [...COMPARISON_OPERATORS, 'and', 'or', 'not'].map((op) => '-' + op).join(', ');
  throw new FilterSyntaxError(`unknown operator '${raw}'; known operators: ${known}`, start);
}

function lexToken(text: string, start: number): Token {
  const ch = text[start];
  if (ch === '(') return { kind: 'lparen', position: start, text: ch };
  if (ch === ')') return { kind: 'rparen', position: start, text: ch };
  if (ch === '"' || ch === "'") return lexString(text, start);
  if (ch === '-') return lexDash(text, start);
  if (DIGIT.test(ch)) return lexNumber(text, start);
  const name = matchAt(IDENTIFIER, text, start);
  if (name !== null) return { kind: 'identifier', name, position: start, text: name };
  throw new FilterSyntaxError(`unexpected character '${ch}'`, start);
}

/** Splits the filter text into tokens; the last one is always `eof` at `text.length`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (WHITESPACE.test(text[i])) {
      i += 1;
      continue;
    }
    const token = lexToken(text, i);
    tokens.push(token);
    i += token.text.length;
  }
  tokens.push({ kind: 'eof', position: text.length, text: '' });
  return tokens;
}
