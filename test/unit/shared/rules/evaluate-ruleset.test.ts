import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Branch } from '#shared/branches/branch';
import type { Learner } from '#shared/learners/learner';
import { compare, makeRulesetEvaluator } from '#shared/rules/evaluate-ruleset';
import { type Rule, Ruleset, type RulesetInput } from '#shared/rules/ruleset';
import { aLearner, TENANT } from '../fakes';

const attr = (field: string, op: string, value?: unknown) =>
  ({ type: 'attribute', payload: value === undefined ? { field, op } : { field, op, value } }) as Rule;
const parse = (input: RulesetInput) => Ruleset.parse(input);
const matches = (input: RulesetInput, learner: Learner, branches: Branch[] = []) =>
  makeRulesetEvaluator(parse(input), branches)(learner).matches;
const one = (rule: Rule, learner: Learner) => matches({ operator: 'AND', sets: [{ rules: [rule] }] }, learner);

const branch = (branch_id: string, parent_id: string | null): Branch => ({
  branch_id,
  parent_id,
  enterprise_customer_uuid: TENANT,
  name: branch_id,
  created: '',
  modified: '',
});

describe('ruleset schema', () => {
  it('refuses an 11th set and names its path', () => {
    const sets = Array.from({ length: 11 }, () => ({ rules: [attr('email', 'is_not_empty')] }));
    const parsed = Ruleset.safeParse({ operator: 'OR', sets });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('sets.10');
  });

  it('refuses an 11th rule of a set and names its path', () => {
    const rules = Array.from({ length: 11 }, () => attr('email', 'is_not_empty'));
    const parsed = Ruleset.safeParse({ operator: 'AND', sets: [{ rules }] });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('sets.0.rules.10');
  });

  it('asks in/not_in for a list and comparisons for one value', () => {
    expect(Ruleset.safeParse({ operator: 'AND', sets: [{ rules: [attr('x', 'in', 'a')] }] }).success).toBe(false);
    expect(Ruleset.safeParse({ operator: 'AND', sets: [{ rules: [attr('x', 'gt')] }] }).success).toBe(false);
    expect(Ruleset.safeParse({ operator: 'AND', sets: [{ rules: [attr('x', 'is_empty', 1)] }] }).success).toBe(false);
  });

  it('excludes inactive learners by default', () => {
    expect(parse({ operator: 'AND', sets: [{ rules: [attr('x', 'is_empty')] }] }).exclude_inactive_learners).toBe(true);
  });
});

describe('attribute rules', () => {
  const ada = aLearner({ attributes: { department: 'Sales', level: '10', hired: '2024-03-01', score: 7 } });

  it('reads custom attributes by bare name or attributes.<name>, and learner fields by name', () => {
    expect(one(attr('department', 'equals', 'sales'), ada)).toBe(true);
    expect(one(attr('attributes.department', 'equals', 'SALES'), ada)).toBe(true);
    expect(one(attr('first_name', 'starts_with', 'ad'), ada)).toBe(true);
    expect(one(attr('email', 'contains', '@example'), ada)).toBe(true);
  });

  it('compares numbers as numbers and ISO dates as dates', () => {
    expect(one(attr('level', 'gt', 9), ada)).toBe(true); // '10' > '9' as strings would be false
    expect(one(attr('score', 'lte', '7'), ada)).toBe(true);
    expect(one(attr('hired', 'lt', '2024-03-01T00:00:01Z'), ada)).toBe(true);
    expect(one(attr('hired', 'gte', '2025-01-01'), ada)).toBe(false);
  });

  it('treats a missing attribute as empty: it equals nothing and is not equal to anything', () => {
    expect(one(attr('missing', 'is_empty'), ada)).toBe(true);
    expect(one(attr('missing', 'equals', ''), ada)).toBe(false);
    expect(one(attr('missing', 'not_equals', 'x'), ada)).toBe(true);
    expect(one(attr('missing', 'gt', 0), ada)).toBe(false);
    expect(one(attr('department', 'in', ['hr', 'sales']), ada)).toBe(true);
    expect(one(attr('department', 'not_in', ['hr', 'sales']), ada)).toBe(false);
  });
});

