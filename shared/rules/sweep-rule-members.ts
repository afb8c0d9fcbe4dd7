import type { Clock } from '#shared/clock';
import { beforeRound } from '#shared/db/backoff';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { Group, RuleProcessing } from '#shared/groups/group';
import type { GuardHold, Job, RowResult } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { commitPlanned, MAX_ROUNDS, type Planned } from '#shared/memberships/commit-planned';
import { type Membership, refKey } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import { RULES_ACTOR } from './apply-recalculation-rows';
import { GUARD_SAMPLE, type GuardDeps, guardTrips, percentOf } from './removal-guard';

export type { GuardDeps } from './removal-guard';

export interface SweepDeps {
  groups: Pick<GroupRepository, 'get' | 'endRuleRun'>;
  memberships: Pick<MembershipRepository, 'list' | 'commit' | 'getMany'>;
  jobs: Pick<JobRepository, 'get' | 'resultChunks' | 'settleChunk'>;
  clock: Clock;
  /** The mass-removal guard; without it every sweep removes at once. */
  guard?: GuardDeps | undefined;
}

const PAGE = 500;

/**
 * The finish step of a recalculation: removes the `rule` members not confirmed by this run (their
 * `rule_generation` is older), settles the rows its chunks left `removal_pending`, then records the
 * run's end. Only the current generation sweeps: a superseded run returns at once, and each removal
 * is conditioned on the group's generation and on the member still being an older rule member (an
 * admin's pin to `manual`, or a stamp by an incremental evaluation meanwhile, wins). Manual and
 * import members are never swept. With a removal guard on the group, the removals are first counted:
 * past the guard the job is held for an admin (`held`, nothing removed); an approved job sweeps the
 * members stale when it runs again, not those counted at the hold.
 */
export const makeSweepRuleMembers =
  ({ groups, memberships, jobs, clock, guard }: SweepDeps) =>
  async (job: Job): Promise<'held' | void> => {
    const generation = Number(job.target.generation);
    const group = await groups.get(String(job.target.group_uuid));
    if (!group || group.rule_generation !== generation) {
      // A newer run (or the group's deletion) decides the removals this one left pending.
      await settlePendingRows(job, { memberships, jobs }, 'superseded');
      return;
    }
    if (guard && !job.approved_by) {
      const held = await holdIfTripped(guard, memberships, jobs, group, job, clock);
      if (held !== 'sweep') return held === 'held' ? 'held' : undefined;
    }
    for await (const page of staleRuleMembers(memberships, group.group_uuid, generation)) {
      let stale = page;
      for (let round = 0; stale.length > 0 && round < MAX_ROUNDS; round++) {
        await beforeRound(round);
        const at = clock.now();
        const planned = stale.map((m) => removal(m, at, generation, sweepOpOf(job)));
        const { retry, groupFailed } = await commitPlanned(memberships, group, planned, {
          at,
          actor: RULES_ACTOR,
          opId: sweepOpOf(job),
          guard: { ruleGeneration: generation },
        });
        if (groupFailed) return;
        // A transaction refused because one member changed meanwhile: re-read those and sweep what is still stale.
        const fresh = await memberships.getMany(
          group.group_uuid,
          retry.map((t) => t.ref),
        );
        stale = [...fresh.values()].filter((m) => isStale(m, generation));
      }
    }
    await settlePendingRows(job, { memberships, jobs }, 'changed_since');
    await groups.endRuleRun(group.group_uuid, generation, { ...runOutcome(job), last_membership_update: clock.now() });
  };

/**
 * The group's account of a finished run: its job's final status and, unless every learner was
 * applied, how many were not. A run with failed rows is never reported `succeeded`.
 */
export function runOutcome(job: Job): Pick<RuleProcessing, 'status' | 'error'> {
  const failed = job.failed > 0 || job.chunks_failed > 0;
  if (job.status !== 'failed' && !failed) return { status: 'succeeded', error: null };
  const summary =
    `${job.failed} of ${job.processed} learners failed (${job.succeeded} applied, ${job.skipped} skipped); ` +
    'see the job results for each learner and why';
  return {
    status: job.status === 'failed' ? 'failed' : 'completed_with_errors',
    error: job.error ? `${job.error}; ${summary}` : summary,
  };
}

/**
 * The rows a guarded run's chunks left `removal_pending`, settled after the sweep: `removed` when the
 * sweep removed that member, else `changed_since` (the membership changed since its chunk: an admin
 * pinned or removed it, a newer evaluation kept it) or, for a run a newer one superseded, `superseded`. One transaction per chunk rewrites its rows and
 * moves the job's counters, once, so a repeated finish step counts nothing twice.
 */
