import { describe, expect, it } from 'vitest';
import { CreateGroupRequest } from '#shared/groups/schemas';
import { autoEnrollCourses, newlyAutoEnrolled } from '#shared/groups/learning-modules';
import { TENANT } from './fakes';

const mod = (course_id: string, auto_enroll: boolean) => ({ course_id, allow_self_enroll: false, auto_enroll });

describe('learning modules', () => {
  it('defaults both flags to false and refuses a course named twice, naming the second', () => {
    const parsed = CreateGroupRequest.safeParse({
      name: 'G',
      enterprise_customer_uuid: TENANT,
      learning_modules: [{ course_id: 'course-v1:A+B+C' }, { course_id: 'do_1', auto_enroll: true }],
    });
    expect(parsed.success && parsed.data.learning_modules).toEqual([mod('course-v1:A+B+C', false), mod('do_1', true)]);
    const twice = CreateGroupRequest.safeParse({
      name: 'G',
      enterprise_customer_uuid: TENANT,
      learning_modules: [{ course_id: 'do_1' }, { course_id: 'do_2' }, { course_id: 'do_1' }],
    });
    expect(twice.error?.issues.map((i) => i.path)).toEqual([['learning_modules', 2, 'course_id']]);
  });

  it('refuses a course id with a slash, and unknown module fields', () => {
    const bad = CreateGroupRequest.safeParse({
      name: 'G',
      enterprise_customer_uuid: TENANT,
      learning_modules: [{ course_id: 'a/b' }, { course_id: 'ok', mandatory: true }],
    });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'learning_modules.0.course_id',
      'learning_modules.1',
    ]);
  });

  it('names the courses that start enrolling: new auto-enroll modules and auto_enroll turned on', () => {
    const before = { learning_modules: [mod('a', true), mod('b', false), mod('c', true)] };
    const after = { learning_modules: [mod('a', true), mod('b', true), mod('d', true), mod('e', false)] };
    expect(autoEnrollCourses(after)).toEqual(['a', 'b', 'd']);
    expect(newlyAutoEnrolled(before, after)).toEqual(['b', 'd']);
    expect(newlyAutoEnrolled(after, before)).toEqual(['c']);
    expect(newlyAutoEnrolled({ learning_modules: null }, before)).toEqual(['a', 'c']);
  });
});
