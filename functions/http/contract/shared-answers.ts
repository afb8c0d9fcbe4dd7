import * as z from 'zod';
import type { ResponseContract } from '#shared/http/http-handler';
import { JobAccepted } from '#shared/http/response-schemas';

/** What several domains' routes share: path schemas and answers. */
export const LearnerPath = z.strictObject({ enterprise_uuid: z.uuid(), learner_uuid: z.uuid() });
export const TenantPath = z.strictObject({ enterprise_uuid: z.uuid() });
export const JobPath = z.strictObject({ job_id: z.uuid() });

/** The answer of a request that became a job; Location names the job. */
export const jobAnswer = {
  status: 202,
  description: 'the job: {job_id, status, total, status_url}; Location is its status_url',
  headers: ['location'],
  body: JobAccepted,
} satisfies ResponseContract;
/** 304 to a read whose If-None-Match names the current version. */
export const notModified = {
  status: 304,
  description: 'not modified: If-None-Match names the current version (weak comparison, or *); no body',
  headers: ['etag'],
} satisfies ResponseContract;
