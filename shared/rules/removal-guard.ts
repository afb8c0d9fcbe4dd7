/**
 * The mass-removal guard: before its first removal, a recalculation's sweep (or the finish step of a
 * bulk removal job or a group-members import) counts what it would remove; past the group's
 * `removal_guard` the job stops `awaiting_approval` (a recalculation's group run with it). An admin approves (the sweep then runs again, on the members as they are then) or cancels (the
 * job ends `cancelled`, nobody removed). Each step is one transaction of the job, the group's run and
 * the history entry, so none of them can disagree.
 */
import type { DynamoDBDocumentClient, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { transact } from '#shared/db/transactions';
import type { Group } from '#shared/groups/group';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { endRuleRunUpdate, ruleRunStatusUpdate } from '#shared/groups/rule-run-items';
import { removalGuardEntry } from '#shared/history/history-entry';
import { historyPut } from '#shared/history/history-repository';
import type { GuardHold, Job } from '#shared/jobs/job';
import { approveUpdate, cancelUpdate, holdUpdate } from '#shared/jobs/job-items';
import type { TransactItem } from '#shared/memberships/membership-items';

/** An update as a transaction part (its builders always set an UpdateExpression). */
const part = (update: UpdateCommandInput): TransactItem => ({ Update: update as NonNullable<TransactItem['Update']> });

export { GUARD_SAMPLE, guardTrips, percentOf } from '#shared/groups/removal-guard-limits';

/** What a finish step needs to hold a job: the store, the sample's e-mails, and the group's notification e-mails. */
export interface GuardDeps {
  store: Pick<RemovalGuardStore, 'hold'>;
  learners: Pick<LearnerRepository, 'getMany'>;
  /** Tells the group's notification e-mails that removals wait for approval. */
  notify: (group: Group, job: Job, hold: GuardHold) => Promise<void>;
}

const generationOf = (job: Job) => Number(job.target.generation);

/** A recalculation holds its group's run with it; a bulk removal job or an import holds only itself. */
const isRun = (job: Job) => job.kind === 'recalculate_group';

export function makeRemovalGuardStore(db: DynamoDBDocumentClient, tableName: string) {
  const groupPart = (update: ReturnType<typeof ruleRunStatusUpdate>) => part({ TableName: tableName, ...update });
  /** The group whose history records the job's guard actions: the run's, or the one its hold describes. */
  const ref = (job: Pick<Job, 'target' | 'enterprise_customer_uuid'> & { guard?: GuardHold | null }) => ({
    group_uuid: job.guard?.group_uuid ?? String(job.target.group_uuid),
    enterprise_customer_uuid: job.enterprise_customer_uuid,
  });
  /** Cancels a held job: it ends `cancelled` with nothing removed; its group's run ends so too, if still its. */
  async function cancel(job: Job, actor: string, at: string, reason: string): Promise<boolean> {
    const group = ref(job);
    const parts = [
      part(cancelUpdate(tableName, job.job_id, reason, at)),
      historyPut(tableName, removalGuardEntry(group, 'removals_cancelled', job, { actor, at })),
    ];
    if (!isRun(job)) return (await transact(db, parts)).ok;
    const end = endRuleRunUpdate(group.group_uuid, generationOf(job), {
      status: 'cancelled',
      error: reason,
      last_membership_update: at,
    });
    const outcome = await transact(db, [...parts, groupPart(end)]);
    if (outcome.ok) return true;
    if (outcome.failed.includes(0)) return false;
    // The group's run is another's now (or the group is gone): the job alone ends.
    return (await transact(db, parts)).ok;
  }

  return {
    /** Holds a running job; false if it is no longer running or (a recalculation) its run was superseded. */
    async hold(job: Job, guard: GuardHold, actor: string, at: string): Promise<boolean> {
      const group = ref({ ...job, guard });
      const outcome = await transact(db, [
        part(holdUpdate(tableName, job.job_id, guard)),
        historyPut(tableName, removalGuardEntry(group, 'removals_held', { ...job, guard }, { actor, at })),
        ...(isRun(job)
          ? [
              groupPart(
                ruleRunStatusUpdate(group.group_uuid, generationOf(job), job.job_id, 'running', 'awaiting_approval'),
              ),
            ]
          : []),
      ]);
      return outcome.ok;
    },

    /**
     * Approves a held job: it runs again, and so does its group's run. `superseded` when a newer run
     * of the group came first (the job is then cancelled), `not_held` when it no longer waits.
     */
    async approve(job: Job, actor: string, at: string): Promise<'approved' | 'superseded' | 'not_held'> {
      const group = ref(job);
      const outcome = await transact(db, [
        part(approveUpdate(tableName, job.job_id, actor, at)),
        historyPut(tableName, removalGuardEntry(group, 'removals_approved', job, { actor, at })),
        ...(isRun(job)
          ? [
              groupPart(
                ruleRunStatusUpdate(group.group_uuid, generationOf(job), job.job_id, 'awaiting_approval', 'running'),
              ),
            ]
          : []),
      ]);
      if (outcome.ok) return 'approved';
      if (outcome.failed.includes(0) || !isRun(job)) return 'not_held';
      const reason = 'a newer recalculation of the group came first: it decides the removals; nothing was removed';
      return (await cancel(job, actor, at, reason)) ? 'superseded' : 'not_held';
    },

    cancel,
  };
}

export type RemovalGuardStore = ReturnType<typeof makeRemovalGuardStore>;
