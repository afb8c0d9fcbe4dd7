import * as z from 'zod';
import { MAX_GROUP_BYTES } from '#shared/groups/group-size';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, MAX_SYNC_EXPORT } from '#shared/groups/export-group-members';
import {
  CreateGroupRequest,
  GroupPath,
  HistoryQuery,
  LegacyPath,
  LegacyQuery,
  ListGroupsQuery,
  ListLearnerGroupsQuery,
  UpdateGroupBody,
} from '#shared/groups/schemas';
import type { RouteContract } from '#shared/http/http-handler';
import { JobAccepted, listPage } from '#shared/http/response-schemas';
import { GroupAnswer, GroupReadAnswer, HistoryEntryAnswer, UpdatedGroupAnswer } from '#shared/groups/responses';
import { ExplanationAnswer, PreviewAnswer, RulesetVersionAnswer } from '#shared/rules/responses';
import { ConditionsHistoryQuery, ExplainPath, PreviewBody } from '#shared/rules/schemas';
import { jobAnswer, LearnerPath, notModified } from '#functions/http/contract/shared-answers';

/** Groups, their rules and their history: the routes' contracts (see functions/http/contract.ts). */
export const groupsRoutes = {
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
  ListLearnerGroups: {
    summary: "A learner's groups, now or as they stood at as_of",
    params: LearnerPath,
    query: ListLearnerGroupsQuery,
    success: {
      status: 200,
      description:
        'a page of the groups the learner counted in (active or pending) now, or at as_of (the groups as they are now; a deleted group is not listed); the learner itself gets each as the learner projection',
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
