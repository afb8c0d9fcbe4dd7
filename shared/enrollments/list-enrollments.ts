import { administers, assertAdministers, type Caller, isLearnerSelf } from '#shared/auth/caller';
import { ForbiddenError, learnerNotFound } from '#shared/errors';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { BatchRepository } from './batch-repository';
import { type EnrollmentStatus, publicAudit, publicEnrollment } from './enrollment';
import type { EnrollmentRepository, Paging } from './enrollment-repository';
import { loadAdministeredBatch } from './read-batch';

interface Filters extends Paging {
  status?: EnrollmentStatus | undefined;
  batchId?: string | undefined;
}

const shaped = <P extends { items: Parameters<typeof publicEnrollment>[0][]; count?: number | undefined }>(
  page: P,
) => ({
  ...page,
  items: page.items.map(publicEnrollment),
  count: page.count ?? 0,
});

/** One page of a course's enrollments in a tenant the caller administers; `count` is exact for the filters. */
export const makeListCourseEnrollments =
  (enrollments: Pick<EnrollmentRepository, 'listByCourse'>) =>
  async (caller: Caller, courseId: string, tenant: string, f: Filters) => {
    assertAdministers(caller, tenant);
    return shaped(
      await enrollments.listByCourse({
        tenant,
        courseId,
        statuses: f.status ? [f.status] : undefined,
        batchId: f.batchId,
        pageSize: f.pageSize,
        cursor: f.cursor,
      }),
    );
  };

/**
 * One page of a learner's enrollments; an administrator of the tenant or the learner itself may read
 * them. A uuid that is no learner of the tenant (another tenant's, or none) is `learner_not_found`.
 */
export const makeListLearnerEnrollments =
  (enrollments: Pick<EnrollmentRepository, 'listByMember'>, learners: Pick<LearnerRepository, 'get'>) =>
  async (caller: Caller, tenant: string, learnerUuid: string, f: Filters) => {
    if (!administers(caller, tenant) && !isLearnerSelf(caller, tenant, learnerUuid))
      throw new ForbiddenError(`You may not read the enrollments of learner ${learnerUuid}`);
    if (!(await learners.get(tenant, learnerUuid))) throw learnerNotFound(learnerUuid);
    return shaped(
      await enrollments.listByMember({
        tenant,
        ref: { learnerUuid },
        statuses: f.status ? [f.status] : undefined,
        batchId: f.batchId,
        pageSize: f.pageSize,
        cursor: f.cursor,
      }),
    );
  };

/**
 * One page of a batch's participants. Without a status filter it lists enrolled and completed
 * learners and `count` is the batch's exact `participant_count`.
 */
export const makeListBatchParticipants =
  (batches: Pick<BatchRepository, 'get'>, enrollments: Pick<EnrollmentRepository, 'listByBatch'>) =>
  async (caller: Caller, batchId: string, f: Omit<Filters, 'batchId'>) => {
    const batch = await loadAdministeredBatch(batches, caller, batchId);
    const statuses: EnrollmentStatus[] = f.status ? [f.status] : ['enrolled', 'completed'];
    const page = await enrollments.listByBatch(
      { batchId, statuses, pageSize: f.pageSize, cursor: f.cursor },
      f.status !== undefined,
    );
    return shaped({ ...page, count: f.status ? page.count : batch.participant_count });
  };

/** One page of a course's audit trail in a tenant the caller administers, oldest first. */
export const makeListEnrollmentAudit =
  (enrollments: Pick<EnrollmentRepository, 'listAudit'>) =>
  async (caller: Caller, courseId: string, tenant: string, f: Paging & { learnerUuid?: string | undefined }) => {
    assertAdministers(caller, tenant);
    const page = await enrollments.listAudit({ tenant, courseId, ...f });
    return { ...page, items: page.items.map(publicAudit) };
  };
