import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import type { Group, RulePorts } from '#shared/groups/group';
import type { GuardHold, Job } from '#shared/jobs/job';
import { makeFinishPendingRemovals } from '#shared/memberships/finish-pending-removals';
import { makeRemoveMembers } from '#shared/memberships/remove-learners';
import { makeFinishJob } from '#shared/jobs/finish-job';
import { sendChunks } from '#shared/jobs/send-chunks';
import { once } from '#shared/once';
import { sendJsonBatch } from '#shared/queue/send-json';
import { type EnrollGroupMembers, makeEnrollGroupMembers } from '#shared/enrollments/enroll-group-members';
import { buildApplyBulkEnrollment } from '#shared/enrollments/wired';
import { throttle } from '#shared/throttle/wired';
import { branches, enrollments, groups, jobs, learners, memberships, rulesetHistory } from '#shared/repositories';
import { makeApplyRecalculationRows } from './apply-recalculation-rows';
import { makeFanOutRecalculations } from './fan-out-recalculations';
import { makeEndAbortedRun } from './end-aborted-run';
import { makeEvaluateLearners } from './load-rule-facts';
import { makePlanRecalculation } from './plan-recalculation';
import {
  makeExplainMembership,
  makeListConditionsHistory,
  makePreviewRuleset,
  makeRecalculateGroup,
} from './read-rules';
import { makeRecalculateOnBranchMove } from './recalculate-on-branch-move';
import { makeReconcileRuleMembers } from './reconcile-rule-members';
import { makeReevaluateEnrollees } from './reevaluate-enrollees';
import { makeReevaluateLearner } from './reevaluate-learner';
import { makeStartRecalculation } from './start-recalculation';
import { makeStartScheduledRecalculation } from './start-scheduled-recalculation';
import { makeSweepRuleMembers } from './sweep-rule-members';
import { makeApproveRemovals, makeCancelRemovals } from './decide-removals';
import { makeRemovalGuardStore } from './removal-guard';
import { db } from '#shared/db/client';
import { makeNotificationQueue } from '#shared/notifications/notification-queue';
import { removalsHeldNotifications } from '#shared/notifications/removals-held';

/*
 * Automatic groups, wired: recalculation, its chunks and sweep, incremental evaluation,
 * preview, explain. One export per use case, each built on first use (see shared/once.ts).
 *
 * The domain's one feedback loop is closed here and nowhere else: an enrollment change re-evaluates
 * the groups with enrollment rules, whose reconcile enrolls the learners it adds in the group's
 * learning modules, which is an enrollment change. The bulk enrollment is built here with the
 * re-evaluation as its reaction, and everything above (shared/wiring.ts, the jobs) takes it from here,
 * so the modules import only downward.
 */

/** bulk_enroll's per-chunk application (and the learning modules'): enrollment rules follow what it changes. */
export const applyBulkEnrollment = /* @__PURE__ */ once(() =>
  buildApplyBulkEnrollment((tenant, changes, context) => reevaluateEnrollees()(tenant, changes, context)),
);

/**
 * Group learning modules: members an assign names or the rules add are enrolled in the group's
 * auto-enroll courses.
 */
export const enrollInModules = /* @__PURE__ */ once((): EnrollGroupMembers =>
  makeEnrollGroupMembers({ groups: groups(), apply: applyBulkEnrollment(), ids: randomIds }),
);

const evaluateLearners = /* @__PURE__ */ once(() =>
  makeEvaluateLearners({ learners: learners(), branches: branches(), enrollments: enrollments() }),
);
const reconcile = /* @__PURE__ */ once(() =>
  makeReconcileRuleMembers({
    memberships: memberships(),
    clock: systemClock,
    ids: randomIds,
    // Learners the rules add are enrolled in the group's auto-enroll learning modules.
    enrollInModules: (group, members, context) => enrollInModules()(group, members, context),
  }),
);

/** The mass-removal guard's hold, approval and cancellation (job, group run and history in one transaction each). */
const removalGuard = /* @__PURE__ */ once(() => makeRemovalGuardStore(db, config.tableName));
const notificationOutbox = /* @__PURE__ */ once(() => makeNotificationQueue(() => config.notificationsQueueUrl));

/** The guard's hold as the finish steps use it: the group's notification e-mails are told that removals wait. */
const guardDeps = () => ({
  store: removalGuard(),
  learners: learners(),
  notify: (group: Group, job: Job, hold: GuardHold) =>
    notificationOutbox()(removalsHeldNotifications(group, job, hold, systemClock.now())),
});

export const sweepRuleMembers = /* @__PURE__ */ once(() =>
  makeSweepRuleMembers({
    groups: groups(),
    memberships: memberships(),
    jobs: jobs(),
    clock: systemClock,
    guard: guardDeps(),
  }),
);

/** The finish step of a bulk removal job or a group-members import: its pending removals, counted against the guard. */
export const finishPendingRemovals = /* @__PURE__ */ once(() =>
  makeFinishPendingRemovals({
    groups: groups(),
    memberships: memberships(),
    jobs: jobs(),
    removeMembers: makeRemoveMembers({ groups: groups(), memberships: memberships(), clock: systemClock }),
    clock: systemClock,
    guard: guardDeps(),
  }),
);

