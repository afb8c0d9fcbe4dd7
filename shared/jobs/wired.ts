import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { makeBulkEnrollOrQueue, makeChangeParticipantsOrQueue } from '#shared/enrollments/enrollment-jobs';
import { makeCoursesOfJob } from '#shared/enrollments/courses-of-job';
import { makePlanModuleEnrollment } from '#shared/enrollments/learning-module-jobs';
import { exportSourceKey, makeExportGroupMembers } from '#shared/groups/export-group-members';
import { makeImportedGroups } from '#shared/imports/imported-groups';
import { objectStore } from '#shared/imports/object-store';
import { presignedLinks } from '#shared/imports/presigned-links';
import { makeStartCsvImport } from '#shared/imports/start-csv-import';
import { makeWriteRefusedImportResults } from '#shared/imports/write-import-results';
import { verifyUpload } from '#shared/imports/wired';
import { makeBulkUpsertOrQueue } from '#shared/learners/bulk-upsert-or-queue';
import { makeAssignOrQueue } from '#shared/memberships/assign-or-queue';
import { makeRemoveOrQueue } from '#shared/memberships/remove-or-queue';
import { once } from '#shared/once';
import { batches, branches, enrollments, groups, history, jobs, learners, memberships } from '#shared/repositories';
import { applyBulkEnrollment, planRecalculation } from '#shared/rules/wired';
import { applyBatchParticipants, assignLearners, bulkUpsertLearners, removeLearners } from '#shared/wiring';
import { throttle } from '#shared/throttle/wired';
import { makeEndDeadLetteredJob } from './end-dead-lettered-job';
import { makeFailDeadLetteredChunk } from './fail-dead-lettered-chunk';
import { makeFinishJob } from './finish-job';
import { makePlanJob } from './plan-job';
import { makeAbortJob } from './abort-job';
import { makeGetJob, makeListJobResults, makeListJobs } from './read-jobs';
import { makeRevertJob, targetGroupsOf } from './revert-job';
import { makeStartJob } from './start-job';
import { abortDeps, finishFileJob, renderMembersCsv } from './wired-chunk-workers';
import { sendChunks } from './send-chunks';
import { makeStartMembershipJob } from './start-membership-job';

/*
 * The job engine wired: requests that become jobs past their sync limit, CSV imports and exports,
 * job reads (the chunk workers: wired-chunk-workers.ts). One export per use case, each built on first use (see
 * shared/once.ts), so that e.g. a job read carries no CSV parser and no other domain.
 */

/** The chunks of a listed job (a module enrollment's members): never a file job's. */
const enqueueListed = (jobId: string, chunks: number[]) =>
  sendChunks({ job_id: jobId, kind: 'enroll_learning_modules' }, chunks);
/**
 * The finish step of the jobs API requests start (startJob runs it at once for an empty job). Their
 * source is `api`, so there is no results file to write (an S3 import's) nor a sweep to run (a
 * recalculation's): like `finish` for such a job, it only turns the job final. Apart from `finish`
 * so that the request handlers carry neither the S3 client nor the CSV writer.
 */
const finishRequestedJob = /* @__PURE__ */ once(() => makeFinishJob(jobs(), async () => {}, systemClock));
const startJob = /* @__PURE__ */ once(() =>
  makeStartJob(jobs(), sendChunks, (id) => finishRequestedJob()(id), systemClock, randomIds),
);
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

/** The worker that lists a job's rows: a recalculation's learners, a learning-module enrollment's members. */
export const planJob = /* @__PURE__ */ once(() =>
  makePlanJob({
    jobs: jobs(),
    planners: {
      recalculate_group: (job, options) => planRecalculation()(job, options),
      enroll_learning_modules: makePlanModuleEnrollment({
        jobs: jobs(),
        memberships: memberships(),
        enqueue: enqueueListed,
        finish: (id) => finishRequestedJob()(id),
        clock: systemClock,
      }),
    },
  }),
);

export const startCsvImport = /* @__PURE__ */ once(() =>
  makeStartCsvImport({
    jobs: jobs(),
    enqueue: sendChunks,
    finish: (id) => finishFileJob()(id),
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
export const failDeadLetteredChunk = /* @__PURE__ */ once(() =>
  makeFailDeadLetteredChunk({ jobs: jobs(), enqueue: sendChunks }),
);

export const getJob = /* @__PURE__ */ once(() => makeGetJob(jobs()));
export const listJobs = /* @__PURE__ */ once(() => makeListJobs(jobs()));
export const listJobResults = /* @__PURE__ */ once(() => makeListJobResults(jobs()));
export const abortJob = /* @__PURE__ */ once(() => makeAbortJob(abortDeps()));

/** POST /jobs/{id}/revert: a `revert` job undoing what an ended job changed. */
export const revertJob = /* @__PURE__ */ once(() =>
  makeRevertJob({
    jobs: jobs(),
    history: history(),
    groupsOf: async (job) =>
      job.kind === 'import_group_members'
        ? makeImportedGroups({
            jobs: jobs(),
            getGroup: (id) => groups().get(id),
            findGroup: (tenant, kind, value) => groups().findByUnique(tenant, kind, value),
          })(job)
        : (targetGroupsOf(job) ?? []),
    startJob: startJob(),
    clock: systemClock,
    enrollments: { audit: enrollments(), coursesOf: makeCoursesOfJob({ batches: batches(), jobs: jobs() }) },
  }),
);
export const resultsDownloadUrl = (bucket: string, key: string) => presignedLinks().presignedGet(bucket, key);