async function settlePendingRows(
  job: Job,
  { memberships, jobs }: Pick<SweepDeps, 'memberships' | 'jobs'>,
  notRemoved: 'changed_since' | 'superseded',
): Promise<void> {
  const sweepOp = sweepOpOf(job);
  for await (const { chunk, rows } of jobs.resultChunks(job.job_id)) {
    const pending = rows.filter((r) => r.outcome === 'removal_pending');
    if (pending.length === 0) continue;
    const found = await memberships.getMany(
      String(job.target.group_uuid),
      pending.map((r) => ({ learnerUuid: r.identifier })),
    );
    const removedBySweep = (learnerUuid: string) => {
      const m = found.get(refKey({ learnerUuid }));
      return m?.status === 'removed' && m.last_op_id === sweepOp;
    };
    const settled = rows.map((r): RowResult =>
      r.outcome !== 'removal_pending' ? r : { ...r, outcome: removedBySweep(r.identifier) ? 'removed' : notRemoved },
    );
    await jobs.settleChunk(job.job_id, chunk, rows, settled);
  }
}

/** The active rule members of a group that a run of `generation` did not confirm, page by page. */
async function* staleRuleMembers(
  memberships: Pick<MembershipRepository, 'list'>,
  groupUuid: string,
  generation: number,
): AsyncGenerator<Membership[]> {
  let cursor: string | undefined;
  do {
    const page = await memberships.list({ groupUuid, statuses: ['active'], source: 'rule', pageSize: PAGE, cursor });
    yield page.items.filter((m) => isStale(m, generation));
    cursor = page.next ?? undefined;
  } while (cursor);
}

/** The operation id of a run's sweep. */
const sweepOpOf = (job: Job) => `${job.job_id}#sweep`;

const isStale = (m: Membership, generation: number) =>
  m.learner_uuid !== null && m.status === 'active' && m.source === 'rule' && (m.rule_generation ?? 0) < generation;

function removal(m: Membership, at: string, generation: number, opId: string): Planned {
  const ref = { learnerUuid: m.learner_uuid! };
  return {
    target: { identifier: m.learner_uuid!, ref },
    // The operation id marks the membership as this sweep's removal, which settles its pending row.
    write: { kind: 'remove', ref, at, opId, removedBy: 'rule', olderThanGeneration: generation },
    outcome: 'removed',
    before: m,
    beforeHome: false,
    after: { ...m, status: 'removed', removed_at: at, modified: at, removed_by: 'rule' },
    afterHome: false,
  };
}

/**
 * The guard's check before the first removal: counts the rule members this run would remove and,
 * past the group's `removal_guard`, holds the job (`held`). `sweep` when the removals may go on;
 * `stop` when the hold found the job no longer running or the run superseded (nothing to remove).
 */
async function holdIfTripped(
  { store, learners, notify }: GuardDeps,
  memberships: Pick<MembershipRepository, 'list'>,
  jobs: Pick<JobRepository, 'get'>,
  group: Group,
  job: Job,
  clock: Clock,
): Promise<'held' | 'sweep' | 'stop'> {
  const limits = group.removal_guard;
  if (!limits || group.member_count < limits.min_removals) return 'sweep';
  const generation = Number(job.target.generation);
  let wouldRemove = 0;
  const sample: string[] = [];
  for await (const page of staleRuleMembers(memberships, group.group_uuid, generation)) {
    wouldRemove += page.length;
    for (const m of page.slice(0, GUARD_SAMPLE - sample.length)) sample.push(m.learner_uuid!);
  }
  if (!guardTrips(limits, wouldRemove, group.member_count)) return 'sweep';
  const found = await learners.getMany(group.enterprise_customer_uuid, sample);
  const hold: GuardHold = {
    group_uuid: group.group_uuid,
    would_remove: wouldRemove,
    member_count: group.member_count,
    percent: percentOf(wouldRemove, group.member_count),
    max_percent: limits.max_percent,
    min_removals: limits.min_removals,
    sample: sample.map((learner_uuid) => ({ learner_uuid, email: found.get(learner_uuid)?.email ?? null })),
  };
  if (await store.hold(job, hold, RULES_ACTOR, clock.now())) {
    await notify(group, job, hold);
    return 'held';
  }
  // Another delivery held it first, or it stopped running, or a newer run took the group.
  return (await jobs.get(job.job_id))?.status === 'awaiting_approval' ? 'held' : 'stop';
}
