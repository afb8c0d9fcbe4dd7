import type { Caller } from '#shared/auth/caller';
import { ConflictError } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import { normalizeEmail } from '#shared/learners/learner';
import type { IdentifierResult } from '#shared/memberships/outcomes';
import type { IdentifierInput } from '#shared/memberships/resolve-members';
import { type Throttle, unthrottled } from '#shared/throttle/throttle';
import type { JobRow } from './job';
import { rejectRepeats } from './job-rows';
import type { StartJob } from './start-job';

/** How many learners a request names directly (uuids and e-mails, repeats included). */
export const identifierCount = (input: IdentifierInput) =>
  (input.learner_uuids?.length ?? 0) + (input.learner_emails?.length ?? 0);

/** Starts an assign or remove job (see makeStartMembershipJob). */
export type StartMembershipJob = ReturnType<typeof makeStartMembershipJob>;

/**
 * Turns identifiers into job rows in request order (uuids first, then e-mails). A repeat of an
 * identifier anywhere in the request (compared trimmed and lower-cased) is decided here as
 * `duplicate_in_request`, so chunks never race each other over the same member.
 */
export function identifierRows(input: IdentifierInput): JobRow[] {
  const named = [
    ...(input.learner_uuids ?? []).map((identifier) => ({ identifier, type: 'uuid' })),
    ...(input.learner_emails ?? []).map((identifier) => ({ identifier, type: 'email' })),
  ];
  const keyOf = ({ identifier, type }: Record<string, unknown>) =>
    type === 'uuid' ? `L#${String(identifier).trim().toLowerCase()}` : `E#${normalizeEmail(String(identifier))}`;
  return rejectRepeats(
    named.map((input, index) => ({ index, input })),
    (row) => [keyOf(row.input)],
    'named earlier in this request',
  );
}

/**
 * Starts a large assign or remove as a job after the same checks the synchronous call makes first:
 * the caller administers the group, and an inactive group takes no new members.
 */
export const makeStartMembershipJob =
  (groups: Pick<GroupRepository, 'get'>, startJob: StartJob, throttle: Throttle = unthrottled) =>
  async (
    caller: Caller,
    groupUuid: string,
    kind: 'assign_learners' | 'remove_learners',
    input: IdentifierInput,
    extra: { rejected?: IdentifierResult[]; settings?: Record<string, unknown> } = {},
  ) => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    if (kind === 'assign_learners' && group.status !== 'active') {
      throw new ConflictError('group_inactive', `Group ${groupUuid} is inactive and accepts no new members`);
    }
    await throttle('membership_job', caller, group.enterprise_customer_uuid);
    return startJob(
      {
        tenant: group.enterprise_customer_uuid,
        kind,
        target: { group_uuid: groupUuid, ...(extra.settings ? { settings: JSON.stringify(extra.settings) } : {}) },
        source: { type: 'api', route: kind, caller: caller.sub },
        sourceKey: `api:${kind}:${groupUuid}`,
        createdBy: caller.sub,
      },
      [
        ...identifierRows(input),
        // Sources (branches, groups) the expansion refused, reported on rows of their own.
        ...(extra.rejected ?? []).map((r, i) => ({
          index: identifierCount(input) + i,
          input: { identifier: r.identifier, type: 'source' },
          rejected: { outcome: r.outcome, message: r.message ?? r.outcome },
        })),
      ],
    );
  };
