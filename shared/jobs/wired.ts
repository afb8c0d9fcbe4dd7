import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import type { UniqueKind } from '#shared/db/keys';
import {
  makeApplyBulkEnrollRows,
  makeApplyParticipantRows,
  makeBulkEnrollOrQueue,
  makeChangeParticipantsOrQueue,
} from '#shared/enrollments/enrollment-jobs';
import { makeCoursesOfJob } from '#shared/enrollments/courses-of-job';
import { makeRevertEnrollmentChanges } from '#shared/enrollments/revert-enrollment-changes';
import { makeApplyModuleEnrollmentRows, makePlanModuleEnrollment } from '#shared/enrollments/learning-module-jobs';
import { exportSourceKey, makeExportGroupMembers, makeRenderMembersCsv } from '#shared/groups/export-group-members';
import { makeApplyBatchParticipantCsvRows, makeApplyEnrollmentCsvRows } from '#shared/imports/apply-enrollment-rows';
import { makeApplyGroupMemberRows, resolveGroup } from '#shared/imports/apply-group-member-rows';
import { objectStore } from '#shared/imports/object-store';
import { presignedLinks } from '#shared/imports/presigned-links';
import { makeStartCsvImport } from '#shared/imports/start-csv-import';
import { makeWriteImportResults, makeWriteRefusedImportResults } from '#shared/imports/write-import-results';
import { verifyUpload } from '#shared/imports/wired';
import { makeBulkUpsertOrQueue } from '#shared/learners/bulk-upsert-or-queue';
import { makeAssignOrQueue } from '#shared/memberships/assign-or-queue';
import { makeRemoveOrQueue } from '#shared/memberships/remove-or-queue';
import { makeRevertMemberChanges } from '#shared/memberships/revert-member-changes';
import { once } from '#shared/once';
import { sendJsonBatch } from '#shared/queue/send-json';
import { batches, branches, enrollments, groups, history, jobs, learners, memberships } from '#shared/repositories';
import {
  applyBulkEnrollment,
  applyRecalculationRows,
  endAbortedRun,
  finishPendingRemovals,
  planRecalculation,
  reevaluateEnrollees,
  sweepRuleMembers,
} from '#shared/rules/wired';
import { applyBatchParticipants, assignLearners, bulkUpsertLearners, putLearner, removeLearners } from '#shared/wiring';
import { throttle } from '#shared/throttle/wired';
import { makeApplyExportRows } from './apply-export-rows';
import { makeApplyJobChunk } from './apply-job-chunk';
import { makeApplyLearnerRows } from './apply-learner-rows';
import { makeApplyMembershipRows } from './apply-membership-rows';
import { makeApplyRevertRows } from './apply-revert-rows';
import { makeEndDeadLetteredJob } from './end-dead-lettered-job';
import { makeFailDeadLetteredChunk } from './fail-dead-lettered-chunk';
import { makeFinishJob } from './finish-job';
import { makePlanJob } from './plan-job';
import type { Job } from './job';
import { makeAbortJob, makeSettleAbortedJob } from './abort-job';
import { makeGetJob, makeListJobResults, makeListJobs } from './read-jobs';
import { makeRevertJob, targetGroupsOf } from './revert-job';
import { makeStartJob } from './start-job';
import { makeStartMembershipJob } from './start-membership-job';

/*
 * The job engine wired: requests that become jobs past their sync limit, the chunk worker, CSV
 * imports and exports, job reads. One export per use case, each built on first use (see
 * shared/once.ts), so that e.g. a job read carries no CSV parser and no other domain.
 */

const enqueue = (jobId: string, chunks: number[]) =>
  sendJsonBatch(
    config.jobChunksQueueUrl,
    chunks.map((chunk) => ({ job_id: jobId, chunk })),
  );
const writeImportResults = /* @__PURE__ */ once(() => makeWriteImportResults({ jobs: jobs(), objects: objectStore }));
/** Job kinds whose chunks may leave removals pending for the removal guard. */
const REMOVING: readonly Job['kind'][] = ['remove_learners', 'import_group_members'];

/**
 * The finish step of a job: a recalculation sweeps its stale rule members; a bulk removal or a
 * group-members import makes (or holds) its pending removals; an import then writes its results file.
 */
const finish = /* @__PURE__ */ once(() =>
  makeFinishJob(
    jobs(),
    async (job) => {
      if (job.kind === 'recalculate_group') return sweepRuleMembers()(job);
      if (REMOVING.includes(job.kind) && (await finishPendingRemovals()(job)) === 'held') return 'held';
      await writeImportResults()(job);
    },
    systemClock,
  ),
);
/**
 * The finish step of the jobs API requests start (startJob runs it at once for an empty job). Their
 * source is `api`, so there is no results file to write (an S3 import's) nor a sweep to run (a
 * recalculation's): like `finish` for such a job, it only turns the job final. Apart from `finish`
 * so that the request handlers carry neither the S3 client nor the CSV writer.
 */
