/**
 * A parser for the part of Ghost's filter language (NQL) that clients use:
 *
 *   tag:news                 field:value
 *   tags:[news,sport]        any of a list
 *   tag:-news  tag:-[a,b]    not
 *   published_at:>'2026-01-01'   >, >=, <, <= (dates and numbers)
 *   featured:true            true, false, null, numbers, 'quoted strings'
 *   a+b   a,b   (a,b)+c      + is AND, ',' is OR, + binds tighter, parentheses group
 *
 * It yields a small tree; ghost-filter.ts turns the tree into Kysely
 * conditions with bound values. Nothing here ever becomes SQL text.
 */
export type Literal = string | number | boolean | null;
export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type FilterNode =
  | { type: 'and'; nodes: FilterNode[] }
  | { type: 'or'; nodes: FilterNode[] }
  | { type: 'compare'; field: string; op: CompareOp; value: Literal }
  | { type: 'in'; field: string; negate: boolean; values: Literal[] };

export class FilterSyntaxError extends Error {}

export const FILTER_LIMITS = { length: 2000, conditions: 50, depth: 8, listItems: 100 } as const;

/** Parses a filter; throws FilterSyntaxError with a message fit for the client. */
export function parseFilter(input: string): FilterNode {
  if (input.length > FILTER_LIMITS.length) throw new FilterSyntaxError(`The filter is longer than ${FILTER_LIMITS.length} characters.`);
  const p = new Parser(input);
  const node = p.expression(0);
  p.skipSpace();
  if (!p.done()) throw p.error('unexpected');
  return node;
}

class Parser {
  private pos = 0;
  private conditions = 0;
  constructor(private readonly s: string) {}

  done() {
    return this.pos >= this.s.length;
  }
  skipSpace() {
    while (!this.done() && /\s/.test(this.s[this.pos]!)) this.pos++;
  }
  peek() {
    this.skipSpace();
    return this.s[this.pos];
  }
  error(what: 'unexpected' | 'expected', thing = ''): FilterSyntaxError {
    const at = this.done() ? 'at the end' : `at character ${this.pos + 1} ("${this.s.slice(this.pos, this.pos + 12)}")`;
    return new FilterSyntaxError(what === 'expected' ? `The filter is not valid: expected ${thing} ${at}.` : `The filter is not valid: unexpected text ${at}.`);
  }

  expression(depth: number): FilterNode {
    if (depth > FILTER_LIMITS.depth) throw new FilterSyntaxError(`The filter nests parentheses more than ${FILTER_LIMITS.depth} deep.`);
    const ors = [this.conjunction(depth)];
    while (this.peek() === ',') {
      this.pos++;
      ors.push(this.conjunction(depth));
    }
    return ors.length === 1 ? ors[0]! : { type: 'or', nodes: ors };
  }

  private conjunction(depth: number): FilterNode {
    const ands = [this.atom(depth)];
    while (this.peek() === '+') {
      this.pos++;
      ands.push(this.atom(depth));
    }
    return ands.length === 1 ? ands[0]! : { type: 'and', nodes: ands };
  }

  private atom(depth: number): FilterNode {
    if (this.peek() === '(') {
      this.pos++;
      const inner = this.expression(depth + 1);
      if (this.peek() !== ')') throw this.error('expected', 'a closing ")"');
      this.pos++;
      return inner;
    }
    if (++this.conditions > FILTER_LIMITS.conditions) throw new FilterSyntaxError(`The filter has more than ${FILTER_LIMITS.conditions} conditions.`);
    const field = this.field();
    if (this.peek() !== ':') throw this.error('expected', `":" after "${field}"`);
    this.pos++;
    this.skipSpace();
    let op: CompareOp = '=';
    const two = this.s.slice(this.pos, this.pos + 2);
    if (two === '>=' || two === '<=') {
      op = two;
      this.pos += 2;
    } else if (this.s[this.pos] === '>' || this.s[this.pos] === '<') {
      op = this.s[this.pos] as '>' | '<';
      this.pos++;
    } else if (this.s[this.pos] === '-') {
      op = '!=';
      this.pos++;
    }
    if (this.peek() === '[') {
      if (op !== '=' && op !== '!=') throw this.error('unexpected');
      return { type: 'in', field, negate: op === '!=', values: this.list() };
    }
    return { type: 'compare', field, op, value: this.literal() };
  }

  private field(): string {
    this.skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.s.slice(this.pos));
    if (!m) throw this.error('expected', 'a field name');
    this.pos += m[0].length;
    return m[0].toLowerCase();
  }

  private list(): Literal[] {
    this.pos++; // [
    const values: Literal[] = [this.literal()];
    while (this.peek() === ',') {
      this.pos++;
      values.push(this.literal());
      if (values.length > FILTER_LIMITS.listItems) throw new FilterSyntaxError(`A list in the filter has more than ${FILTER_LIMITS.listItems} values.`);
    }
    if (this.peek() !== ']') throw this.error('expected', 'a closing "]"');
    this.pos++;
    return values;
  }

  private literal(): Literal {
    const c = this.peek();
    if (c === "'" || c === '"') {
      this.pos++;
      let out = '';
      while (!this.done() && this.s[this.pos] !== c) {
        if (this.s[this.pos] === '\\' && this.pos + 1 < this.s.length) this.pos++;
        out += this.s[this.pos++];
      }
      if (this.done()) throw new FilterSyntaxError('The filter is not valid: a quoted value is not closed.');
      this.pos++;
      return out;
    }
    const m = /^[^\s'",+()[\]:]+/.exec(this.s.slice(this.pos));
    if (!m) throw this.error('expected', 'a value');
    this.pos += m[0].length;
    const word = m[0];
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
    return word;
  }
}
