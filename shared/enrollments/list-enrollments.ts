import * as z from 'zod';
import { administers, assertAdministers, type Caller, isLearnerSelf, isStaff } from '#shared/auth/caller';
import { readCursor, writeCursor } from '#shared/db/page-cursor';
import { ForbiddenError, InvalidCursorError, learnerNotFound, ValidationError } from '#shared/errors';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { BatchRepository } from './batch-repository';
import { type EnrollmentStatus, publicAudit, publicEnrollment } from './enrollment';
import type { EnrollmentFilter, EnrollmentRepository, Paging } from './enrollment-repository';
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

/**
 * One page of a course's enrollments in a tenant the caller administers; `count` is exact for the
 * filters. Without a tenant, staff list every tenant's (Open edX's course-wide view); anyone else must
 * name theirs (400 naming `query.enterprise_customer_uuid`).
 */
export const makeListCourseEnrollments =
  (enrollments: Pick<EnrollmentRepository, 'listByCourse' | 'countByCourse' | 'tenantsOfCourse'>) =>
  async (caller: Caller, courseId: string, tenant: string | undefined, f: Filters) => {
    const filters = { courseId, statuses: f.status ? [f.status] : undefined, batchId: f.batchId };
    if (tenant === undefined) {
      if (!isStaff(caller))
        throw new ValidationError('enterprise_customer_uuid is required (only staff list a course across tenants)', [
          { path: 'query.enterprise_customer_uuid', message: 'required' },
        ]);
      return shaped(await listAcrossTenants(enrollments, filters, f));
    }
    assertAdministers(caller, tenant);
    return shaped(await enrollments.listByCourse({ ...filters, tenant, pageSize: f.pageSize, cursor: f.cursor }));
  };

/**
 * Where a cross-tenant page starts: a tenant, and a cursor in its listing (none: its start; `end`:
 * its last page); `back` when the page is a previous one, which is not filled from other tenants.
 */
const AcrossCursor = z.strictObject({
  t: z.uuid(),
  c: z.string().min(1).max(2000).optional(),
  end: z.literal(true).optional(),
  back: z.literal(true).optional(),
});
type AcrossCursor = z.infer<typeof AcrossCursor>;
const encodeAcross = (at: AcrossCursor) => writeCursor(at);
const decodeAcross = (cursor: string) => readCursor(cursor, AcrossCursor);

/**
 * A course's enrollments in every tenant, tenant by tenant in uuid order (each tenant's listing
 * in its own order). A page going forward is filled from the following tenants; going back
 * (`previous`) it ends at the start of its tenant. `count` adds up each tenant's exact count.
 */
async function listAcrossTenants(
  enrollments: Pick<EnrollmentRepository, 'listByCourse' | 'countByCourse' | 'tenantsOfCourse'>,
  filters: { courseId: string } & EnrollmentFilter,
  f: Paging,
) {
  const tenants = await enrollments.tenantsOfCourse(filters.courseId);
  const at: Partial<AcrossCursor> = f.cursor ? decodeAcross(f.cursor) : { t: tenants[0] };
  const first = at.t === undefined ? -1 : tenants.indexOf(at.t);
  if (f.cursor && first < 0) throw new InvalidCursorError('a cursor of another listing');
  const counts = await Promise.all(tenants.map((tenant) => enrollments.countByCourse({ ...filters, tenant })));
  const count = counts.reduce((a, b) => a + b, 0);
  if (first < 0) return { items: [], next: null, previous: null, count };
  const backwards = at.end === true || at.back === true;
  const items: Parameters<typeof publicEnrollment>[0][] = [];
  let i = first;
  let cursor = at.c;
  let previous: string | null = null;
  for (;;) {
    const page = await enrollments.listByCourse(
      {
        ...filters,
        tenant: tenants[i]!,
        pageSize: f.pageSize - items.length,
        cursor,
        fromEnd: i === first && at.end === true,
      },
      false,
    );
    items.push(...page.items);
    if (i === first)
      previous =
        page.previous !== null
          ? encodeAcross({ t: tenants[i]!, ...(page.previous ? { c: page.previous } : {}), back: true })
          : i > 0
            ? encodeAcross({ t: tenants[i - 1]!, end: true })
            : null;
    if (page.next !== null) return { items, next: encodeAcross({ t: tenants[i]!, c: page.next }), previous, count };
    const following = tenants[i + 1];
    if (following === undefined) return { items, next: null, previous, count };
    if (backwards || items.length === f.pageSize)
      return { items, next: encodeAcross({ t: following }), previous, count };
    i += 1;
    cursor = undefined;
  }
}

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
