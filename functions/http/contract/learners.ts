import * as z from 'zod';
import { withinKeyBytes } from '#shared/db/key-text';
import { BranchesPath, BranchPath, ListBranchesQuery, PutBranchBody } from '#shared/branches/schemas';
import { pageSize } from '#shared/groups/schemas';
import type { RouteContract } from '#shared/http/http-handler';
import { listPage } from '#shared/http/response-schemas';
import {
  BulkUpsertLearnersAnswer,
  LearnerAnswer,
  LearnerWithGroupsAnswer,
  PutLearnerAnswer,
} from '#shared/learners/responses';
import { BranchAnswer, PutBranchAnswer } from '#shared/branches/responses';
import { ImportUploadAnswer } from '#shared/imports/responses';
import { FileName, ImportKind, UPLOAD_TTL_SECONDS } from '#shared/imports/upload-grant';
import { LearnerBody, MAX_SYNC_LEARNERS } from '#shared/learners/schemas';
import { LearnerPath, TenantPath, jobAnswer } from '#functions/http/contract/shared-answers';

/** A tenant's learners, branches and CSV uploads: the routes' contracts (see functions/http/contract.ts). */
export const learnersRoutes = {
  PutBranch: {
    summary: "Create, rename or move a branch of a tenant's org tree",
    params: BranchPath,
    body: PutBranchBody,
    success: {
      status: 200,
      description:
        'the branch (201 when created), with `recalculations`: the automatic groups whose branch rules the move changed and the job recalculating each',
      body: PutBranchAnswer,
    },
    also: [
      {
        status: 201,
        description: 'the branch, created; Location is its URL',
        headers: ['location'],
        body: PutBranchAnswer,
      },
    ],
  },
  ListBranches: {
    summary: "List a tenant's branches",
    params: BranchesPath,
    query: ListBranchesQuery,
    success: { status: 200, description: 'a page of branches', body: listPage(BranchAnswer) },
  },
  PutLearner: {
    summary: 'Create or replace a learner',
    params: LearnerPath,
    body: LearnerBody,
    success: { status: 200, description: 'the learner, replaced', body: PutLearnerAnswer },
    also: [
      {
        status: 201,
        description: 'the learner, created; Location is its URL',
        headers: ['location'],
        body: PutLearnerAnswer,
      },
    ],
  },
  GetLearner: {
    summary: 'Read a learner with its groups',
    params: LearnerPath,
    success: { status: 200, description: 'the learner', body: LearnerWithGroupsAnswer },
  },
  DeleteLearner: {
    summary: 'Delete a learner and its memberships',
    params: LearnerPath,
    success: { status: 204, description: 'deleted' },
  },
  ListLearners: {
    summary: "List a tenant's learners (search = e-mail prefix)",
    params: TenantPath,
    query: z.strictObject({
      search: withinKeyBytes(z.string().trim().min(1).max(320)).optional(),
      branch_id: z.string().min(1).max(100).optional(),
      page_size: pageSize,
      cursor: z.string().max(2000).optional(),
    }),
    success: { status: 200, description: 'a page of learners', body: listPage(LearnerAnswer) },
  },
  BulkUpsertLearners: {
    rateLimited: true,
    summary: `Create or update learners: up to ${MAX_SYNC_LEARNERS} at once, more as a 202 job`,
    params: TenantPath,
    body: z.strictObject({
      learners: z.array(z.unknown()).min(1).max(200_000, 'at most 200000 learners per request'),
    }),
    success: { status: 200, description: 'an outcome per row', body: BulkUpsertLearnersAnswer },
    also: [jobAnswer],
  },
  CreateImportUpload: {
    summary: `Request the upload of one CSV into a tenant's imports (its admins and staff): a presigned PUT, valid ${UPLOAD_TTL_SECONDS / 60} minutes, bound to the tenant, kind and a key of its own; the import acts as the caller`,
    params: TenantPath,
    body: z.strictObject({ kind: ImportKind, file_name: FileName }),
    success: {
      status: 201,
      description:
        '{upload: {url, method: "PUT", headers}, upload_id, key, expires_at, status_url}: PUT the file to upload.url with exactly upload.headers (signed: content type and x-amz-meta-* grant metadata) before expires_at; status_url (also the Location) lists the import job of the key',
      headers: ['location'],
      body: ImportUploadAnswer,
    },
  },
} satisfies Record<string, RouteContract>;
