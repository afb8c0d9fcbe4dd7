import type { Caller } from '#shared/auth/caller';
import { assertAdministers } from '#shared/auth/caller';
import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { makeApplyGroupMemberRows } from '#shared/imports/apply-group-member-rows';
import { makeApplyBatchParticipantCsvRows, makeApplyEnrollmentCsvRows } from '#shared/imports/apply-enrollment-rows';
import {
  makeApplyBulkEnrollRows,
  makeApplyParticipantRows,
  makeBulkEnrollOrQueue,
  makeChangeParticipantsOrQueue,
} from '#shared/enrollments/enrollment-jobs';
import { objectStore } from '#shared/imports/object-store';
import { makeStartCsvImport } from '#shared/imports/start-csv-import';
import { makeWriteImportResults } from '#shared/imports/write-import-results';
import { MAX_SYNC_LEARNERS } from '#shared/learners/schemas';
import { MAX_SYNC_IDENTIFIERS } from '#shared/memberships/schemas';
import type { IdentifierInput } from '#shared/memberships/resolve-members';
import type { AssignInput } from '#shared/memberships/assign-learners';
import { expandMemberSources } from '#shared/memberships/expand-member-sources';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import { sendJsonBatch } from '#shared/queue/send-json';
import { ruleUseCases } from '#shared/rules/wired';
import { useCases } from '#shared/wiring';
import { makeExportGroupMembers, makeRenderMembersCsv } from '#shared/groups/export-group-members';
import { makeApplyExportRows } from './apply-export-rows';
import { makeApplyJobChunk } from './apply-job-chunk';
import { makeApplyLearnerRows } from './apply-learner-rows';
import { makeApplyMembershipRows } from './apply-membership-rows';
import { makeFinishJob } from './finish-job';
import type { JobRow } from './job';
import { makeJobRepository } from './job-repository';
import { makeAbortJob, makeGetJob, makeListJobResults, makeListJobs } from './read-jobs';
import { makeStartJob } from './start-job';
import { makeStartMembershipJob } from './start-membership-job';
import { syncOrJob } from './sync-or-job';

