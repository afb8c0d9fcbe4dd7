import { type Branch, descendantsOf } from '#shared/branches/branch';
import type { Learner } from '#shared/learners/learner';
import type { Rule, Ruleset } from './ruleset';

/** A learner's enrollment status per course id (only the courses the ruleset names are needed). */
export type EnrollmentFacts = ReadonlyMap<string, 'enrolled' | 'unenrolled' | 'allowed' | 'completed'>;

export interface RuleResult {
  type: Rule['type'];
  payload: Rule['payload'];
  result: boolean;
  /** What the rule looked at on this learner (a field's value, the branch, the enrollment status). */
  observed: unknown;
}

export interface Evaluation {
  matches: boolean;
  /** true when the learner is inactive and the ruleset excludes inactive learners. */
  excluded_inactive: boolean;
  sets: { result: boolean; rules: RuleResult[] }[];
}

export type EvaluateLearner = (learner: Learner, enrollments?: EnrollmentFacts) => Evaluation;

/** Learner fields an attribute rule may name directly; any other bare name is a custom attribute. */
export const LEARNER_FIELDS = [
  'learner_uuid',
  'email',
  'username',
  'first_name',
  'last_name',
  'employee_id',
  'state_id',
  'branch_id',
  'status',
  'created',
  'modified',
] as const;

/** The value a field names: a learner field, `attributes.<name>`, or a bare custom attribute name. */
export function observe(learner: Learner, field: string): unknown {
  if ((LEARNER_FIELDS as readonly string[]).includes(field)) return learner[field as keyof Learner];
  const name = field.startsWith('attributes.') ? field.slice('attributes.'.length) : field;
  return Object.hasOwn(learner.attributes ?? {}, name) ? learner.attributes[name] : null;
}

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Compares two values as numbers when both are numbers (or numeric strings), as instants when both
 * are ISO dates, else as trimmed case-insensitive strings. `undefined` when either side is empty.
 */
export function compare(a: unknown, b: unknown): number | undefined {
  if (isEmpty(a) || isEmpty(b)) return undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && NUMBER.test(v) ? Number(v) : NaN);
  const [na, nb] = [num(a), num(b)];
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return Math.sign(na - nb);
  const date = (v: unknown) => (typeof v === 'string' && ISO_DATE.test(v.trim()) ? Date.parse(v.trim()) : NaN);
  const [da, db] = [date(a), date(b)];
  if (!Number.isNaN(da) && !Number.isNaN(db)) return Math.sign(da - db);
  const [sa, sb] = [text(a), text(b)];
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

const text = (v: unknown) => String(v).trim().toLocaleLowerCase('en-US');

function attributeHolds(op: string, observed: unknown, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  switch (op) {
    case 'is_empty':
      return isEmpty(observed);
    case 'is_not_empty':
      return !isEmpty(observed);
    case 'equals':
    case 'in':
      return values.some((v) => compare(observed, v) === 0);
    case 'not_equals':
    case 'not_in':
      return !values.some((v) => compare(observed, v) === 0);
    case 'contains':
      return !isEmpty(observed) && text(observed).includes(text(value));
    case 'starts_with':
      return !isEmpty(observed) && text(observed).startsWith(text(value));
    default: {
      const c = compare(observed, value);
      if (c === undefined) return false;
      return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
    }
  }
}

/**
 * The branch ids each branch rule accepts in a tenant's tree (its branches, with their descendants
 * when `include_descendants`), per set and rule; undefined for rules of other types.
 */
export function branchScopes(ruleset: Ruleset, branches: readonly Branch[]): (Set<string> | undefined)[][] {
  return ruleset.sets.map((s) =>
    s.rules.map((r) =>
      r.type === 'branch'
        ? new Set(
            r.payload.include_descendants
              ? r.payload.branch_ids.flatMap((id) => descendantsOf([...branches], id))
              : r.payload.branch_ids,
          )
        : undefined,
    ),
  );
}

/**
 * Whether a change of the branch tree changes what a ruleset means: some branch rule accepts other
 * branches in `after` than in `before`. Only then can a branch move change who matches, since
 * every other rule reads the learner alone.
 */
export function branchScopesDiffer(ruleset: Ruleset, before: readonly Branch[], after: readonly Branch[]): boolean {
  const [old, next] = [branchScopes(ruleset, before), branchScopes(ruleset, after)];
  return old.some((rules, i) =>
    rules.some((scope, j) => {
      const other = next[i]![j];
      return scope !== undefined && (scope.size !== other!.size || [...scope].some((id) => !other!.has(id)));
    }),
  );
}

/**
 * Prepares a ruleset for many learners (branch rules resolve their descendants once against the
 * tenant's tree) and returns a pure evaluator. Every rule is evaluated, so the result explains
 * itself; a set holds when all its rules hold; AND needs every set, OR at least one.
 */
export function makeRulesetEvaluator(ruleset: Ruleset, branches: readonly Branch[] = []): EvaluateLearner {
  const branchSets = branchScopes(ruleset, branches);
  return (learner, enrollments = new Map()) => {
    const sets = ruleset.sets.map((s, i) => {
      const rules = s.rules.map((rule, j): RuleResult => {
        if (rule.type === 'attribute') {
          const observed = observe(learner, rule.payload.field);
          return { ...rule, observed, result: attributeHolds(rule.payload.op, observed, rule.payload.value) };
        }
        if (rule.type === 'branch') {
          const observed = learner.branch_id;
          return { ...rule, observed, result: observed !== null && branchSets[i]![j]!.has(observed) };
        }
        const status = enrollments.get(rule.payload.course_id) ?? null;
        const result =
          rule.payload.status === 'not_enrolled'
            ? status !== 'enrolled' && status !== 'completed'
            : status === rule.payload.status;
        return { ...rule, observed: status, result };
      });
      return { result: rules.every((r) => r.result), rules };
    });
    const combined = ruleset.operator === 'AND' ? sets.every((s) => s.result) : sets.some((s) => s.result);
    const excluded = ruleset.exclude_inactive_learners && learner.status === 'inactive';
    return { matches: combined && !excluded, excluded_inactive: excluded, sets };
  };
}
