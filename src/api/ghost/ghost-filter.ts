import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import { FilterSyntaxError, type CompareOp, type FilterNode, type Literal } from './nql.js';
import { fromGhostId, type GhostIdKind } from './ghost-id.js';

/** One condition as a field handler sees it: `=`/`!=` carry a list (in / not in). */
export interface Condition {
  field: string;
  op: CompareOp;
  values: Literal[];
}

export type FieldHandler<EB> = (eb: EB, cond: Condition) => Expression<SqlBool>;

/**
 * Turns a parsed filter into a Kysely condition, field by field, through the
 * resource's handlers. Every value is bound as a parameter by Kysely.
 */
export function compileFilter<EB extends ExpressionBuilder<any, any>>(node: FilterNode, handlers: Record<string, FieldHandler<EB>>, resource: string): (eb: EB) => Expression<SqlBool> {
  // check every field first, so a bad filter fails before any query runs
  const check = (n: FilterNode): void => {
    if (n.type === 'and' || n.type === 'or') return n.nodes.forEach(check);
    if (!handlers[n.field]) throw new FilterSyntaxError(`The filter field "${n.field}" is not supported for ${resource}. Supported: ${Object.keys(handlers).join(', ')}.`);
  };
  check(node);
  const build = (eb: EB, n: FilterNode): Expression<SqlBool> => {
    if (n.type === 'and') return eb.and(n.nodes.map((c) => build(eb, c)));
    if (n.type === 'or') return eb.or(n.nodes.map((c) => build(eb, c)));
    const cond: Condition = n.type === 'in' ? { field: n.field, op: n.negate ? '!=' : '=', values: n.values } : { field: n.field, op: n.op, values: [n.value] };
    return handlers[n.field]!(eb, cond);
  };
  return (eb) => build(eb, node);
}

function onlyEquality(cond: Condition) {
  if (cond.op !== '=' && cond.op !== '!=') throw new FilterSyntaxError(`The filter field "${cond.field}" can only be matched (field:value or field:-value), not compared with ${cond.op}.`);
}

/** String values (slugs, names); numbers typed bare are read back as text. */
export function textValues(cond: Condition): string[] {
  onlyEquality(cond);
  return cond.values.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    throw new FilterSyntaxError(`The filter field "${cond.field}" needs text values, not ${String(v)}.`);
  });
}

/** Integer ids behind Ghost ids; an id that is not one of ours matches nothing. */
export function idValues(cond: Condition, kind: GhostIdKind): number[] {
  return textValues(cond).map((v) => fromGhostId(kind, v) ?? -1);
}

/** A date for comparing against stored ISO text: accepts '2026-11-20', '2026-11-20 10:00:00' and full ISO. */
export function dateValue(cond: Condition): string {
  const [v] = cond.values;
  if (cond.values.length !== 1 || typeof v !== 'string') throw new FilterSyntaxError(`The filter field "${cond.field}" needs one date, such as '2026-11-20' or '2026-11-20 10:00:00'.`);
  const normal = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v) ? v.replace(' ', 'T') + 'Z' : v;
  const t = /^\d{4}-\d{2}-\d{2}/.test(normal) ? Date.parse(normal) : NaN;
  if (Number.isNaN(t)) throw new FilterSyntaxError(`The filter field "${cond.field}" needs a date such as '2026-11-20' or '2026-11-20 10:00:00', not "${v}".`);
  return new Date(t).toISOString();
}

export function booleanValue(cond: Condition): boolean {
  onlyEquality(cond);
  const [v] = cond.values;
  if (cond.values.length !== 1 || typeof v !== 'boolean') throw new FilterSyntaxError(`The filter field "${cond.field}" needs true or false.`);
  return cond.op === '=' ? v : !v;
}

/** `= list` keeps the positive condition (IN), `!= list` negates it (NOT IN). */
export function matchList<EB extends ExpressionBuilder<any, any>>(eb: EB, cond: Condition, positive: Expression<SqlBool>): Expression<SqlBool> {
  return cond.op === '!=' ? eb.not(positive) : positive;
}

/** A column compared with a date: >, >=, <, <=, or equal. */
export function dateCompare<EB extends ExpressionBuilder<any, any>>(eb: EB, column: string, cond: Condition): Expression<SqlBool> {
  const value = dateValue(cond);
  const op = cond.op === '!=' ? '<>' : cond.op;
  return eb(eb.ref(column), op, value) as Expression<SqlBool>;
}

/** Handlers for the values every resource accepts and always matches (we serve public content only). */
export function constantField<EB extends ExpressionBuilder<any, any>>(expected: string): FieldHandler<EB> {
  return (eb, cond) => {
    const values = textValues(cond);
    const hit = values.includes(expected);
    return eb.lit(cond.op === '=' ? hit : !hit) as unknown as Expression<SqlBool>;
  };
}

export type ArticlesEB = ExpressionBuilder<Database, 'articles'>;
