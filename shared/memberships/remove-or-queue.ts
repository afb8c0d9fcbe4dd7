import type { Caller } from '#shared/auth/caller';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import { identifierCount, type StartMembershipJob } from '#shared/jobs/start-membership-job';
import { type SyncOrJob, syncOrJob } from '#shared/jobs/sync-or-job';
import { guardTrips } from '#shared/groups/removal-guard-limits';
import { COUNTED } from './membership';
import type { MembershipRepository } from './membership-repository';
import type { IdentifierInput } from './resolve-members';
import { MAX_SYNC_IDENTIFIERS } from './schemas';

type RemoveInput = IdentifierInput & { remove_all?: boolean };

export interface RemoveOrQueueDeps<R> {
  /** The synchronous remove (makeRemoveLearners). */
  remove: (caller: Caller, groupUuid: string, input: RemoveInput) => Promise<R>;
  startJob: StartMembershipJob;
  groups: Pick<GroupRepository, 'get'>;
  memberships: Pick<MembershipRepository, 'list'>;
}

const PAGE = 1000;

/**
 * remove_learners: synchronous up to MAX_SYNC_IDENTIFIERS identifiers, else a `remove_learners` job of
 * them. `remove_all` in a group whose removal guard it would pass (removing every member is more than
 * `max_percent` once there are `min_removals` members) becomes a job of the members as they are now,
 * which the guard holds for an admin's approval; members added after the request are not removed.
 */
export const makeRemoveOrQueue =
  <R>({ remove, startJob, groups, memberships }: RemoveOrQueueDeps<R>) =>
  async (caller: Caller, groupUuid: string, input: RemoveInput): Promise<SyncOrJob<R>> => {
    if (input.remove_all) {
      const group = await loadAdministeredGroup(groups, caller, groupUuid);
      if (guardTrips(group.removal_guard, group.member_count, group.member_count))
        return {
          job: await startJob(caller, groupUuid, 'remove_learners', await currentMembers(memberships, groupUuid)),
        };
    }
    return syncOrJob(
      identifierCount(input),
      MAX_SYNC_IDENTIFIERS,
      () => remove(caller, groupUuid, input),
      () => startJob(caller, groupUuid, 'remove_learners', input),
    );
  };

/** The group's counted members as identifiers: learner uuids, and the e-mails of pending members. */
async function currentMembers(
  memberships: Pick<MembershipRepository, 'list'>,
  groupUuid: string,
): Promise<Required<IdentifierInput>> {
  const named: Required<IdentifierInput> = { learner_uuids: [], learner_emails: [] };
  let cursor: string | undefined;
  do {
    const page = await memberships.list({ groupUuid, statuses: [...COUNTED], pageSize: PAGE, cursor });
    for (const m of page.items) {
      if (m.learner_uuid) named.learner_uuids.push(m.learner_uuid);
      else if (m.pending_learner_email) named.learner_emails.push(m.pending_learner_email);
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return named;
}