const finishRequestedJob = /* @__PURE__ */ once(() => makeFinishJob(jobs(), async () => {}, systemClock));
const startJob = /* @__PURE__ */ once(() =>
  makeStartJob(jobs(), enqueue, (id) => finishRequestedJob()(id), systemClock, randomIds),
);
const renderMembersCsv = /* @__PURE__ */ once(() => makeRenderMembersCsv(memberships(), learners()));
const startMembershipJob = /* @__PURE__ */ once(() => makeStartMembershipJob(groups(), startJob(), throttle()));

/** assign_learners: synchronous up to 1000 learners (sources expanded), else a job. */
export const assignOrQueue = /* @__PURE__ */ once(() =>
  makeAssignOrQueue({
    groups: groups(),
    learners: learners(),
    branches: branches(),
    memberships: memberships(),
    assign: assignLearners(),
    startJob: startMembershipJob(),
  }),
);

/** remove_learners: synchronous up to 1000 identifiers, else a job. */
export const removeOrQueue = /* @__PURE__ */ once(() =>
  makeRemoveOrQueue({
    remove: removeLearners(),
    startJob: startMembershipJob(),
    groups: groups(),
    memberships: memberships(),
  }),
);

/** learners/bulk, rate-limited per caller and tenant whether it answers at once or as a job. */
export const bulkUpsertOrQueue = /* @__PURE__ */ once(() =>
  makeBulkUpsertOrQueue({ upsert: bulkUpsertLearners(), throttle: throttle(), startJob: startJob(), ids: randomIds }),
);

/** What an aborted job drove ends with it: a recalculation's run on its group (the only such kind). */
const abortDeps = () => ({ jobs: jobs(), onAborted: (job: Job) => endAbortedRun()(job), clock: systemClock });

