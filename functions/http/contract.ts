import { z } from 'zod';
import { BranchesPath, BranchPath, ListBranchesQuery, PutBranchBody } from '#shared/branches/schemas';
import {
  CreateGroupBody,
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
import type { RouteContract } from '#shared/http/http-handler';
import { LearnerBody, MAX_SYNC_LEARNERS } from '#shared/learners/schemas';
import { AssignLearnersBody, ListMembersQuery, RemoveLearnersBody } from '#shared/memberships/schemas';

const LearnerPath = z.strictObject({ enterprise_uuid: z.uuid(), learner_uuid: z.uuid() });
const TenantPath = z.strictObject({ enterprise_uuid: z.uuid() });
const JobPath = z.strictObject({ job_id: z.uuid() });

/**
 * The request schemas of every HTTP route, keyed by catalog name. Handlers validate with these and
 * GET /openapi.json is generated from them, so the document cannot drift from the code.
 */
export const contract = {
  CreateGroup: { summary: 'Create a group', body: CreateGroupBody, success: { status: 201, description: 'the group' } },
  ListGroups: {
    summary: 'List groups of a tenant or of a learner',
    query: ListGroupsQuery,
    success: { status: 200, description: 'a page of groups' },
  },
  GetGroupByLegacyId: {
    summary: 'Find a group by its legacy numeric id',
    params: LegacyPath,
    query: LegacyQuery,
    success: { status: 200, description: 'the group' },
  },
  GetGroup: {
    summary: 'Read a group',
    params: GroupPath,
    success: { status: 200, description: 'the group, with an ETag' },
  },
  UpdateGroup: {
    summary: 'Update a group (If-Match: "<version>" guards against lost updates)',
    params: GroupPath,
    body: UpdateGroupBody,
    success: { status: 200, description: 'the updated group' },
  },
  DeleteGroup: {
    summary: 'Delete a group and its memberships',
    params: GroupPath,
    success: { status: 204, description: 'deleted' },
  },
  ListGroupHistory: {
    summary: "A group's audit trail (group and membership changes), newest first; kept after the group is deleted",
    params: GroupPath,
    query: HistoryQuery,
    success: { status: 200, description: 'a page of history entries' },
  },
  PutBranch: {
    summary: "Create, rename or move a branch of a tenant's org tree",
    params: BranchPath,
    body: PutBranchBody,
    success: { status: 200, description: 'the branch (201 when created)' },
  },
  ListBranches: {
    summary: "List a tenant's branches",
    params: BranchesPath,
    query: ListBranchesQuery,
    success: { status: 200, description: 'a page of branches' },
  },
  ListGroupLearners: {
    summary: "List a group's members with their details (search = e-mail or name prefix)",
    params: GroupPath,
    query: ListMembersQuery,
    success: { status: 200, description: 'a page of memberships' },
  },
  AssignLearners: {
    summary:
      'Add learners (by uuid, branch or group copy) or e-mails (pending) to a group, with home_group/permissions',
    params: GroupPath,
    body: AssignLearnersBody,
    success: { status: 201, description: 'an outcome per identifier (200 when nothing changed)' },
  },
  RemoveLearners: {
    summary: 'Remove members from a group',
    params: GroupPath,
    body: RemoveLearnersBody,
    success: { status: 200, description: 'an outcome per identifier' },
  },
  PutLearner: {
    summary: 'Create or replace a learner',
    params: LearnerPath,
    body: LearnerBody,
    success: { status: 200, description: 'the learner (201 when created)' },
  },
  GetLearner: {
    summary: 'Read a learner with its groups',
    params: LearnerPath,
    success: { status: 200, description: 'the learner' },
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
      search: z.string().trim().min(1).max(320).optional(),
      branch_id: z.string().min(1).max(100).optional(),
      page_size: pageSize,
      cursor: z.string().max(2000).optional(),
    }),
    success: { status: 200, description: 'a page of learners' },
  },
  BulkUpsertLearners: {
    summary: `Create or update learners: up to ${MAX_SYNC_LEARNERS} at once, more as a 202 job`,
    params: TenantPath,
    body: z.strictObject({
      learners: z.array(z.unknown()).min(1).max(200_000, 'at most 200000 learners per request'),
    }),
    success: { status: 200, description: 'an outcome per row' },
  },
  BulkEnroll: {
    summary: `Enroll or unenroll identifiers in courses (Open edX bulk_enroll; staff only, throttled, ≤ ${MAX_SYNC_PAIRS} identifier×course pairs)`,
    body: BulkEnrollBody,
    success: { status: 200, description: 'per course, per identifier: before and after' },
  },
  CreateBatch: {
    summary: 'Create a batch of a course',
    params: CoursePath,
    body: CreateBatchBody,
    success: { status: 201, description: 'the batch, with its batch_id' },
  },
  GetBatch: {
    summary: 'Read a batch with its participant_count',
    params: BatchPath,
    success: { status: 200, description: 'the batch' },
  },
  AddBatchParticipants: {
    summary: `Add up to ${MAX_SYNC_PAIRS} participants to a batch`,
    params: BatchPath,
    body: ParticipantsBody,
    success: { status: 201, description: 'an outcome per identifier (200 when nothing was added)' },
  },
  RemoveBatchParticipants: {
    summary: `Remove up to ${MAX_SYNC_PAIRS} participants from a batch (completed learners stay)`,
    params: BatchPath,
    body: ParticipantsBody,
    success: { status: 200, description: 'an outcome per identifier' },
  },
  ListBatchParticipants: {
    summary: "List a batch's participants",
    params: BatchPath,
    query: ListParticipantsQuery,
    success: { status: 200, description: 'a page of enrollments' },
  },
  ListCourseEnrollments: {
    summary: "List a course's enrollments in a tenant",
    params: CoursePath,
    query: ListCourseEnrollmentsQuery,
    success: { status: 200, description: 'a page of enrollments' },
  },
  ListEnrollmentAudit: {
    summary: "List the audit trail of a course's enrollments in a tenant",
    params: CoursePath,
    query: ListAuditQuery,
    success: { status: 200, description: 'a page of audit entries, oldest first' },
  },
  UpdateEnrollment: {
    summary: 'Record that an enrolled learner completed a course',
    params: CourseLearnerPath,
    body: UpdateEnrollmentBody,
    success: { status: 200, description: 'the enrollment' },
  },
  ListLearnerEnrollments: {
    summary: "List a learner's enrollments",
    params: LearnerPath,
    query: ListLearnerEnrollmentsQuery,
    success: { status: 200, description: 'a page of enrollments' },
  },
  GetJob: {
    summary: 'Read a job: status, counters, progress, results links',
    params: JobPath,
    success: { status: 200, description: 'the job' },
  },
  ListJobs: {
    summary: "List a tenant's jobs, newest first (source_key = an S3 key or api:<operation>:<id>)",
    query: z.strictObject({
      enterprise_uuid: z.uuid(),
      source_key: z.string().min(1).max(1024).optional(),
      page_size: pageSize,
      cursor: z.string().max(2000).optional(),
    }),
    success: { status: 200, description: 'a page of jobs' },
  },
  ListJobResults: {
    summary: "A job's per-row results in row order, optionally of one outcome",
    params: JobPath,
    query: z.strictObject({
      outcome: z.string().min(1).max(64).optional(),
      page_size: pageSize,
      cursor: z.string().max(200).optional(),
    }),
    success: { status: 200, description: 'a page of row results' },
  },
  AbortJob: {
    summary: 'Stop a job; chunks not yet applied are skipped',
    params: JobPath,
    success: { status: 200, description: 'the aborted job' },
  },
} satisfies Record<string, RouteContract>;
