import type { IdGenerator } from '#shared/clock';
import type { MemberRef } from '#shared/db/keys';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import { autoEnrollCourses } from '#shared/groups/learning-modules';
import type { BulkEnrollmentChunk, BulkResultRow } from './apply-bulk-enrollment';
import type { BulkEnrollmentSettings } from './bulk-enroll';

export interface EnrollGroupMembersDeps {
  groups: Pick<GroupRepository, 'get'>;
  apply: (chunk: BulkEnrollmentChunk) => Promise<Record<string, BulkResultRow[]>>;
  ids: IdGenerator;
}

/** How learning modules enroll, as bulk_enroll would: auto_enroll for e-mails, no cohort, no e-mail sent. */
export const moduleEnrollment = (courses: string[]): BulkEnrollmentSettings => ({
  action: 'enroll',
  courses: courses.map((course_id) => ({ course_id, cohort: null })),
  autoEnroll: true,
  emailStudents: false,
  withCohorts: false,
  reason: 'learning_module',
});

/** Members of a group to enroll in its learning modules: learners, or e-mails of pending members. */
export type EnrollGroupMembers = (
  group: Pick<Group, 'group_uuid'>,
  members: MemberRef[],
  context: {
    actor: string;
    opId?: string | undefined;
    /** The group as read after the memberships were committed, when the caller started that read itself. */
    current?: Promise<Group | undefined> | undefined;
  },
) => Promise<void>;

/**
 * Enrolls members of a group in its `auto_enroll` learning modules (SmarterU): a learner is enrolled,
 * the e-mail of a pending member becomes an allowance with auto_enroll, which turns into an enrollment
 * when the learner is created (as bulk_enroll's allowances do). Runs after the memberships commit and
 * reads the group again first: a module attached meanwhile is applied here, or its own job (which lists
 * the members after the module is stored) finds these members; one of the two sees the other. With the
 * `opId` of a job chunk a replay reports and writes nothing twice; enrolling an enrolled learner changes
 * nothing. Audited with the reason `learning_module`; no e-mail is sent.
 */
export const makeEnrollGroupMembers =
  ({ groups, apply, ids }: EnrollGroupMembersDeps): EnrollGroupMembers =>
  async (group, members, { actor, opId, current: read }) => {
    if (members.length === 0) return;
    const current = await (read ?? groups.get(group.group_uuid));
    const courses = current ? autoEnrollCourses(current) : [];
    if (!current || courses.length === 0) return;
    await apply({
      ...moduleEnrollment(courses),
      tenant: current.enterprise_customer_uuid,
      identifiers: members.map((m) => ('learnerUuid' in m ? m.learnerUuid : m.email)),
      actor,
      opId: `${opId ?? ids.uuid()}#modules`,
    });
  };
