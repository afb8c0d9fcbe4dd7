import type { Caller } from '#shared/auth/caller';
import { identifierCount, type StartMembershipJob } from '#shared/jobs/start-membership-job';
import { syncOrJob } from '#shared/jobs/sync-or-job';
import type { IdentifierInput } from './resolve-members';
import { MAX_SYNC_IDENTIFIERS } from './schemas';

type RemoveInput = IdentifierInput & { remove_all?: boolean };

export interface RemoveOrQueueDeps<R> {
  /** The synchronous remove (makeRemoveLearners). */
  remove: (caller: Caller, groupUuid: string, input: RemoveInput) => Promise<R>;
  startJob: StartMembershipJob;
}

/** remove_learners: synchronous up to MAX_SYNC_IDENTIFIERS identifiers, else a `remove_learners` job of them. */
export const makeRemoveOrQueue =
  <R>({ remove, startJob }: RemoveOrQueueDeps<R>) =>
  (caller: Caller, groupUuid: string, input: RemoveInput) =>
    syncOrJob(
      identifierCount(input),
      MAX_SYNC_IDENTIFIERS,
      () => remove(caller, groupUuid, input),
      () => startJob(caller, groupUuid, 'remove_learners', input),
    );
