import * as z from 'zod';

/** Open edX course keys (`course-v1:edX+Demo+123`) and plain ids (`do_3129…`); no slashes, so they fit in a path. */
export const courseId = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:+~-]*$/, 'not a course id (letters, digits and . _ : + ~ -)');
