import type { Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import { ConflictError, groupNotFound } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { Job } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { newJob } from '#shared/jobs/start-job';

export interface StartRecalculationDeps {
  groups: Pick<GroupRepository, 'get' | 'beginRuleRun' | 'endRuleRun'>;
  jobs: Pick<JobRepository, 'create' | 'end'>;
  /** Queues the run's planning: a worker lists the tenant's learners into chunks (see plan-recalculation). */
  enqueuePlan: (jobId: string) => Promise<void>;
  clock: Clock;
  ids: IdGenerator;
  /** Cancels the previous run's job if the removal guard holds it: the new run decides the removals now. */
  cancelHeld?: ((jobId: string, actor: string) => Promise<void>) | undefined;
}

export const RECALCULATION_ROUTE = 'recalculate_group';

export interface RecalculationOptions {
  /** A scheduled run: the tick's ISO time. A group starts at most one run per tick (see beginRuleRun). */
  tick?: string | undefined;
}

/** The job source of a run: the API call (or admin action) that asked for it, or the schedule's tick. */
const sourceOf = (caller: Pick<Caller, 'sub'>, tick: string | undefined) =>
  tick
    ? { source: { type: 'schedule' as const, tick }, sourceKey: `schedule:${RECALCULATION_ROUTE}` }
    : {
        source: { type: 'api' as const, route: RECALCULATION_ROUTE, caller: caller.sub },
        sourceKey: `api:${RECALCULATION_ROUTE}`,
      };

/** The refusals a start checks on the group as read, before and after every failed compare-and-set. */
function refuse(group: Group, tick: string | undefined): void {
  if (group.type !== 'automatic' || !group.ruleset)
    throw new ConflictError('not_automatic', `Group ${group.group_uuid} is a manual group; it has no rules`);
  if (group.rule_processing?.state === 'paused')
    throw new ConflictError('rule_processing_paused', `Rule processing of group ${group.group_uuid} is paused`);
  const claimed = group.rule_processing?.scheduled_tick;
  if (tick && claimed !== undefined && claimed >= tick)
    throw new ConflictError(
      'recalculation_already_started',
      `Group ${group.group_uuid} already started the scheduled run of ${claimed}`,
    );
}

/**
 * Starts a recalculation of an automatic group from scratch: takes the next `rule_generation` (a
 * compare-and-set, so two starts never share one), records the run's job (`queued`) and queues its
 * planning, which lists the tenant's learners into chunks in a worker: the request that starts a run
 * reads nothing of the tenant, whatever its size. Chunks add and stamp matching learners with the
 * generation and drop rule members that no longer match; the job's finish step sweeps rule members
 * of older generations. Refused for manual groups, paused rule processing and deleted groups (also
 * when that happens while it starts). A scheduled start (`tick`) is refused with
 * `recalculation_already_started` when a run of that tick (or a later one) already started:
 * duplicates of a tick start nothing. A previous run whose removals wait for approval is cancelled:
 * the new run counts them afresh.
 */
export const makeStartRecalculation =
  ({ groups, jobs, enqueuePlan, clock, ids, cancelHeld }: StartRecalculationDeps) =>
  async (caller: Pick<Caller, 'sub'>, group: Group, { tick }: RecalculationOptions = {}): Promise<Job> => {
    refuse(group, tick);
    const tenant = group.enterprise_customer_uuid;
    let current: Group | undefined = group;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) current = await groups.get(group.group_uuid);
      if (!current) throw groupNotFound(group.group_uuid);
      refuse(current, tick);
      const expected = current.rule_generation ?? 0;
      const jobId = ids.uuid();
      if (!(await groups.beginRuleRun(group.group_uuid, expected, jobId, tick))) continue;
      const generation = expected + 1;
      const job = newJob(
        {
          tenant,
          kind: 'recalculate_group',
          target: { group_uuid: group.group_uuid, generation: String(generation) },
          ...sourceOf(caller, tick),
          createdBy: caller.sub,
        },
        jobId,
        clock.now(),
      );
      try {
        await jobs.create(job);
        await enqueuePlan(jobId);
        const previous = current.rule_processing;
        if (previous?.status === 'awaiting_approval' && previous.job_id)
          await cancelHeld?.(previous.job_id, caller.sub);
        return job;
      } catch (error) {
        const reason = 'the recalculation could not be queued';
        await jobs.end(jobId, 'failed', reason, clock.now()).catch(() => false);
        await groups.endRuleRun(group.group_uuid, generation, {
          status: 'failed',
          error: reason,
          last_membership_update: current.rule_processing?.last_membership_update ?? null,
        });
        throw error;
      }
    }
    throw new ConflictError('concurrent_modification', `Group ${group.group_uuid} kept changing; retry`);
  };

export type StartRecalculation = ReturnType<typeof makeStartRecalculation>;
