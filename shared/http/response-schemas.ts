import * as z from 'zod';

/**
 * Building blocks of the response schemas (each domain's responses.ts): what every answer shares.
 * Objects are loose, as a client must read them: an answer may gain fields, never lose or retype one.
 */

/** A time the service wrote: ISO 8601 (toISOString), or with an offset where a client gave it. */
export const isoTime = z.iso.datetime({ offset: true });

/** An absolute URL on the API (Location, status_url, next/previous). */
export const apiUrl = z.url();

/** `{count, next, previous, results}`: a page of a list (listEnvelope), next and previous absolute URLs or null. */
export const listPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    count: z.int().min(0),
    next: apiUrl.nullable(),
    previous: apiUrl.nullable(),
    results: z.array(item),
  });

/** A job's status. */
export const JobStatus = z.enum([
  'queued',
  'running',
  'awaiting_approval',
  'succeeded',
  'completed_with_errors',
  'failed',
  'aborted',
  'cancelled',
]);

/** What the removal guard found when it held a job (GuardHold of job.ts). */
export const GuardAnswer = z.looseObject({
  /** The group the counts are of (a CSV import that removes from several groups: the one furthest past its guard). */
  group_uuid: z.uuid().optional(),
  would_remove: z.int().min(0),
  member_count: z.int().min(0),
  percent: z.number().min(0),
  max_percent: z.number(),
  min_removals: z.int().min(0),
  sample: z.array(z.looseObject({ learner_uuid: z.uuid(), email: z.string().nullable() })),
});

/** The 202 of a request that became a job; its status_url is also the Location. */
export const JobAccepted = z
  .looseObject({
    job_id: z.uuid(),
    status: JobStatus,
    total: z.int().min(0),
    status_url: apiUrl,
  })
  .meta({
    examples: [
      {
        job_id: '5c2d8e4f-1a3b-4c6d-9e7f-0a1b2c3d4e5f',
        status: 'queued',
        total: 5002,
        status_url: 'https://api.example.com/api/v1/jobs/5c2d8e4f-1a3b-4c6d-9e7f-0a1b2c3d4e5f/',
      },
    ],
  });

/** One identifier's outcome in the answer of a sync change of many (`skipped` and `errors` rows). */
export const OutcomeRow = z.looseObject({
  identifier: z.string(),
  outcome: z.string(),
  message: z.string().optional(),
});
