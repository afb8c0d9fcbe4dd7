import { describe, expect, it } from 'vitest';
import { BulkEnrollBody, MAX_COURSES, ParticipantsBody } from '#shared/enrollments/schemas';
import { MAX_IDENTIFIERS } from '#shared/memberships/schemas';

const tenant = '11111111-1111-4111-8111-111111111111';
const seed = {
  auto_enroll: true,
  email_students: true,
  action: 'enroll',
  courses: 'course-v1:edX+Demo+123,course-v1:edX+Demo2+456',
  cohorts: 'cohortA,cohortA',
  identifiers: 'brandon@example.com,yamilah@example.com',
  enterprise_customer_uuid: tenant,
};
const issues = (body: unknown) => BulkEnrollBody.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('BulkEnrollBody', () => {
  it("accepts Open edX's example request", () => {
    expect(BulkEnrollBody.parse(seed)).toEqual({
      ...seed,
      courses: ['course-v1:edX+Demo+123', 'course-v1:edX+Demo2+456'],
      cohorts: ['cohortA', 'cohortA'],
      identifiers: ['brandon@example.com', 'yamilah@example.com'],
    });
  });

  it('splits identifiers on commas, whitespace and newlines, and takes lists too', () => {
    const parsed = BulkEnrollBody.parse({ ...seed, cohorts: undefined, identifiers: ' a@x.org,\nb@x.org  c\r\nd ,' });
    expect(parsed.identifiers).toEqual(['a@x.org', 'b@x.org', 'c', 'd']);
    const listed = BulkEnrollBody.parse({ ...seed, courses: ['c1'], cohorts: ['A'], identifiers: [' x ', 'y'] });
    expect(listed).toMatchObject({ courses: ['c1'], cohorts: ['A'], identifiers: ['x', 'y'] });
  });

  it('refuses cohorts that do not match the courses one for one, or that come with unenroll', () => {
    expect(issues({ ...seed, cohorts: 'cohortA' })).toEqual(['cohorts']);
    expect(issues({ ...seed, action: 'unenroll' })).toEqual(['cohorts']);
  });

  it('refuses a bad course id, a repeated course, no identifiers and no tenant', () => {
    expect(issues({ ...seed, cohorts: undefined, courses: 'ok,not/a/key' })).toEqual(['courses.1']);
    expect(issues({ ...seed, cohorts: undefined, courses: 'a,a' })).toEqual(['courses']);
    expect(issues({ ...seed, identifiers: ' , ' })).toEqual(['identifiers']);
    expect(issues({ ...seed, enterprise_customer_uuid: undefined })).toEqual(['enterprise_customer_uuid']);
  });

  it(`refuses more than ${MAX_COURSES} courses, as a list or a comma string, naming body.courses`, () => {
    const courses = Array.from({ length: 30_000 }, (_, i) => `course-v1:Acme+C${i}+2026`);
    const some = (n: number) => ({ ...seed, cohorts: undefined, courses: courses.slice(0, n) });
    expect(issues(some(MAX_COURSES))).toEqual([]);
    expect(issues(some(MAX_COURSES + 1))).toEqual(['courses']);
    expect(issues({ ...seed, cohorts: undefined, courses: courses.join(',') })).toEqual(['courses']);
    const cohorts = Array.from({ length: MAX_COURSES + 1 }, (_, i) => `cohort-${i}`);
    expect(issues({ ...some(MAX_COURSES + 1), cohorts })).toContain('cohorts');
  });

  it('refuses more identifiers than one request may carry', () => {
    const identifiers = Array.from({ length: MAX_IDENTIFIERS + 1 }, (_, i) => `u${i}`);
    expect(issues({ ...seed, identifiers })).toEqual(['identifiers']);
    const participants = ParticipantsBody.safeParse({ identifiers, identifier_type: 'user_id' });
    expect(participants.error?.issues.map((i) => i.path.join('.'))).toEqual(['identifiers']);
  });

  it('reads flags as booleans or Open edX form strings, false by default', () => {
    expect(BulkEnrollBody.parse({ ...seed, auto_enroll: 'True', email_students: undefined })).toMatchObject({
      auto_enroll: true,
      email_students: false,
    });
  });

  it("reads every value Django REST framework's BooleanField reads, and refuses others", () => {
    for (const yes of ['true', 'True', 'TRUE', '1', 'yes', 'on', 't', 1, true])
      expect(BulkEnrollBody.parse({ ...seed, auto_enroll: yes }).auto_enroll, String(yes)).toBe(true);
    for (const no of ['false', 'False', '0', 'no', 'off', 'f', 0, false])
      expect(BulkEnrollBody.parse({ ...seed, auto_enroll: no }).auto_enroll, String(no)).toBe(false);
    expect(issues({ ...seed, auto_enroll: '' })).toEqual(['auto_enroll']);
    expect(issues({ ...seed, email_students: 'maybe' })).toEqual(['email_students']);
  });

  it('reads a form field sent several times as all its values, each split like a single one', () => {
    const parsed = BulkEnrollBody.parse({
      ...seed,
      cohorts: undefined,
      courses: ['course-v1:A+B+C', 'course-v1:D+E+F,course-v1:G+H+I'],
      identifiers: ['a@x.org b@x.org', 'c@x.org'],
    });
    expect(parsed.courses).toEqual(['course-v1:A+B+C', 'course-v1:D+E+F', 'course-v1:G+H+I']);
    expect(parsed.identifiers).toEqual(['a@x.org', 'b@x.org', 'c@x.org']);
  });

  it('takes a blank cohorts field for no cohorts, as Open edX does', () => {
    const parsed = BulkEnrollBody.parse({ ...seed, action: 'unenroll', cohorts: ' ' });
    expect(parsed.cohorts).toBeUndefined();
  });
});