describe('branch and enrollment rules', () => {
  const tree = [branch('root', null), branch('emea', 'root'), branch('paris', 'emea')];

  it('matches a branch, and its descendants only when asked', () => {
    const learner = aLearner({ branch_id: 'paris' });
    const rule = (include_descendants: boolean) => ({
      operator: 'AND' as const,
      sets: [{ rules: [{ type: 'branch' as const, payload: { branch_ids: ['emea'], include_descendants } }] }],
    });
    expect(matches(rule(true), learner, tree)).toBe(true);
    expect(matches(rule(false), learner, tree)).toBe(false);
  });

  it('reads enrollment status, with not_enrolled covering no enrollment and unenrollment', () => {
    const ruleset = (status: 'enrolled' | 'not_enrolled' | 'completed') =>
      parse({
        operator: 'AND',
        sets: [{ rules: [{ type: 'enrollment_status', payload: { course_id: 'c1', status } }] }],
      });
    const learner = aLearner();
    const check = (
      status: 'enrolled' | 'not_enrolled' | 'completed',
      facts: Map<string, 'enrolled' | 'unenrolled' | 'completed'>,
    ) => makeRulesetEvaluator(ruleset(status))(learner, facts).matches;
    expect(check('enrolled', new Map([['c1', 'enrolled']]))).toBe(true);
    expect(check('completed', new Map([['c1', 'enrolled']]))).toBe(false);
    expect(check('not_enrolled', new Map())).toBe(true);
    expect(check('not_enrolled', new Map([['c1', 'unenrolled']]))).toBe(true);
    expect(check('not_enrolled', new Map([['c1', 'completed']]))).toBe(false);
  });

  it('leaves inactive learners out unless told otherwise, and says why', () => {
    const inactive = aLearner({ status: 'inactive' });
    const input = { operator: 'AND' as const, sets: [{ rules: [attr('email', 'is_not_empty')] }] };
    const evaluation = makeRulesetEvaluator(parse(input))(inactive);
    expect(evaluation).toMatchObject({ matches: false, excluded_inactive: true, sets: [{ result: true }] });
    expect(matches({ ...input, exclude_inactive_learners: false }, inactive)).toBe(true);
  });
});

describe('ruleset properties', () => {
  const departments = ['sales', 'hr', 'it', 'ops'];
  const learnerArb = fc
    .record({
      department: fc.constantFrom(...departments, ''),
      level: fc.integer({ min: 0, max: 20 }),
      first_name: fc.constantFrom('Ada', 'Alan', 'Grace', 'Linus'),
    })
    .map((a) =>
      aLearner({
        first_name: a.first_name,
        attributes: { department: a.department, level: a.level },
      }),
    );
  const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
    fc.constantFrom(...departments).map((d) => attr('department', 'equals', d)),
    fc.subarray(departments, { minLength: 1 }).map((d) => attr('department', 'not_in', d)),
    fc.integer({ min: 0, max: 20 }).map((n) => attr('level', 'gte', n)),
    fc.integer({ min: 0, max: 20 }).map((n) => attr('attributes.level', 'lt', String(n))),
    fc.constantFrom('a', 'g', 'l').map((p) => attr('first_name', 'starts_with', p)),
    fc.constant(attr('department', 'is_empty')),
  );
  const setArb = fc.array(ruleArb, { minLength: 1, maxLength: 10 }).map((rules) => ({ rules }));
  const setsArb = fc.array(setArb, { minLength: 1, maxLength: 10 });
  const learnersArb = fc.array(learnerArb, { minLength: 1, maxLength: 30 });

  const matching = (operator: 'AND' | 'OR', sets: { rules: Rule[] }[], learners: Learner[]) => {
    const evaluate = makeRulesetEvaluator(parse({ operator, sets }));
    return new Set(learners.filter((l) => evaluate(l).matches));
  };

  it('OR of sets matches the union of what each set matches', () => {
    fc.assert(
      fc.property(setsArb, learnersArb, (sets, learners) => {
        const union = new Set(sets.flatMap((s) => [...matching('AND', [s], learners)]));
        expect(matching('OR', sets, learners)).toEqual(union);
      }),
    );
  });

  it('AND of sets matches the intersection of what each set matches', () => {
    fc.assert(
      fc.property(setsArb, learnersArb, (sets, learners) => {
        const each = sets.map((s) => matching('AND', [s], learners));
        const intersection = new Set(learners.filter((l) => each.every((m) => m.has(l))));
        expect(matching('AND', sets, learners)).toEqual(intersection);
      }),
    );
  });

  it('does not depend on the order of rules or sets', () => {
    fc.assert(
      fc.property(setsArb, learnersArb, fc.constantFrom('AND' as const, 'OR' as const), (sets, learners, op) => {
        const shuffled = [...sets].reverse().map((s) => ({ rules: [...s.rules].reverse() }));
        expect(matching(op, shuffled, learners)).toEqual(matching(op, sets, learners));
      }),
    );
  });

  it('compares antisymmetrically', () => {
    const value = fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 5 }),
      fc.constantFrom('2024-01-01', '2025-06-30T10:00:00Z'),
    );
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [ab, ba] = [compare(a, b), compare(b, a)];
        if (ab === undefined) expect(ba).toBeUndefined();
        else expect(ab + (ba ?? 0) === 0).toBe(true);
      }),
    );
  });
});