export const applyJobChunk = /* @__PURE__ */ once(() => {
  const membershipRows = makeApplyMembershipRows(assignLearners(), removeLearners());
  const learnerRowsApplier = makeApplyLearnerRows(putLearner(), (tenant, emails) =>
    learners().findUuids(tenant, 'EMAIL', emails),
  );
  return makeApplyJobChunk({
    jobs: jobs(),
    finish: (id) => finish()(id),
    settleAborted: makeSettleAbortedJob(abortDeps()),
    // A held import cancelled: its results file (the adds made, the removals `removal_cancelled`), once.
    settleCancelled: async (job) => {
      if (job.results_key === null) await writeImportResults()(job);
    },
    appliers: {
      assign_learners: membershipRows,
      remove_learners: membershipRows,
      upsert_learners: learnerRowsApplier,
      import_learners: learnerRowsApplier,
      bulk_enroll: makeApplyBulkEnrollRows(applyBulkEnrollment()),
      batch_participants: makeApplyParticipantRows(applyBatchParticipants()),
      import_enrollments: makeApplyEnrollmentCsvRows(applyBulkEnrollment()),
      import_batch_participants: makeApplyBatchParticipantCsvRows({
        apply: applyBatchParticipants(),
        getBatch: (id) => batches().get(id),
      }),
      export_members: makeApplyExportRows(renderMembersCsv(), objectStore, jobs()),
      recalculate_group: applyRecalculationRows(),
      enroll_learning_modules: makeApplyModuleEnrollmentRows(groups(), makeApplyBulkEnrollRows(applyBulkEnrollment())),
      import_group_members: makeApplyGroupMemberRows({
        assign: assignLearners(),
        remove: removeLearners(),
        getGroup: (id) => groups().get(id),
        findGroup: (tenant, kind, value) => groups().findByUnique(tenant, kind, value),
        findLearners: (tenant, kind, values) => learners().findUuids(tenant, kind, values),
      }),
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

/** The worker that lists a job's rows: a recalculation's learners, a learning-module enrollment's members. */
export const planJob = /* @__PURE__ */ once(() =>
  makePlanJob({
    jobs: jobs(),
    planners: {
      recalculate_group: (job, options) => planRecalculation()(job, options),
      enroll_learning_modules: makePlanModuleEnrollment({
        jobs: jobs(),
        memberships: memberships(),
        enqueue,
        finish: (id) => finishRequestedJob()(id),
        clock: systemClock,
      }),
    },
  }),
);

export const startCsvImport = /* @__PURE__ */ once(() =>
  makeStartCsvImport({
    jobs: jobs(),
    enqueue,
    finish: (id) => finish()(id),
    objects: objectStore,
    verify: verifyUpload(),
    writeRefusal: makeWriteRefusedImportResults({ jobs: jobs(), objects: objectStore }),
    clock: systemClock,
    maxBytes: config.maxImportBytes,
  }),
);

/** How many of a group's recent export jobs are looked at for reuse (a GET starts one at most). */
const EXPORT_REUSE_CANDIDATES = 20;

export const exportGroupMembers = /* @__PURE__ */ once(() =>
  makeExportGroupMembers({
    groups: groups(),
    render: renderMembersCsv(),
    startJob: (caller, tenant, target) =>
      startJob()(
        {
          tenant,
          kind: 'export_members',
          target: { ...target, results_bucket: config.importsBucket },
          source: { type: 'api', route: 'export_members', caller: caller.sub },
          sourceKey: exportSourceKey(target.group_uuid),
          createdBy: caller.sub,
        },
        [{ index: 0, input: { identifier: target.group_uuid } }],
      ),
    recentJobs: (tenant, groupUuid, since) =>
      jobs().recentBySource(tenant, exportSourceKey(groupUuid), since, EXPORT_REUSE_CANDIDATES),
    clock: systemClock,
    maxSync: config.maxSyncExport,
    throttle: throttle(),
  }),
);

/** bulk_enroll over MAX_SYNC_PAIRS identifier×course pairs → a `bulk_enroll` job. */
export const bulkEnrollOrQueue = /* @__PURE__ */ once(() =>
  makeBulkEnrollOrQueue({
    apply: applyBulkEnrollment(),
    throttle: (caller, tenant) => throttle()('bulk_enroll', caller, tenant),
    ids: randomIds,
    startJob: startJob(),
  }),
);

/** participants/add|remove over MAX_SYNC_PAIRS identifiers → a `batch_participants` job. */
export const changeParticipantsOrQueue = /* @__PURE__ */ once(() =>
  makeChangeParticipantsOrQueue({
    batches: batches(),
    apply: applyBatchParticipants(),
    ids: randomIds,
    startJob: startJob(),
  }),
);

/** The dead-letter consumer of the job producers' queues: ends the jobs they left queued. */
export const endDeadLetteredJob = /* @__PURE__ */ once(() =>
  makeEndDeadLetteredJob({ jobs: jobs(), clock: systemClock }),
);

/** The dead-letter consumer of the chunks' queue: records the chunks their workers left unrecorded. */
export const failDeadLetteredChunk = /* @__PURE__ */ once(() => makeFailDeadLetteredChunk({ jobs: jobs(), enqueue }));

export const getJob = /* @__PURE__ */ once(() => makeGetJob(jobs()));
export const listJobs = /* @__PURE__ */ once(() => makeListJobs(jobs()));
export const listJobResults = /* @__PURE__ */ once(() => makeListJobResults(jobs()));
export const abortJob = /* @__PURE__ */ once(() => makeAbortJob(abortDeps()));

/** The groups a group-members import named: its rows' `group` cells, resolved as the import did. */
async function importedGroups(job: Job): Promise<string[]> {
  const found = new Set<string>();
  const cells = new Set<string>();
  for (let chunk = 0; chunk < (job.chunks_total ?? 0); chunk++)
    for (const row of (await jobs().getChunk(job.job_id, chunk)) ?? []) cells.add(String(row.input.group ?? '').trim());
  const ports = {
    getGroup: (id: string) => groups().get(id),
    findGroup: (tenant: string, kind: UniqueKind, value: string) => groups().findByUnique(tenant, kind, value),
  };
  for (const cell of cells) {
    const group = cell ? await resolveGroup(ports, job.enterprise_customer_uuid, cell) : undefined;
    if (group) found.add(group.group_uuid);
  }
  return [...found];
}

/** POST /jobs/{id}/revert: a `revert` job undoing what an ended job changed. */
export const revertJob = /* @__PURE__ */ once(() =>
  makeRevertJob({
    jobs: jobs(),
    history: history(),
    groupsOf: async (job) => (job.kind === 'import_group_members' ? importedGroups(job) : (targetGroupsOf(job) ?? [])),
    startJob: startJob(),
    clock: systemClock,
    enrollments: { audit: enrollments(), coursesOf: makeCoursesOfJob({ batches: batches(), jobs: jobs() }) },
  }),
);
export const resultsDownloadUrl = (bucket: string, key: string) => presignedLinks().presignedGet(bucket, key);
