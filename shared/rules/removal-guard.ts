/**
 * The mass-removal guard of a recalculation: before its first removal, the sweep counts what it would
 * remove; past the group's `removal_guard` the job stops `awaiting_approval` and its group's run with
 * it. An admin approves (the sweep then runs again, on the members as they are then) or cancels (the
 * job ends `cancelled`, nobody removed). Each step is one transaction of the job, the group's run and
 * the history entry, so none of them can disagree.
 */
import type { DynamoDBDocumentClient, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { transact } from '#shared/db/transactions';
import type { RemovalGuard } from '#shared/groups/group';
import { endRuleRunUpdate, ruleRunStatusUpdate } from '#shared/groups/rule-run-items';
import { removalGuardEntry } from '#shared/history/history-entry';
import { historyPut } from '#shared/history/history-repository';
import type { GuardHold, Job } from '#shared/jobs/job';
import { approveUpdate, cancelUpdate, holdUpdate } from '#shared/jobs/job-items';
import type { TransactItem } from '#shared/memberships/membership-items';

/** An update as a transaction part (its builders always set an UpdateExpression). */
const part = (update: UpdateCommandInput): TransactItem => ({ Update: update as NonNullable<TransactItem['Update']> });

/** Members named in a hold, so an admin sees who would go. */
export const GUARD_SAMPLE = 10;

/** Whether removing `wouldRemove` of `memberCount` members passes the guard (so must wait). */
export function guardTrips(guard: RemovalGuard | null, wouldRemove: number, memberCount: number): boolean {
  if (!guard || wouldRemove === 0) return false;
  return wouldRemove >= guard.min_removals && percentOf(wouldRemove, memberCount) > guard.max_percent;
}

export const percentOf = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

const generationOf = (job: Job) => Number(job.target.generation);

export function makeRemovalGuardStore(db: DynamoDBDocumentClient, tableName: string) {
  const groupPart = (update: ReturnType<typeof ruleRunStatusUpdate>) => part({ TableName: tableName, ...update });
  const ref = (job: Job) => ({
    group_uuid: String(job.target.group_uuid),
    enterprise_customer_uuid: job.enterprise_customer_uuid,
  });
  /** Cancels a held job: it ends `cancelled` with nothing removed; its group's run ends so too, if still its. */
  async function cancel(job: Job, actor: string, at: string, reason: string): Promise<boolean> {
    const group = ref(job);
    const end = endRuleRunUpdate(group.group_uuid, generationOf(job), {
      status: 'cancelled',
      error: reason,
      last_membership_update: at,
    });
    const parts = [
      part(cancelUpdate(tableName, job.job_id, reason, at)),
      historyPut(tableName, removalGuardEntry(group, 'removals_cancelled', job, { actor, at })),
    ];
    const outcome = await transact(db, [...parts, groupPart(end)]);
    if (outcome.ok) return true;
    if (outcome.failed.includes(0)) return false;
    // The group's run is another's now (or the group is gone): the job alone ends.
    return (await transact(db, parts)).ok;
  }

  return {
    /** Holds a running recalculation; false if it is no longer running or its run was superseded. */
    async hold(job: Job, guard: GuardHold, actor: string, at: string): Promise<boolean> {
      const group = ref(job);
      const outcome = await transact(db, [
        part(holdUpdate(tableName, job.job_id, guard)),
        groupPart(ruleRunStatusUpdate(group.group_uuid, generationOf(job), job.job_id, 'running', 'awaiting_approval')),
        historyPut(tableName, removalGuardEntry(group, 'removals_held', { ...job, guard }, { actor, at })),
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
        groupPart(ruleRunStatusUpdate(group.group_uuid, generationOf(job), job.job_id, 'awaiting_approval', 'running')),
        historyPut(tableName, removalGuardEntry(group, 'removals_approved', job, { actor, at })),
      ]);
      if (outcome.ok) return 'approved';
      if (outcome.failed.includes(0)) return 'not_held';
      const reason = 'a newer recalculation of the group came first: it decides the removals; nothing was removed';
      return (await cancel(job, actor, at, reason)) ? 'superseded' : 'not_held';
    },

    cancel,
  };
}

export type RemovalGuardStore = ReturnType<typeof makeRemovalGuardStore>;
