import * as z from 'zod';
import { withinKeyBytes } from '#shared/db/key-text';
import { MAX_GROUP_BYTES } from '#shared/groups/group-size';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, MAX_SYNC_EXPORT } from '#shared/groups/export-group-members';
import { BranchesPath, BranchPath, ListBranchesQuery, PutBranchBody } from '#shared/branches/schemas';
import {
  CreateGroupRequest,
  GroupPath,
  HistoryQuery,
  LegacyPath,
  LegacyQuery,
  ListGroupsQuery,
  pageSize,
  UpdateGroupBody,
} from '#shared/groups/schemas';
import {
  BatchPath,
  BulkEnrollBody,
  CourseLearnerPath,
  CoursePath,
  CreateBatchBody,
  ListAuditQuery,
  ListCourseEnrollmentsQuery,
  ListLearnerEnrollmentsQuery,
  ListParticipantsQuery,
  MAX_SYNC_PAIRS,
  ParticipantsBody,
  UpdateEnrollmentBody,
} from '#shared/enrollments/schemas';
import type { ResponseContract, RouteContract } from '#shared/http/http-handler';
import { JobAccepted, listPage } from '#shared/http/response-schemas';
import { GroupAnswer, GroupReadAnswer, HistoryEntryAnswer, UpdatedGroupAnswer } from '#shared/groups/responses';
import { ExplanationAnswer, PreviewAnswer, RulesetVersionAnswer } from '#shared/rules/responses';
import { AssignLearnersAnswer, GroupLearnersPage } from '#shared/memberships/responses';
import {
  BulkUpsertLearnersAnswer,
  LearnerAnswer,
  LearnerWithGroupsAnswer,
  PutLearnerAnswer,
} from '#shared/learners/responses';
import { BranchAnswer, PutBranchAnswer } from '#shared/branches/responses';
import {
  BatchAnswer,
  BulkEnrollAnswer,
  EnrollmentAnswer,
  EnrollmentAuditAnswer,
  ParticipantsAnswer,
} from '#shared/enrollments/responses';
import { JobAnswer, RowResultAnswer } from '#shared/jobs/responses';
import { ImportUploadAnswer } from '#shared/imports/responses';
import { ConditionsHistoryQuery, ExplainPath, PreviewBody } from '#shared/rules/schemas';
import { FileName, ImportKind, UPLOAD_TTL_SECONDS } from '#shared/imports/upload-grant';
import { LearnerBody, MAX_SYNC_LEARNERS } from '#shared/learners/schemas';
import {
  AssignLearnersBody,
  ListMembersQuery,
  RemoveLearnersAnswer,
  RemoveLearnersBody,
} from '#shared/memberships/schemas';

const LearnerPath = z.strictObject({ enterprise_uuid: z.uuid(), learner_uuid: z.uuid() });
const TenantPath = z.strictObject({ enterprise_uuid: z.uuid() });
const JobPath = z.strictObject({ job_id: z.uuid() });

/** The answer of a request that became a job; Location names the job. */
const jobAnswer = {
  status: 202,
  description: 'the job: {job_id, status, total, status_url}; Location is its status_url',
  headers: ['location'],
  body: JobAccepted,
} satisfies ResponseContract;
/** 304 to a read whose If-None-Match names the current version. */
const notModified = {
  status: 304,
  description: 'not modified: If-None-Match names the current version (weak comparison, or *); no body',
  headers: ['etag'],
} satisfies ResponseContract;

/** GET /health's answer: `local` names the emulators of the local stack. */
const HealthAnswer = z.looseObject({ status: z.literal('ok'), local: z.looseObject({}).optional() });

/** The unauthenticated platform routes (not built by httpHandler): for the document only. */
export const platformContract = {
  Health: {
    summary: 'Liveness (and, locally, where the emulators are)',
    success: { status: 200, description: '{status: "ok"}, with `local` on the local stack', body: HealthAnswer },
  },
  OpenApi: {
    summary: 'This document',
    success: {
      status: 200,
      description: 'the OpenAPI 3.1 document',
      body: z.looseObject({ openapi: z.string(), paths: z.looseObject({}) }),
    },
  },
} satisfies Record<string, RouteContract>;

/**
 * The request schemas of every HTTP route, keyed by catalog name. Handlers validate with these and
 * GET /openapi.json is generated from them, so the document cannot drift from the code.
 */
