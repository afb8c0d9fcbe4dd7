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
import { listPage } from '#shared/http/response-schemas';
import {
  BatchAnswer,
  BulkEnrollAnswer,
  EnrollmentAnswer,
  EnrollmentAuditAnswer,
  ParticipantsAnswer,
} from '#shared/enrollments/responses';
import { LearnerPath, jobAnswer } from '#functions/http/contract/shared-answers';

/** Course enrollments and batches (Open edX bulk_enroll): the routes' contracts (see functions/http/contract.ts). */
export const enrollmentsRoutes = {
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
} satisfies Record<string, RouteContract>;
