import * as z from 'zod';
import { apiUrl, GuardAnswer, isoTime, JobStatus } from '#shared/http/response-schemas';

/** A job as the API shows it (presentJob): counters, progress, where its rows and results file are. */
export const JobAnswer = z
  .looseObject({
    job_id: z.uuid(),
    enterprise_customer_uuid: z.uuid(),
    kind: z.string(),
    status: JobStatus,
    source: z.looseObject({ type: z.enum(['api', 's3', 'schedule']) }),
    source_key: z.string(),
    total: z.int().min(0),
    processed: z.int().min(0),
    succeeded: z.int().min(0),
    skipped: z.int().min(0),
    failed: z.int().min(0),
    outcome_counts: z.record(z.string(), z.int()),
    chunks_total: z.int().nullable(),
    chunks_done: z.int().min(0),
    chunks_failed: z.int().min(0),
    error: z.string().nullable(),
    columns: z.array(z.string()).nullable(),
    results_key: z.string().nullable(),
    created_by: z.string(),
    created: isoTime,
    started: isoTime.nullable(),
    finished: isoTime.nullable(),
    group_uuid: z.string().nullable(),
    progress: z.number().min(0).max(1),
    results_url: apiUrl,
    results_file: z.looseObject({ bucket: z.string(), key: z.string(), download_url: z.url().nullable() }).nullable(),
    /** Set once the group's removal guard held the job (`awaiting_approval`), and kept after. */
    guard: GuardAnswer.nullable(),
    approved_by: z.string().nullable(),
    approved_at: isoTime.nullable(),
    /** A revert job (kind `revert`): the job it undoes. */
    reverts: z.uuid().nullable(),
    /** The revert job that undoes this one; a job is reverted at most once. */
    reverted_by: z.uuid().nullable(),
  })
  .meta({
    examples: [
      {
        job_id: '5c2d8e4f-1a3b-4c6d-9e7f-0a1b2c3d4e5f',
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        kind: 'assign_learners',
        status: 'completed_with_errors',
        source: { type: 'api', route: 'assign_learners', caller: 'admin-1' },
        source_key: 'api:assign_learners',
        total: 5002,
        processed: 5002,
        succeeded: 4999,
        skipped: 2,
        failed: 1,
        outcome_counts: { added: 4999, duplicate_in_request: 2, not_found: 1 },
        chunks_total: 11,
        chunks_done: 11,
        chunks_failed: 0,
        error: null,
        columns: null,
        results_key: null,
        created_by: 'admin-1',
        created: '2026-11-30T09:15:00.000Z',
        started: '2026-11-30T09:15:01.000Z',
        finished: '2026-11-30T09:15:09.000Z',
        group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
        progress: 1,
        results_url: 'https://api.example.com/api/v1/jobs/5c2d8e4f-1a3b-4c6d-9e7f-0a1b2c3d4e5f/results/',
        results_file: null,
        guard: null,
        approved_by: null,
        approved_at: null,
        reverts: null,
        reverted_by: null,
      },
    ],
  });

/** What happened to one row of a job. `code` is stable (an outcome or an error code); `message` is for people. */
export const RowResultAnswer = z
  .looseObject({
    index: z.int().min(0),
    identifier: z.string(),
    outcome: z.string(),
    code: z.string().optional(),
    message: z.string().optional(),
  })
  .meta({
    examples: [
      {
        index: 5001,
        identifier: 'c0ffee00-0000-4000-8000-000000000000',
        outcome: 'not_found',
        code: 'not_found',
        message: 'no learner with this uuid in the enterprise',
      },
    ],
  });
