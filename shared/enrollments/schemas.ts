import * as z from 'zod';
import { pageSize } from '#shared/groups/schemas';
import { MAX_IDENTIFIERS } from '#shared/memberships/schemas';
import { courseId } from './course-id';
import { ENROLLMENT_STATUSES } from './enrollment';

/**
 * Synchronous limit: identifiers × courses of a bulk_enroll call, or identifiers of a batch
 * participants call. Larger calls are refused with `too_many_identifiers` (then become jobs); nothing is truncated.
 */
export const MAX_SYNC_PAIRS = 1000;
/** Courses (and cohorts) of one bulk_enroll call: they travel in the job's target, which is one item. */
export const MAX_COURSES = 100;

/** Longest cohort name, in characters. */
export const MAX_COHORT_LENGTH = 255;

/**
 * A comma string (`"a,b"`) or a list, trimmed, empty entries dropped: Open edX's StringListField. A
 * list's entries are split too, as Open edX splits the value it takes from a list, so a form field
 * sent several times (`courses=a&courses=b,c`) names every course. A list longer than `max` is
 * refused; so is a string of more entries (checked once it is split).
 */
const listOf = (separator: RegExp, max: number) =>
  z
    .union([z.string().max(1_000_000), z.array(z.string().max(1000)).max(max, `at most ${max} entries`)])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((entry) => entry.split(separator))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length <= max, `at most ${max} entries`);

/** The values Django REST framework's BooleanField reads (JSON booleans, 1/0, and these strings in forms). */
const TRUE_VALUES = ['t', 'T', 'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', '1'] as const;
const FALSE_VALUES = [
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '0',
] as const;

const flag = z
  .union([z.boolean(), z.literal(1), z.literal(0), z.enum([...TRUE_VALUES, ...FALSE_VALUES])])
  .transform((v) => v === true || v === 1 || (TRUE_VALUES as readonly unknown[]).includes(v))
  .default(false);

/**
 * POST /api/bulk_enroll/v1/bulk_enroll/, as Open edX accepts it (a JSON or form body: every field
 * may be a string), plus the tenant whose directory resolves the identifiers. Cohorts are checked here, before anything is written.
 */
export const BulkEnrollBody = z
  .strictObject({
    action: z.enum(['enroll', 'unenroll']),
    courses: listOf(/,/, MAX_COURSES),
    // An empty cohorts field (a form's blank input) names no cohorts, as in Open edX.
    cohorts: listOf(/,/, MAX_COURSES)
      .optional()
      .transform((list) => (list?.length ? list : undefined)),
    identifiers: listOf(/[\n\r\s,]+/, MAX_IDENTIFIERS),
    auto_enroll: flag,
    email_students: flag,
    enterprise_customer_uuid: z.uuid(),
  })
  .superRefine((b, ctx) => {
    // zod still runs this when a field failed its own type check: such a field is already reported.
    const lists = [b.courses, b.identifiers, b.cohorts ?? []];
    if (!lists.every(Array.isArray)) return;
    if (b.courses.length === 0)
      ctx.addIssue({ code: 'custom', path: ['courses'], message: 'name at least one course' });
    b.courses.forEach((c, i) => {
      const parsed = courseId.safeParse(c);
      if (!parsed.success)
        ctx.addIssue({ code: 'custom', path: ['courses', i], message: parsed.error.issues[0]!.message });
    });
    if (new Set(b.courses).size !== b.courses.length)
      ctx.addIssue({ code: 'custom', path: ['courses'], message: 'a course is named twice' });
    if (b.identifiers.length === 0)
      ctx.addIssue({ code: 'custom', path: ['identifiers'], message: 'name at least one identifier' });
    b.identifiers.forEach((id, i) => {
      if (id.length > 320)
        ctx.addIssue({ code: 'custom', path: ['identifiers', i], message: 'longer than 320 characters' });
    });
    if (b.cohorts === undefined) return;
    if (b.action !== 'enroll')
      ctx.addIssue({ code: 'custom', path: ['cohorts'], message: 'cohorts can only be used with action enroll' });
    if (b.cohorts.length !== b.courses.length)
      ctx.addIssue({
        code: 'custom',
        path: ['cohorts'],
        message: `names ${b.cohorts.length} cohorts for ${b.courses.length} courses; give one per course, in order`,
      });
    b.cohorts.forEach((c, i) => {
      if (c.length > MAX_COHORT_LENGTH)
        ctx.addIssue({ code: 'custom', path: ['cohorts', i], message: `longer than ${MAX_COHORT_LENGTH} characters` });
    });
  });
export type BulkEnrollBody = z.infer<typeof BulkEnrollBody>;

export const CoursePath = z.strictObject({ course_id: courseId });
export const BatchPath = z.strictObject({ batch_id: z.uuid() });
export const CourseLearnerPath = z.strictObject({ course_id: courseId, learner_uuid: z.uuid() });

export const CreateBatchBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be blank').max(255),
  enrollment_type: z.enum(['open', 'invite_only']),
  enterprise_customer_uuid: z.uuid(),
});

export const IDENTIFIER_TYPES = ['user_id', 'state_id', 'email', 'employee_id'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** participants/add and participants/remove (DIKSHA): one kind of identifier per call. */
export const ParticipantsBody = z.strictObject({
  identifiers: z
    .array(z.string().max(320))
    .min(1, 'name at least one identifier')
    .max(MAX_IDENTIFIERS, `at most ${MAX_IDENTIFIERS} identifiers per request`),
  identifier_type: z.enum(IDENTIFIER_TYPES),
});

const cursor = z.string().max(2000).optional();
const status = z.enum(ENROLLMENT_STATUSES).optional();

export const ListCourseEnrollmentsQuery = z.strictObject({
  /** Staff may omit it to list every tenant's enrollments of the course; admins name theirs. */
  enterprise_customer_uuid: z.uuid().optional(),
  status,
  batch_id: z.uuid().optional(),
  page_size: pageSize,
  cursor,
});

export const ListLearnerEnrollmentsQuery = z.strictObject({
  status,
  batch_id: z.uuid().optional(),
  page_size: pageSize,
  cursor,
});

export const ListParticipantsQuery = z.strictObject({
  status: z.enum(['enrolled', 'completed', 'unenrolled']).optional(),
  page_size: pageSize,
  cursor,
});

export const ListAuditQuery = z.strictObject({
  enterprise_customer_uuid: z.uuid(),
  learner_uuid: z.uuid().optional(),
  page_size: pageSize,
  cursor,
});

/** Recording a completion: the only status change this route makes. */
export const UpdateEnrollmentBody = z.strictObject({
  status: z.literal('completed', {
    error: 'only completed can be recorded here; use bulk_enroll to enroll or unenroll',
  }),
  enterprise_customer_uuid: z.uuid(),
  completed_at: z.iso.datetime().optional(),
});
