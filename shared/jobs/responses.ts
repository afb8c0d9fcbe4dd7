import * as z from 'zod';
import { apiUrl, isoTime, JobStatus } from '#shared/http/response-schemas';

/** A job as the API shows it (presentJob): counters, progress, where its rows and results file are. */
export const JobAnswer = z.looseObject({
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
});

/** What happened to one row of a job. `code` is stable (an outcome or an error code); `message` is for people. */
export const RowResultAnswer = z.looseObject({
  index: z.int().min(0),
  identifier: z.string(),
  outcome: z.string(),
  code: z.string().optional(),
  message: z.string().optional(),
});
