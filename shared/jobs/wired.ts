import type { Caller } from '#shared/auth/caller';
import { assertAdministers } from '#shared/auth/caller';
import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { makeApplyGroupMemberRows } from '#shared/imports/apply-group-member-rows';
import { objectStore } from '#shared/imports/object-store';
import { makeStartCsvImport } from '#shared/imports/start-csv-import';
import { makeWriteImportResults } from '#shared/imports/write-import-results';
import { MAX_SYNC_LEARNERS } from '#shared/learners/schemas';
import { MAX_SYNC_IDENTIFIERS } from '#shared/memberships/schemas';
import type { IdentifierInput } from '#shared/memberships/resolve-members';
import { sendJsonBatch } from '#shared/queue/send-json';
import { useCases } from '#shared/wiring';
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

/** Largest CSV accepted in one file (bytes). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

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
const finish = once(() =>
  makeFinishJob(jobs(), makeWriteImportResults({ jobs: jobs(), objects: objectStore }), systemClock),
);
const startJob = once(() => makeStartJob(jobs(), enqueue, (id) => finish()(id), systemClock, randomIds));
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
  assignOrQueue: () => (caller: Caller, groupUuid: string, input: IdentifierInput) =>
    syncOrJob(
      identifierCount(input),
      MAX_SYNC_IDENTIFIERS,
      () => useCases.assignLearners()(caller, groupUuid, input),
      () => startMembershipJob()(caller, groupUuid, 'assign_learners', input),
    ),
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
      maxBytes: MAX_IMPORT_BYTES,
    }),
  ),
  getJob: once(() => makeGetJob(jobs())),
  listJobs: once(() => makeListJobs(jobs())),
  listJobResults: once(() => makeListJobResults(jobs())),
  abortJob: once(() => makeAbortJob(jobs(), systemClock)),
  resultsDownloadUrl: (bucket: string, key: string) => objectStore.presignedGet(bucket, key),
};