const once = <T>(build: () => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

const jobs = once(() => makeJobRepository(db, config.tableName));
const enqueue = (jobId: string, chunks: number[]) =>
  sendJsonBatch(
    config.jobChunksQueueUrl,
    chunks.map((chunk) => ({ job_id: jobId, chunk })),
  );
const writeImportResults = once(() => makeWriteImportResults({ jobs: jobs(), objects: objectStore }));
/** The finish step of a job: a recalculation sweeps its stale rule members; an import writes its results file. */
const finish = once(() =>
  makeFinishJob(
    jobs(),
    (job) => (job.kind === 'recalculate_group' ? ruleUseCases.sweepRuleMembers()(job) : writeImportResults()(job)),
    systemClock,
  ),
);
const startJob = once(() => makeStartJob(jobs(), enqueue, (id) => finish()(id), systemClock, randomIds));
const renderMembersCsv = once(() =>
  makeRenderMembersCsv(useCases.repositories().memberships, useCases.repositories().learners),
);
const startMembershipJob = once(() => makeStartMembershipJob(useCases.repositories().groups, startJob()));

/** Learner rows of a large bulk upsert: each gets a new uuid now (stored with the row, so replays reuse it). */
function learnerRows(rows: unknown[]): JobRow[] {
  const seen = new Set<string>();
  return rows.map((input, index) => {
    const record = (input ?? {}) as Record<string, unknown>;
    const row: JobRow = { index, input: record, derived_id: randomIds.uuid() };
    const keys = [record.learner_uuid, record.email]
      .filter((k) => typeof k === 'string')
      .map((k) => String(k).trim().toLowerCase());
    if (keys.some((k) => seen.has(k)))
      row.rejected = { outcome: 'duplicate_in_request', message: 'an earlier row names the same learner or e-mail' };
    keys.forEach((k) => seen.add(k));
    return row;
  });
}

const identifierCount = (input: IdentifierInput) =>
  (input.learner_uuids?.length ?? 0) + (input.learner_emails?.length ?? 0);

export const jobUseCases = {
  /**
   * Sync up to 1000 members, else a job. Branches and groups are expanded first so that their size
   * counts; the job's rows are the explicit identifiers plus the expanded learners (each once), and
   * the call's home_group / permissions travel with the job.
   */
  assignOrQueue: () => async (caller: Caller, groupUuid: string, input: AssignInput) => {
    const { groups, learners, branches, memberships } = useCases.repositories();
    const hasSources = (input.branch_ids?.length ?? 0) + (input.group_uuids?.length ?? 0) > 0;
    const group = hasSources ? await loadAdministeredGroup(groups, caller, groupUuid) : undefined;
    const expanded = group
      ? await expandMemberSources(
          { groups, learners, branches, memberships },
          group.enterprise_customer_uuid,
          groupUuid,
          input,
        )
      : { learnerUuids: [], rejected: [] };
    const named = new Set((input.learner_uuids ?? []).map((u) => u.trim().toLowerCase()));
    const learnerUuids = [...(input.learner_uuids ?? []), ...expanded.learnerUuids.filter((u) => !named.has(u))];
    const { home_group, permissions } = input;
    return syncOrJob(
      learnerUuids.length + (input.learner_emails?.length ?? 0),
      MAX_SYNC_IDENTIFIERS,
      () => useCases.assignLearners()(caller, groupUuid, input),
      () =>
        startMembershipJob()(
          caller,
          groupUuid,
          'assign_learners',
          { learner_uuids: learnerUuids, learner_emails: input.learner_emails },
          { rejected: expanded.rejected, settings: { home_group, permissions } },
        ),
    );
  },
  removeOrQueue: () => (caller: Caller, groupUuid: string, input: IdentifierInput & { remove_all?: boolean }) =>
    syncOrJob(
      identifierCount(input),
      MAX_SYNC_IDENTIFIERS,
      () => useCases.removeLearners()(caller, groupUuid, input),
      () => startMembershipJob()(caller, groupUuid, 'remove_learners', input),
    ),
  bulkUpsertOrQueue: () => (caller: Caller, tenant: string, rows: unknown[]) =>
    syncOrJob(
      rows.length,
      MAX_SYNC_LEARNERS,
      () => useCases.bulkUpsertLearners()(caller, tenant, rows),
      async () => {
        assertAdministers(caller, tenant);
        return startJob()(
          {
            tenant,
            kind: 'upsert_learners',
            source: { type: 'api', route: 'learners_bulk', caller: caller.sub },
            sourceKey: 'api:learners_bulk',
            createdBy: caller.sub,
          },
          learnerRows(rows),
        );
      },
    ),
  applyJobChunk: once(() => {
    const { groups, learners } = useCases.repositories();
    const membershipRows = makeApplyMembershipRows(useCases.assignLearners(), useCases.removeLearners());
    const learnerRowsApplier = makeApplyLearnerRows(useCases.putLearner(), (tenant, emails) =>
      learners.findUuids(tenant, 'EMAIL', emails),
    );
    return makeApplyJobChunk({
      jobs: jobs(),
      finish: (id) => finish()(id),
      appliers: {
        assign_learners: membershipRows,
        remove_learners: membershipRows,
        upsert_learners: learnerRowsApplier,
        import_learners: learnerRowsApplier,
        bulk_enroll: makeApplyBulkEnrollRows(useCases.applyBulkEnrollment()),
        batch_participants: makeApplyParticipantRows(useCases.applyBatchParticipants()),
        import_enrollments: makeApplyEnrollmentCsvRows(useCases.applyBulkEnrollment()),
        import_batch_participants: makeApplyBatchParticipantCsvRows({
          apply: useCases.applyBatchParticipants(),
          getBatch: (id) => useCases.enrollmentRepositories().batches.get(id),
        }),
        export_members: makeApplyExportRows(renderMembersCsv(), objectStore, jobs()),
        recalculate_group: ruleUseCases.applyRecalculationRows(),
        import_group_members: makeApplyGroupMemberRows({
          assign: useCases.assignLearners(),
          remove: useCases.removeLearners(),
          getGroup: (id) => groups.get(id),
          findGroup: (tenant, kind, value) => groups.findByUnique(tenant, kind, value),
          findLearners: (tenant, kind, values) => learners.findUuids(tenant, kind, values),
        }),
      },
    });
  }),
  startCsvImport: once(() =>
    makeStartCsvImport({
      jobs: jobs(),
      enqueue,
      finish: (id) => finish()(id),
      objects: objectStore,
      clock: systemClock,
      maxBytes: config.maxImportBytes,
    }),
  ),
  exportGroupMembers: once(() =>
    makeExportGroupMembers(useCases.repositories().groups, renderMembersCsv(), (caller, groupUuid, tenant, options) =>
      startJob()(
        {
          tenant,
          kind: 'export_members',
          target: { group_uuid: groupUuid, results_bucket: config.importsBucket, options: JSON.stringify(options) },
          source: { type: 'api', route: 'export_members', caller: caller.sub },
          sourceKey: `api:export_members:${groupUuid}`,
          createdBy: caller.sub,
        },
        [{ index: 0, input: { identifier: groupUuid } }],
      ),
    ),
  ),
  /** bulk_enroll over MAX_SYNC_PAIRS identifier×course pairs → a `bulk_enroll` job (issue 4). */
  bulkEnrollOrQueue: once(() =>
    makeBulkEnrollOrQueue({
      apply: useCases.applyBulkEnrollment(),
      throttle: useCases.throttleBulkEnroll(),
      ids: randomIds,
      startJob: startJob(),
    }),
  ),
  /** participants/add|remove over MAX_SYNC_PAIRS identifiers → a `batch_participants` job. */
  changeParticipantsOrQueue: once(() =>
    makeChangeParticipantsOrQueue({
      batches: useCases.enrollmentRepositories().batches,
      apply: useCases.applyBatchParticipants(),
      ids: randomIds,
      startJob: startJob(),
    }),
  ),
  getJob: once(() => makeGetJob(jobs())),
  listJobs: once(() => makeListJobs(jobs())),
  listJobResults: once(() => makeListJobResults(jobs())),
  abortJob: once(() => makeAbortJob(jobs(), systemClock)),
  resultsDownloadUrl: (bucket: string, key: string) => objectStore.presignedGet(bucket, key),
};
