import { systemClock } from '#shared/clock';
import { makeApplyBulkEnrollRows, makeApplyParticipantRows } from '#shared/enrollments/enrollment-jobs';
import { makeRevertEnrollmentChanges } from '#shared/enrollments/revert-enrollment-changes';
import { makeApplyModuleEnrollmentRows } from '#shared/enrollments/learning-module-jobs';
import { makeRenderMembersCsv } from '#shared/groups/export-group-members';
import { makeApplyBatchParticipantCsvRows, makeApplyEnrollmentCsvRows } from '#shared/imports/apply-enrollment-rows';
import { makeApplyGroupMemberRows } from '#shared/imports/apply-group-member-rows';
import { objectStore } from '#shared/imports/object-store';
import { makeWriteImportResults } from '#shared/imports/write-import-results';
import { makeRevertMemberChanges } from '#shared/memberships/revert-member-changes';
import { once } from '#shared/once';
import { batches, enrollments, groups, jobs, learners, memberships } from '#shared/repositories';
import {
  applyBulkEnrollment,
  applyRecalculationRows,
  endAbortedRun,
  finishPendingRemovals,
  reevaluateEnrollees,
  sweepRuleMembers,
} from '#shared/rules/wired';
import { applyBatchParticipants, assignLearners, putLearner, removeLearners } from '#shared/wiring';
import { makeApplyExportRows } from './apply-export-rows';
import { makeApplyJobChunk } from './apply-job-chunk';
import { makeApplyLearnerRows } from './apply-learner-rows';
import { makeApplyMembershipRows } from './apply-membership-rows';
import { makeApplyRevertRows } from './apply-revert-rows';
import { makeFinishJob } from './finish-job';
import type { Job } from './job';
import { makeSettleAbortedJob } from './abort-job';

/*
 * The two chunk workers wired, and how a job finishes: the file jobs' (CSV imports, exports: the S3
 * signer and the results writer) and the others' (API bulk calls, recalculations, reverts), which
 * carries neither.
 */

const writeImportResults = /* @__PURE__ */ once(() => makeWriteImportResults({ jobs: jobs(), objects: objectStore }));

/** Job kinds whose chunks may leave removals pending for the removal guard. */
const REMOVING: readonly Job['kind'][] = ['remove_learners', 'import_group_members'];

const holdsRemovals = async (job: Job) =>
  REMOVING.includes(job.kind) && (await finishPendingRemovals()(job)) === 'held';
/**
 * The finish step of a file job: a group-members import makes (or holds) its pending removals, then an
 * import writes its results file.
 */
export const finishFileJob = /* @__PURE__ */ once(() =>
  makeFinishJob(jobs(), async (job) => ((await holdsRemovals(job)) ? 'held' : writeImportResults()(job)), systemClock),
);
/** The finish step of the other jobs: a recalculation sweeps its stale rule members; a bulk removal makes (or holds) its pending removals. */
const finishJob = /* @__PURE__ */ once(() =>
  makeFinishJob(
    jobs(),
    async (job) => {
      if (job.kind === 'recalculate_group') return sweepRuleMembers()(job);
      if (await holdsRemovals(job)) return 'held';
    },
    systemClock,
  ),
);

export const renderMembersCsv = /* @__PURE__ */ once(() => makeRenderMembersCsv(memberships(), learners()));

/** What an aborted job drove ends with it: a recalculation's run on its group (the only such kind). */
export const abortDeps = () => ({ jobs: jobs(), onAborted: (job: Job) => endAbortedRun()(job), clock: systemClock });

/** The chunk worker of the jobs that read and write no file: API bulk calls, recalculations, reverts. */
export const applyJobChunk = /* @__PURE__ */ once(() => {
  const membershipRows = makeApplyMembershipRows(assignLearners(), removeLearners());
  const bulkEnrollRows = makeApplyBulkEnrollRows(applyBulkEnrollment());
  return makeApplyJobChunk({
    jobs: jobs(),
    finish: (id) => finishJob()(id),
    settleAborted: makeSettleAbortedJob(abortDeps()),
    appliers: {
      assign_learners: membershipRows,
      remove_learners: membershipRows,
      upsert_learners: learnerRows(),
      bulk_enroll: bulkEnrollRows,
      batch_participants: makeApplyParticipantRows(applyBatchParticipants()),
      recalculate_group: applyRecalculationRows(),
      enroll_learning_modules: makeApplyModuleEnrollmentRows(groups(), bulkEnrollRows),
      revert: makeApplyRevertRows(
        makeRevertMemberChanges({ groups: groups(), memberships: memberships(), clock: systemClock }),
        makeRevertEnrollmentChanges({
          enrollments: enrollments(),
          clock: systemClock,
          onEnrollmentsChanged: (tenant, changes, context) => reevaluateEnrollees()(tenant, changes, context),
        }),
      ),
    },
  });
});

/** The chunk worker of the file jobs (CSV imports, exports): it writes an import's results file when it finishes one. */
export const applyFileJobChunk = /* @__PURE__ */ once(() =>
  makeApplyJobChunk({
    jobs: jobs(),
    finish: (id) => finishFileJob()(id),
    settleAborted: makeSettleAbortedJob(abortDeps()),
    // A held import cancelled: its results file (the adds made, the removals `removal_cancelled`), once.
    settleCancelled: async (job) => {
      if (job.results_key === null) await writeImportResults()(job);
    },
    appliers: {
      import_learners: learnerRows(),
      import_enrollments: makeApplyEnrollmentCsvRows(applyBulkEnrollment()),
      import_batch_participants: makeApplyBatchParticipantCsvRows({
        apply: applyBatchParticipants(),
        getBatch: (id) => batches().get(id),
      }),
      export_members: makeApplyExportRows(renderMembersCsv(), objectStore, jobs()),
      import_group_members: makeApplyGroupMemberRows({
        assign: assignLearners(),
        remove: removeLearners(),
        getGroup: (id) => groups().get(id),
        findGroup: (tenant, kind, value) => groups().findByUnique(tenant, kind, value),
        findLearners: (tenant, kind, values) => learners().findUuids(tenant, kind, values),
      }),
    },
  }),
);

const learnerRows = /* @__PURE__ */ once(() =>
  makeApplyLearnerRows(putLearner(), (tenant, emails) => learners().findUuids(tenant, 'EMAIL', emails)),
);