/** Cancels a held job a newer run of its group superseded. */
const cancelHeld = async (jobId: string, actor: string) => {
  const job = await jobs().get(jobId);
  if (job?.status !== 'awaiting_approval') return;
  const reason = 'a newer recalculation of the group superseded it and decides the removals; nothing was removed';
  await removalGuard().cancel(job, actor, systemClock.now(), reason);
};

/** Approving held removals: the job's last chunk is delivered again, so its finish step (the sweep) runs. */
export const approveRemovals = /* @__PURE__ */ once(() =>
  makeApproveRemovals({
    jobs: jobs(),
    store: removalGuard(),
    resumeFinish: (job) => sendChunks(job, [Math.max(0, (job.chunks_total ?? 1) - 1)]),
    clock: systemClock,
  }),
);

export const cancelRemovals = /* @__PURE__ */ once(() =>
  makeCancelRemovals({
    jobs: jobs(),
    store: removalGuard(),
    clock: systemClock,
    // A cancelled import still gets its results file: its last chunk delivered again, the worker writes it.
    afterCancel: async (job) => {
      if (job.source.type === 's3') await sendChunks(job, [Math.max(0, (job.chunks_total ?? 1) - 1)]);
    },
  }),
);

/** A recalculation's job ends with the sweep. */
const finishRecalculation = /* @__PURE__ */ once(() =>
  makeFinishJob(jobs(), (job) => sweepRuleMembers()(job), systemClock),
);

const startRecalculation = /* @__PURE__ */ once(() =>
  makeStartRecalculation({
    groups: groups(),
    jobs: jobs(),
    enqueuePlan: (jobId) => sendJsonBatch(config.jobPlansQueueUrl, [{ job_id: jobId }]),
    clock: systemClock,
    ids: randomIds,
    cancelHeld,
  }),
);

/** The run's producer, in a worker: the tenant's learners into chunks on the job-chunks queue. */
export const planRecalculation = /* @__PURE__ */ once(() =>
  makePlanRecalculation({
    jobs: jobs(),
    groups: groups(),
    learners: learners(),
    enqueue: (jobId, chunks) => sendChunks({ job_id: jobId, kind: 'recalculate_group' }, chunks),
    finish: finishRecalculation(),
    clock: systemClock,
  }),
);

/** The ports group create/update use for automatic groups. */
export const rulePorts = /* @__PURE__ */ once((): RulePorts => ({
  startRecalculation: (caller, group) => startRecalculation()(caller, group),
}));

export const recalculateGroup = /* @__PURE__ */ once(() =>
  makeRecalculateGroup(groups(), startRecalculation(), (...args) => throttle()(...args)),
);

export const listConditionsHistory = /* @__PURE__ */ once(() =>
  makeListConditionsHistory({ groups: groups(), rulesetHistory: rulesetHistory() }),
);

export const previewRuleset = /* @__PURE__ */ once(() =>
  makePreviewRuleset({
    groups: groups(),
    learners: learners(),
    memberships: memberships(),
    evaluate: evaluateLearners(),
    throttle: (...args) => throttle()(...args),
  }),
);

export const explainMembership = /* @__PURE__ */ once(() =>
  makeExplainMembership({ groups: groups(), memberships: memberships(), evaluate: evaluateLearners() }),
);

export const reevaluateLearner = /* @__PURE__ */ once(() =>
  makeReevaluateLearner({ groups: groups(), evaluate: evaluateLearners(), reconcile: reconcile() }),
);

/** A branch created under a parent or moved: recalculates the groups whose branch rules it changes. */
export const recalculateOnBranchMove = /* @__PURE__ */ once(() =>
  makeRecalculateOnBranchMove({ groups: groups(), start: startRecalculation() }),
);

/** The schedule's tick: one message per active automatic group on the recalculations queue. */
export const fanOutRecalculations = /* @__PURE__ */ once(() =>
  makeFanOutRecalculations({
    groups: groups(),
    send: (messages) => sendJsonBatch(config.recalculationsQueueUrl, messages),
  }),
);

export const startScheduledRecalculation = /* @__PURE__ */ once(() =>
  makeStartScheduledRecalculation({ groups: groups(), start: startRecalculation() }),
);

/** Enrollment changes (completion, bulk_enroll, batch participants): groups with enrollment rules follow. */
export const reevaluateEnrollees = /* @__PURE__ */ once(() =>
  makeReevaluateEnrollees({ groups: groups(), evaluate: evaluateLearners(), reconcile: reconcile() }),
);

export const applyRecalculationRows = /* @__PURE__ */ once(() =>
  makeApplyRecalculationRows({ groups: groups(), evaluate: evaluateLearners(), reconcile: reconcile() }),
);

/** An aborted recalculation job ends its group's run (`rule_processing.status: aborted`). */
export const endAbortedRun = /* @__PURE__ */ once(() => makeEndAbortedRun({ groups: groups(), clock: systemClock }));
