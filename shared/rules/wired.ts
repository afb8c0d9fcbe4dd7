import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { makeEnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import { makeFinishJob } from '#shared/jobs/finish-job';
import { makeJobRepository } from '#shared/jobs/job-repository';
import { sendJsonBatch } from '#shared/queue/send-json';
import { makeBranchRepository } from '#shared/branches/branch-repository';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeApplyRecalculationRows } from './apply-recalculation-rows';
import { makeEvaluateLearners } from './load-rule-facts';
import { makeReconcileRuleMembers } from './reconcile-rule-members';
import { makeRulesetHistoryRepository, rulesetVersionPut } from './ruleset-history-repository';
import type { RulePorts } from '#shared/groups/group';
import {
  makeExplainMembership,
  makeListConditionsHistory,
  makePreviewRuleset,
  makeRecalculateGroup,
} from './read-rules';
import { makeRecalculateOnBranchMove } from './recalculate-on-branch-move';
import { makeReevaluateEnrollees } from './reevaluate-enrollees';
import { makeReevaluateLearner } from './reevaluate-learner';
import { makeFanOutRecalculations } from './fan-out-recalculations';
import { makePlanRecalculation } from './plan-recalculation';
import { makeStartRecalculation } from './start-recalculation';
import { makeStartScheduledRecalculation } from './start-scheduled-recalculation';
import { makeSweepRuleMembers } from './sweep-rule-members';

const once = <T>(build: () => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

/** Its own repositories (not shared/wiring's), so that shared/wiring can use these use cases without a cycle. */
const repositories = once(() => ({
  groups: makeGroupRepository(db, config.tableName),
  memberships: makeMembershipRepository(db, config.tableName),
  learners: makeLearnerRepository(db, config.tableName),
  branches: makeBranchRepository(db, config.tableName),
  enrollments: makeEnrollmentRepository(db, config.tableName),
  rulesetHistory: makeRulesetHistoryRepository(db, config.tableName),
  jobs: makeJobRepository(db, config.tableName),
}));

const evaluateLearners = once(() => makeEvaluateLearners(repositories()));
const reconcile = once(() =>
  makeReconcileRuleMembers({ memberships: repositories().memberships, clock: systemClock, ids: randomIds }),
);
const sweepRuleMembers = once(() => makeSweepRuleMembers({ ...repositories(), clock: systemClock }));

/** A recalculation's job ends with the sweep. */
const finishRecalculation = once(() =>
  makeFinishJob(repositories().jobs, (job) => sweepRuleMembers()(job), systemClock),
);

const startRecalculation = once(() =>
  makeStartRecalculation({
    groups: repositories().groups,
    jobs: repositories().jobs,
    enqueuePlan: (jobId) => sendJsonBatch(config.recalculationPlansQueueUrl, [{ job_id: jobId }]),
    clock: systemClock,
    ids: randomIds,
  }),
);

/** The run's producer, in a worker: the tenant's learners into chunks on the job-chunks queue. */
const planRecalculation = once(() =>
  makePlanRecalculation({
    ...repositories(),
    enqueue: (jobId, chunks) =>
      sendJsonBatch(
        config.jobChunksQueueUrl,
        chunks.map((chunk) => ({ job_id: jobId, chunk })),
      ),
    finish: finishRecalculation(),
    clock: systemClock,
  }),
);

/** Automatic groups (issue 5): recalculation, its chunks and sweep, incremental evaluation, preview, explain. */
export const ruleUseCases = {
  repositories,
  evaluateLearners,
  reconcile,
  sweepRuleMembers,
  startRecalculation,
  planRecalculation,
  /** The ports group create/update use for automatic groups. */
  rulePorts: once((): RulePorts => ({
    versionPut: (v) => rulesetVersionPut(config.tableName, v),
    startRecalculation: (caller, group) => startRecalculation()(caller, group),
  })),
  recalculateGroup: once(() => makeRecalculateGroup(repositories().groups, startRecalculation())),
  listConditionsHistory: once(() => makeListConditionsHistory(repositories())),
  previewRuleset: once(() => makePreviewRuleset({ ...repositories(), evaluate: evaluateLearners() })),
  explainMembership: once(() => makeExplainMembership({ ...repositories(), evaluate: evaluateLearners() })),
  reevaluateLearner: once(() =>
    makeReevaluateLearner({ groups: repositories().groups, evaluate: evaluateLearners(), reconcile: reconcile() }),
  ),
  /** A branch created under a parent or moved: recalculates the groups whose branch rules it changes. */
  recalculateOnBranchMove: once(() =>
    makeRecalculateOnBranchMove({ groups: repositories().groups, start: startRecalculation() }),
  ),
  /** The schedule's tick: one message per active automatic group on the recalculations queue. */
  fanOutRecalculations: once(() =>
    makeFanOutRecalculations({
      groups: repositories().groups,
      send: (messages) => sendJsonBatch(config.recalculationsQueueUrl, messages),
    }),
  ),
  startScheduledRecalculation: once(() =>
    makeStartScheduledRecalculation({ groups: repositories().groups, start: startRecalculation() }),
  ),
  /** Enrollment changes (completion, bulk_enroll, batch participants): groups with enrollment rules follow. */
  reevaluateEnrollees: once(() =>
    makeReevaluateEnrollees({ groups: repositories().groups, evaluate: evaluateLearners(), reconcile: reconcile() }),
  ),
  applyRecalculationRows: once(() =>
    makeApplyRecalculationRows({ groups: repositories().groups, evaluate: evaluateLearners(), reconcile: reconcile() }),
  ),
};
