import { describe, expect, it } from 'vitest';
import { invalidRowDetails } from '#shared/learners/bulk-upsert-learners';
import { LearnerBody } from '#shared/learners/schemas';

const nested = (depth: number): unknown => (depth === 0 ? 'x' : { n: nested(depth - 1) });

describe('invalidRowDetails', () => {
  it('names each field of each row that is no learner, by its body path', () => {
    const paths = invalidRowDetails([
      { email: 'ok@example.com', attributes: { level: 3 } },
      { email: 'big@example.com', first_name: 'x'.repeat(420_000) },
      { email: 'num@example.com', attributes: { score: 1e300 } },
      { email: 'deep@example.com', attributes: { deep: nested(40) } },
      nested(40),
      'not an object',
    ]).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.learners.1.first_name',
        'body.learners.2.attributes.score',
        'body.learners.3.attributes.deep',
        'body.learners.4',
        'body.learners.5',
      ]),
    );
    expect(paths.filter((p) => p.startsWith('body.learners.0'))).toEqual([]);
  });
});

describe('LearnerBody attributes', () => {
  it('takes the numbers DynamoDB stores and refuses the ones it cannot', () => {
    const ok = (n: number) => LearnerBody.safeParse({ email: 'a@example.com', attributes: { n } }).success;
    expect([0, 1, -2.5, 1e125, 1e-130].every(ok)).toBe(true);
    expect([1e300, -1e126, 1e-200].some(ok)).toBe(false);
  });
});
