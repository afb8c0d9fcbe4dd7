import { z } from 'zod';
import {
  CreateGroupBody,
  GroupPath,
  LegacyPath,
  LegacyQuery,
  ListGroupsQuery,
  pageSize,
  UpdateGroupBody,
} from '#shared/groups/schemas';
import type { RouteContract } from '#shared/http/http-handler';
import { LearnerBody, MAX_SYNC_LEARNERS } from '#shared/learners/schemas';
import { AssignLearnersBody, ListMembersQuery, RemoveLearnersBody } from '#shared/memberships/schemas';

const LearnerPath = z.strictObject({ enterprise_uuid: z.uuid(), learner_uuid: z.uuid() });
const TenantPath = z.strictObject({ enterprise_uuid: z.uuid() });

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
  ListGroupLearners: {
    summary: "List a group's members with their details",
    params: GroupPath,
    query: ListMembersQuery,
    success: { status: 200, description: 'a page of memberships' },
  },
  AssignLearners: {
    summary: 'Add learners (by uuid) or e-mails (pending) to a group',
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
    summary: `Create or update up to ${MAX_SYNC_LEARNERS} learners`,
    params: TenantPath,
    body: z.strictObject({
      learners: z.array(z.unknown()).min(1).max(MAX_SYNC_LEARNERS, `at most ${MAX_SYNC_LEARNERS} learners per request`),
    }),
    success: { status: 200, description: 'an outcome per row' },
  },
} satisfies Record<string, RouteContract>;
