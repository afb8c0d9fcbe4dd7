import type { BranchRepository } from '#shared/branches/branch-repository';
import { refId } from '#shared/enrollments/enrollment';
import type { EnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import type { Learner } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { type Evaluation, makeRulesetEvaluator } from './evaluate-ruleset';
import { coursesOf, type Ruleset } from './ruleset';

export interface RuleFactsDeps {
  learners: Pick<LearnerRepository, 'getMany'>;
  branches: Pick<BranchRepository, 'loadTree'>;
  enrollments: Pick<EnrollmentRepository, 'getMany'>;
}

/** Keys per BatchGetItem call. */
const BATCH_GET_KEYS = 100;

/**
 * Reads keys in slices of one BatchGetItem each, all slices at once: a chunk's 500 learners (or
 * memberships) cost one round trip instead of five in a row.
 */
export async function readInParallel<K, V>(keys: K[], read: (slice: K[]) => Promise<Map<string, V>>) {
  const slices = Array.from({ length: Math.ceil(keys.length / BATCH_GET_KEYS) }, (_, i) =>
    keys.slice(i * BATCH_GET_KEYS, (i + 1) * BATCH_GET_KEYS),
  );
  const maps = await Promise.all(slices.map(read));
  return new Map(maps.flatMap((m) => [...m]));
}

export interface Evaluated {
  learner: Learner;
  evaluation: Evaluation;
}

/**
 * Evaluates a ruleset for some learners of a tenant: reads the learners, the tenant's branch tree
 * (only when a branch rule needs it) and the learners' enrollments in the courses the ruleset names.
 * Learners that are not the tenant's are left out.
 */
export const makeEvaluateLearners =
  ({ learners, branches, enrollments }: RuleFactsDeps) =>
  async (tenant: string, ruleset: Ruleset, learnerUuids: string[]): Promise<Map<string, Evaluated>> => {
    const needsTree = ruleset.sets.some((s) =>
      s.rules.some((r) => r.type === 'branch' && r.payload.include_descendants),
    );
    const tree = needsTree ? (await branches.loadTree(tenant)).branches : [];
    const evaluate = makeRulesetEvaluator(ruleset, tree);
    const found = [...(await readInParallel(learnerUuids, (slice) => learners.getMany(tenant, slice))).values()];
    const refs = found.map((l) => ({ learnerUuid: l.learner_uuid }));
    const byCourse = new Map<string, Awaited<ReturnType<typeof enrollments.getMany>>>();
    for (const course of coursesOf(ruleset)) byCourse.set(course, await enrollments.getMany(tenant, course, refs));
    return new Map(
      found.map((learner) => {
        const facts = new Map(
          [...byCourse].flatMap(([course, map]) => {
            const e = map.get(refId({ learnerUuid: learner.learner_uuid }));
            return e ? [[course, e.status] as const] : [];
          }),
        );
        return [learner.learner_uuid, { learner, evaluation: evaluate(learner, facts) }];
      }),
    );
  };

export type EvaluateLearners = ReturnType<typeof makeEvaluateLearners>;

const matches = (evaluated: Map<string, Evaluated>, uuid: string) => evaluated.get(uuid)?.evaluation.matches ?? false;

/**
 * The learners whose decision (match or not) differs now from the one `decided` held: a learner
 * write, an enrollment change or a branch move raced the write that used it. A learner gone since
 * then counts as not matching. Re-reads the same facts as the first evaluation.
 */
export async function decisionsMoved(
  evaluate: EvaluateLearners,
  tenant: string,
  ruleset: Ruleset,
  decided: Map<string, Evaluated>,
  learnerUuids: string[],
): Promise<string[]> {
  const now = await evaluate(tenant, ruleset, learnerUuids);
  return learnerUuids.filter((u) => matches(now, u) !== matches(decided, u));
}

/** The match decisions of evaluated learners, for reconciling their rule memberships. */
export const decisionsOf = (evaluated: Map<string, Evaluated>, learnerUuids: string[]) =>
  learnerUuids.map((learnerUuid) => ({ learnerUuid, matches: matches(evaluated, learnerUuid) }));
