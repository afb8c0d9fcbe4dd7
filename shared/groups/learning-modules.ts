import * as z from 'zod';
import { courseId } from '#shared/enrollments/course-id';

/**
 * A course attached to a group (SmarterU "learning module"). `auto_enroll` enrolls the group's
 * members in it: the present ones when the module is attached (a job), every later one when added.
 * `allow_self_enroll` is kept for the course catalog (members may enroll themselves there); this
 * service does not act on it.
 */
export interface LearningModule {
  course_id: string;
  allow_self_enroll: boolean;
  auto_enroll: boolean;
}

/** At most this many modules on one group. */
export const MAX_LEARNING_MODULES = 50;

export const LearningModules = z
  .array(
    z.strictObject({
      course_id: courseId,
      allow_self_enroll: z.boolean().default(false),
      auto_enroll: z.boolean().default(false),
    }),
  )
  .max(MAX_LEARNING_MODULES)
  .superRefine((modules, ctx) => {
    const seen = new Set<string>();
    modules.forEach((m, i) => {
      if (seen.has(m.course_id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'course_id'],
          message: 'this course is already a module of the group',
        });
      seen.add(m.course_id);
    });
  });

/** The courses a group enrolls its members in. */
export const autoEnrollCourses = (group: { learning_modules?: LearningModule[] | null }): string[] =>
  (group.learning_modules ?? []).filter((m) => m.auto_enroll).map((m) => m.course_id);

/** Courses that enroll members after a change and did not before it (a new module, or auto_enroll turned on). */
export function newlyAutoEnrolled(
  before: { learning_modules?: LearningModule[] | null },
  after: { learning_modules?: LearningModule[] | null },
): string[] {
  const had = new Set(autoEnrollCourses(before));
  return autoEnrollCourses(after).filter((c) => !had.has(c));
}
