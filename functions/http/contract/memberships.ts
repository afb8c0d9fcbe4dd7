import { GroupPath } from '#shared/groups/schemas';
import type { RouteContract } from '#shared/http/http-handler';
import { AssignLearnersAnswer, GroupLearnersPage } from '#shared/memberships/responses';
import {
  AssignLearnersBody,
  ListMembersQuery,
  RemoveLearnersAnswer,
  RemoveLearnersBody,
} from '#shared/memberships/schemas';
import { jobAnswer } from '#functions/http/contract/shared-answers';

/** A group's members: the routes' contracts (see functions/http/contract.ts). */
export const membershipsRoutes = {
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
    also: [
      {
        ...jobAnswer,
        description:
          "over 1000 identifiers, or remove_all past the group's removal_guard: the job ({job_id, status, total, status_url}; Location is its status_url); in a guarded group it waits awaiting_approval when its removals pass the guard",
      },
    ],
  },
} satisfies Record<string, RouteContract>;