export const contract = {
  CreateGroup: {
    summary: `Create a group (at most ${MAX_GROUP_BYTES} bytes serialized, else 400 naming its largest field)`,
    body: CreateGroupRequest,
    success: {
      status: 201,
      description: 'the group; Location is its URL',
      headers: ['etag', 'location'],
      body: GroupAnswer,
    },
  },
  ListGroups: {
    summary: 'List groups of a tenant or of a learner',
    query: ListGroupsQuery,
    success: {
      status: 200,
      description:
        'a page of groups; a learner caller gets each as the learner projection (group_uuid, name, enterprise_customer_uuid, description, type, status), and its external_id or a sort_by other than name is a 400',
      body: listPage(GroupReadAnswer),
    },
  },
  GetGroupByLegacyId: {
    summary: 'Find a group by its legacy numeric id',
    params: LegacyPath,
    query: LegacyQuery,
    conditional: true,
    success: { status: 200, description: 'the group', headers: ['etag'], body: GroupAnswer },
    also: [notModified],
  },
  GetGroup: {
    summary: 'Read a group',
    params: GroupPath,
    conditional: true,
    success: {
      status: 200,
      description:
        'the group, with an ETag; a learner member gets the learner projection (group_uuid, name, enterprise_customer_uuid, description, type, status)',
      headers: ['etag'],
      body: GroupReadAnswer,
    },
    also: [notModified],
  },
  UpdateGroup: {
    summary: `Update a group (If-Match: "<version>", a list of versions or * guards against lost updates; the result at most ${MAX_GROUP_BYTES} bytes serialized)`,
    params: GroupPath,
    body: UpdateGroupBody,
    conditional: true,
    success: { status: 200, description: 'the updated group', headers: ['etag'], body: UpdatedGroupAnswer },
  },
  DeleteGroup: {
    summary: 'Delete a group and its memberships (If-Match optional)',
    params: GroupPath,
    conditional: true,
    success: { status: 204, description: 'deleted' },
  },
  RecalculateGroup: {
    rateLimited: true,
    summary: 'Recalculate an automatic group from scratch (a job: mark-and-sweep by generation)',
    params: GroupPath,
    success: { ...jobAnswer, description: `the recalculation job; ${jobAnswer.description}`, body: JobAccepted },
  },
  ListConditionsHistory: {
    summary: "Every version of an automatic group's ruleset, newest first, with who and when",
    params: GroupPath,
    query: ConditionsHistoryQuery,
    success: { status: 200, description: 'a page of ruleset versions', body: listPage(RulesetVersionAnswer) },
  },
  PreviewRuleset: {
    rateLimited: true,
    summary: 'Dry run of a ruleset over a tenant (optionally against a group): counts and samples; writes nothing',
    body: PreviewBody,
    success: { status: 200, description: 'matching_count, sample, would_add, would_remove', body: PreviewAnswer },
  },
  ExplainMembership: {
    summary: "Why a learner is (not) a member of an automatic group: membership, ruleset version, each rule's result",
    params: ExplainPath,
    success: { status: 200, description: 'the explanation', body: ExplanationAnswer },
  },
  ListGroupHistory: {
    summary: "A group's audit trail (group and membership changes), newest first; kept after the group is deleted",
    params: GroupPath,
    query: HistoryQuery,
    success: { status: 200, description: 'a page of history entries', body: listPage(HistoryEntryAnswer) },
  },
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
  ListGroupLearners: {
    rateLimited: true,
    summary: "List a group's members with their details (search = e-mail or name prefix)",
    params: GroupPath,
    query: ListMembersQuery,
    success: { status: 200, description: 'a page of memberships', body: GroupLearnersPage },
  },
  AssignLearners: {
    rateLimited: true,
    summary:
      'Add learners (by uuid, branch or group copy) or e-mails (pending) to a group, with home_group/permissions',
    params: GroupPath,
    body: AssignLearnersBody,
    success: {
      status: 201,
      description: "an outcome per identifier; Location is the group's members listing",
      headers: ['location'],
      body: AssignLearnersAnswer,
    },
    also: [
      { status: 200, description: 'an outcome per identifier; nothing changed', body: AssignLearnersAnswer },
      jobAnswer,
    ],
  },
  RemoveLearners: {
    rateLimited: true,
    summary: 'Remove members from a group (by uuid or e-mail, or remove_all)',
    params: GroupPath,
    body: RemoveLearnersBody,
    success: {
      status: 200,
      description:
        "{count, records_deleted, results, skipped, errors}: an outcome per identifier (none for remove_all); records_deleted is Open edX's name of count",
      body: RemoveLearnersAnswer,
    },
    also: [jobAnswer],
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
  BulkEnroll: {
    rateLimited: true,
    summary: `Enroll or unenroll identifiers in courses (Open edX bulk_enroll; staff only, throttled; over ${MAX_SYNC_PAIRS} identifier×course pairs → 202 with a job)`,
    body: BulkEnrollBody,
    forms: true,
    success: { status: 200, description: 'per course, per identifier: before and after', body: BulkEnrollAnswer },
    also: [jobAnswer],
  },
  CreateBatch: {
    summary: 'Create a batch of a course',
    params: CoursePath,
    body: CreateBatchBody,
    success: {
      status: 201,
      description: 'the batch, with its batch_id; Location is its URL',
      headers: ['location'],
      body: BatchAnswer,
    },
  },
  GetBatch: {
    summary: 'Read a batch with its participant_count',
    params: BatchPath,
    success: { status: 200, description: 'the batch', body: BatchAnswer },
  },
  AddBatchParticipants: {
    summary: `Add participants to a batch (over ${MAX_SYNC_PAIRS}: 202 with a job)`,
    params: BatchPath,
    body: ParticipantsBody,
    success: {
      status: 201,
      description: "an outcome per identifier; Location is the batch's participants listing",
      headers: ['location'],
      body: ParticipantsAnswer,
    },
    also: [
      { status: 200, description: 'an outcome per identifier; nothing was added', body: ParticipantsAnswer },
      jobAnswer,
    ],
  },
  RemoveBatchParticipants: {
    summary: `Remove participants from a batch, completed learners stay (over ${MAX_SYNC_PAIRS}: 202 with a job)`,
    params: BatchPath,
    body: ParticipantsBody,
    success: { status: 200, description: 'an outcome per identifier', body: ParticipantsAnswer },
    also: [jobAnswer],
  },
  ListBatchParticipants: {
    summary: "List a batch's participants",
    params: BatchPath,
    query: ListParticipantsQuery,
    success: { status: 200, description: 'a page of enrollments', body: listPage(EnrollmentAnswer) },
  },
  ListCourseEnrollments: {
    summary: "List a course's enrollments in a tenant (staff may omit enterprise_customer_uuid to list every tenant's)",
    params: CoursePath,
    query: ListCourseEnrollmentsQuery,
    success: { status: 200, description: 'a page of enrollments', body: listPage(EnrollmentAnswer) },
  },
  ListEnrollmentAudit: {
    summary: "List the audit trail of a course's enrollments in a tenant",
    params: CoursePath,
    query: ListAuditQuery,
    success: {
      status: 200,
      description: 'a page of audit entries, oldest first',
      body: listPage(EnrollmentAuditAnswer),
    },
  },
  UpdateEnrollment: {
    summary: 'Record that an enrolled learner completed a course',
    params: CourseLearnerPath,
    body: UpdateEnrollmentBody,
    success: { status: 200, description: 'the enrollment', body: EnrollmentAnswer },
  },
  ListLearnerEnrollments: {
    summary: "List a learner's enrollments",
    params: LearnerPath,
    query: ListLearnerEnrollmentsQuery,
    success: { status: 200, description: 'a page of enrollments', body: listPage(EnrollmentAnswer) },
  },
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
  ExportGroupMembers: {
    rateLimited: true,
    summary: `Members as CSV (formula-safe); over ${MAX_SYNC_EXPORT} members: 202 with a job whose results file is the CSV`,
    params: GroupPath,
    query: z.strictObject({
      columns: z
        .string()
        .optional()
        .transform((c) =>
          c
            ? c
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean)
            : DEFAULT_EXPORT_COLUMNS,
        )
        .pipe(z.array(z.enum(Object.keys(EXPORT_COLUMNS) as [string, ...string[]])).min(1)),
      include_header: z
        .enum(['true', 'false'])
        .default('true')
        .transform((v) => v === 'true'),
      delimiter: z
        .enum([',', ';', '|', 'tab'])
        .default(',')
        .transform((d) => (d === 'tab' ? '\t' : d)),
    }),
    success: {
      status: 200,
      description: 'the members as CSV (an attachment)',
      contentType: 'text/csv',
      body: z.string(),
    },
    also: [jobAnswer],
  },
} satisfies Record<string, RouteContract>;
