import * as z from 'zod';
import { pageSize } from '#shared/groups/schemas';
import type { RouteContract } from '#shared/http/http-handler';
import { listPage } from '#shared/http/response-schemas';
import { JobAnswer, RowResultAnswer } from '#shared/jobs/responses';
import { JobPath } from '#functions/http/contract/shared-answers';

/** Jobs: the routes' contracts (see functions/http/contract.ts). */
export const jobsRoutes = {
  GetJob: {
    summary: 'Read a job: status, counters, progress, results links',
    params: JobPath,
    success: { status: 200, description: 'the job', body: JobAnswer },
  },
  ListJobs: {
    summary: "List a tenant's jobs, newest first (source_key = an S3 key or api:<operation>:<id>)",
    query: z.strictObject({
      enterprise_uuid: z.uuid(),
      source_key: z.string().min(1).max(1024).optional(),
      page_size: pageSize,
      cursor: z.string().max(2000).optional(),
    }),
    success: { status: 200, description: 'a page of jobs', body: listPage(JobAnswer) },
  },
  ListJobResults: {
    summary: "A job's per-row results in row order, optionally of one outcome",
    params: JobPath,
    query: z.strictObject({
      outcome: z.string().min(1).max(64).optional(),
      page_size: pageSize,
      cursor: z.string().max(200).optional(),
    }),
    success: { status: 200, description: 'a page of row results', body: listPage(RowResultAnswer) },
  },
  AbortJob: {
    summary: 'Stop a job; chunks not yet applied are skipped',
    params: JobPath,
    success: { status: 200, description: 'the aborted job', body: JobAnswer },
  },
  ApproveJob: {
    summary:
      "Approve the removals a group's removal guard held: the job goes on and removes the members that no longer match when it runs",
    params: JobPath,
    success: {
      status: 202,
      description: 'the approved job, running again; Location is its URL',
      headers: ['location'],
      body: JobAnswer,
    },
  },
  RevertJob: {
    summary:
      'Undo what an ended job changed: a new job (kind revert, reverts: <job_id>) removes the members it added, revives those it removed with their permissions and home group, puts each enrollment it wrote back to its state before, and skips as changed_since every membership or enrollment written since',
    params: JobPath,
    success: {
      status: 202,
      description: 'the revert job; Location is its URL',
      headers: ['location'],
      body: JobAnswer,
    },
  },
  CancelJob: {
    summary: "Cancel the removals a group's removal guard held: the job ends cancelled, nobody removed",
    params: JobPath,
    success: { status: 200, description: 'the cancelled job', body: JobAnswer },
  },
} satisfies Record<string, RouteContract>;
