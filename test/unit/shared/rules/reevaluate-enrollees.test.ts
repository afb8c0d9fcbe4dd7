import { describe, expect, it } from 'vitest';
import type { Group } from '#shared/groups/group';
import type { Evaluated, EvaluateLearners } from '#shared/rules/load-rule-facts';
import type { ReconcileResult, RuleDecision } from '#shared/rules/reconcile-rule-members';
import { makeReevaluateEnrollees } from '#shared/rules/reevaluate-enrollees';
import { Ruleset } from '#shared/rules/ruleset';
import { aLearner, TENANT } from '../fakes';
import { anAutomaticGroup, fakeRuleGroups } from './fake-rule-groups';

const C1 = 'course-v1:edX+Demo+123';
const C2 = 'course-v1:edX+Demo2+456';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, 'c')}`;
const completed = (course: string) =>
  Ruleset.parse({
    operator: 'AND',
    sets: [{ rules: [{ type: 'enrollment_status', payload: { course_id: course, status: 'completed' } }] }],
  });

/**
 * Evaluation from a table of who matches (changeable between calls), and a reconcile that records
 * the decisions it was given per group and generation.
 */
function harness(groups: Group[]) {
  const store = fakeRuleGroups(groups);
  const matching = new Set<string>();
  let evaluations = 0;
  const evaluate: EvaluateLearners = async (_tenant, _ruleset, learnerUuids) => {
    evaluations++;
    const out = new Map<string, Evaluated>();
    for (const u of learnerUuids)
      out.set(u, {
        learner: aLearner({ learner_uuid: u }),
        evaluation: { matches: matching.has(u), excluded_inactive: false, sets: [] },
      });
    return out;
  };
  const written: { group: string; generation: number; decisions: RuleDecision[] }[] = [];
  let supersedeNext = false;
  const reconcile = async (group: Group, decisions: RuleDecision[]): Promise<ReconcileResult> => {
    if (supersedeNext) {
      supersedeNext = false;
      store.byId.get(group.group_uuid)!.rule_generation = (group.rule_generation ?? 0) + 1;
      return { outcomes: new Map(), written: new Set(), superseded: true };
    }
    written.push({ group: group.group_uuid, generation: group.rule_generation ?? 0, decisions });
    return { outcomes: new Map(), written: new Set(decisions.map((d) => d.learnerUuid)), superseded: false };
  };
  const run = makeReevaluateEnrollees({ groups: store, evaluate, reconcile });
  return {
    run,
    written,
    matching,
    evaluations: () => evaluations,
    supersedeOnce: () => (supersedeNext = true),
    evaluateHook: (fn: () => void) => {
      const inner = evaluate;
      return makeReevaluateEnrollees({
        groups: store,
        evaluate: async (...args) => {
          const r = await inner(...args);
          fn();
          return r;
        },
        reconcile,
      });
    },
  };
}

describe('re-evaluation after enrollment changes', () => {
  const groups = () => [
    anAutomaticGroup({ group_uuid: uuid(1), ruleset: completed(C1) }),
    anAutomaticGroup({ group_uuid: uuid(2), ruleset: completed(C2) }),
    anAutomaticGroup({ group_uuid: uuid(3) }),
    anAutomaticGroup({
      group_uuid: uuid(4),
      ruleset: completed(C1),
      rule_processing: {
        state: 'paused',
        status: 'succeeded',
        last_membership_update: null,
        error: null,
        job_id: null,
      },
    }),
    anAutomaticGroup({ group_uuid: uuid(5), ruleset: completed(C1), status: 'inactive' }),
  ];

  it('reconciles the changed learners only in active groups whose rules name the course', async () => {
    const h = harness(groups());
    h.matching.add('l1');
    await h.run(TENANT, [{ course_id: C1, learner_uuids: ['l1', 'l2'] }], { actor: 'staff-1' });
    expect(h.written).toEqual([
      {
        group: uuid(1),
        generation: 0,
        decisions: [
          { learnerUuid: 'l1', matches: true },
          { learnerUuid: 'l2', matches: false },
        ],
      },
    ]);
  });

  it('reads nothing when no learner changed', async () => {
    const h = harness(groups());
    await h.run(TENANT, [{ course_id: C1, learner_uuids: [] }], { actor: 'staff-1' });
    expect(h.evaluations()).toBe(0);
    expect(h.written).toEqual([]);
  });

  it('reconciles a large change in slices of at most 500 learners, each learner once', async () => {
    const h = harness(groups());
    const many = Array.from({ length: 1_200 }, (_, i) => `l${i}`);
    await h.run(TENANT, [{ course_id: C1, learner_uuids: [...many, 'l0'] }], { actor: 'staff-1' });
    expect(h.written.map((w) => w.decisions.length)).toEqual([500, 500, 200]);
    expect(new Set(h.written.flatMap((w) => w.decisions.map((d) => d.learnerUuid))).size).toBe(1_200);
  });

  it('writes again a learner whose decision moved while it was being written', async () => {
    const h = harness(groups());
    let first = true;
    const racing = h.evaluateHook(() => {
      // A completion lands right after the first evaluation read the learner as not completed.
      if (first) h.matching.add('l1');
      first = false;
    });
    await racing(TENANT, [{ course_id: C1, learner_uuids: ['l1', 'l2'] }], { actor: 'staff-1' });
    expect(h.written.map((w) => w.decisions)).toEqual([
      [
        { learnerUuid: 'l1', matches: false },
        { learnerUuid: 'l2', matches: false },
      ],
      [{ learnerUuid: 'l1', matches: true }],
    ]);
  });

  it('re-reads a group a recalculation moved on, and writes under its new generation', async () => {
    const h = harness(groups());
    h.supersedeOnce();
    await h.run(TENANT, [{ course_id: C2, learner_uuids: ['l1'] }], { actor: 'staff-1' });
    expect(h.written).toEqual([{ group: uuid(2), generation: 1, decisions: [{ learnerUuid: 'l1', matches: false }] }]);
  });
});
