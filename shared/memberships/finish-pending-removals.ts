import type { Clock } from '#shared/clock';
import type { MemberRef } from '#shared/db/keys';
import { DomainError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { GuardHold, Job, RowResult } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { GUARD_SAMPLE, guardTrips, percentOf } from '#shared/groups/removal-guard-limits';
import type { GuardDeps } from '#shared/rules/removal-guard';
import { COUNTED, refKey } from './membership';
import type { MembershipRepository } from './membership-repository';
import type { RemoveMembers } from './remove-learners';

export interface PendingRemovalsDeps {
  groups: { get: (groupUuid: string) => Promise<Group | undefined> };
  memberships: Pick<MembershipRepository, 'getMany'>;
  jobs: Pick<JobRepository, 'get' | 'resultChunks' | 'settleChunk'>;
  removeMembers: RemoveMembers;
  clock: Clock;
  guard: GuardDeps;
}

const KEPT = 'the membership changed (or ended) after the job was started; it was kept';

/** How many members one call of the removal reads and removes at a time. */
const BATCH = 500;

/** The members a job's rows left `removal_pending`, by group, as refs keyed by refKey. */
type Pending = Map<string, Map<string, MemberRef>>;

/**
 * The finish step of a bulk removal job or a group-members import whose chunks left removals
 * `removal_pending` (groups with a `removal_guard`). Before any removal it counts, per group, the
 * pending members still members and unchanged since the job was created; past a group's guard the job
 * is held (`held`, nothing removed; the hold describes the group furthest past its guard). Otherwise,
 * or once an admin approved, it removes those members afresh: a member removed, re-added or edited
 * since the job was created is kept (`changed_since`). Then every pending row is settled, one
 * transaction per chunk that rewrites its rows and moves the job's counters once. Idempotent: the
 * removals run under the job's removal operation id (a replay reports `removed`), and a settled chunk
 * is not settled twice.
 */
export const makeFinishPendingRemovals =
  (deps: PendingRemovalsDeps) =>
  async (job: Job): Promise<'held' | void> => {
    const pending = await pendingOf(deps.jobs, job.job_id);
    if (pending.size === 0) return;
    if (!job.approved_by && (await holdIfTripped(deps, job, pending)) === 'held') return 'held';
    const outcomes = new Map<string, string>();
    for (const [groupUuid, members] of pending) {
      for (const [key, outcome] of await removeFresh(deps, job, groupUuid, members))
        outcomes.set(`${groupUuid} ${key}`, outcome);
    }
    for await (const { chunk, rows } of deps.jobs.resultChunks(job.job_id)) {
      if (!rows.some((r) => r.pending_removal)) continue;
      const settled = rows.map((r): RowResult => {
        if (!r.pending_removal || r.outcome !== 'removal_pending') return r;
        const { pending_removal: p, ...rest } = r;
        const outcome = outcomes.get(`${p.group_uuid} ${p.member}`) ?? 'changed_since';
        return outcome === 'removed'
          ? { ...rest, outcome, code: outcome, message: undefined }
          : { ...rest, outcome, code: outcome, message: KEPT };
      });
      await deps.jobs.settleChunk(job.job_id, chunk, rows, settled);
    }
  };

/** Every pending removal of a job's unsettled chunks. */
async function pendingOf(jobs: PendingRemovalsDeps['jobs'], jobId: string): Promise<Pending> {
  const pending: Pending = new Map();
  for await (const { rows } of jobs.resultChunks(jobId)) {
    for (const r of rows) {
      if (r.outcome !== 'removal_pending' || !r.pending_removal) continue;
      const { group_uuid, member } = r.pending_removal;
      const members = pending.get(group_uuid) ?? new Map<string, MemberRef>();
      members.set(member, refFromKey(member));
      pending.set(group_uuid, members);
    }
  }
  return pending;
}

const refFromKey = (key: string): MemberRef =>
  key.startsWith('L#') ? { learnerUuid: key.slice(2) } : { email: key.slice(2) };

/** Removes a group's pending members that are unchanged since the job was created; outcome by refKey. */
async function removeFresh(
  { removeMembers }: PendingRemovalsDeps,
  job: Job,
  groupUuid: string,
  members: Map<string, MemberRef>,
): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  const targets = [...members].map(([identifier, ref]) => ({ identifier, ref }));
  for (let i = 0; i < targets.length; i += BATCH) {
    try {
      const results = await removeMembers(job.approved_by ?? job.created_by, groupUuid, targets.slice(i, i + BATCH), {
        opId: `${job.job_id}#removals`,
        unchangedSince: job.created,
      });
      for (const r of results) outcomes.set(r.identifier, r.outcome === 'removed' ? 'removed' : 'changed_since');
    } catch (error) {
      // The group was deleted meanwhile: its pending removals were not made (`changed_since`).
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return outcomes;
}

/** The members still removable: counted and not modified since the job was created. */
async function stillRemovable(
  memberships: PendingRemovalsDeps['memberships'],
  groupUuid: string,
  members: Map<string, MemberRef>,
  since: string,
): Promise<MemberRef[]> {
  const refs = [...members.values()];
  const removable: MemberRef[] = [];
  for (let i = 0; i < refs.length; i += BATCH) {
    const found = await memberships.getMany(groupUuid, refs.slice(i, i + BATCH));
    for (const ref of refs.slice(i, i + BATCH)) {
      const m = found.get(refKey(ref));
      if (m && COUNTED.includes(m.status) && m.modified <= since) removable.push(ref);
    }
  }
  return removable;
}

/**
 * Counts each group's removable pending members against its guard; past any group's guard, holds the
 * job with the hold of the group furthest past it (by percent) and tells that group's notification
 * e-mails. `held` also when another delivery held it first, or the job no longer runs (nothing to do).
 */
async function holdIfTripped(
  { groups, memberships, jobs, clock, guard }: PendingRemovalsDeps,
  job: Job,
  pending: Pending,
): Promise<'held' | 'remove'> {
  let worst: { group: Group; refs: MemberRef[]; percent: number } | undefined;
  for (const [groupUuid, members] of pending) {
    const group = await groups.get(groupUuid);
    if (!group?.removal_guard) continue;
    const refs = await stillRemovable(memberships, groupUuid, members, job.created);
    if (!guardTrips(group.removal_guard, refs.length, group.member_count)) continue;
    const percent = percentOf(refs.length, group.member_count);
    if (!worst || percent > worst.percent) worst = { group, refs, percent };
  }
  if (!worst) return 'remove';
  const { group, refs, percent } = worst;
  const sampled = refs.flatMap((r) => ('learnerUuid' in r ? [r.learnerUuid] : [])).slice(0, GUARD_SAMPLE);
  const found = await guard.learners.getMany(group.enterprise_customer_uuid, sampled);
  const hold: GuardHold = {
    group_uuid: group.group_uuid,
    would_remove: refs.length,
    member_count: group.member_count,
    percent,
    max_percent: group.removal_guard!.max_percent,
    min_removals: group.removal_guard!.min_removals,
    sample: sampled.map((learner_uuid) => ({ learner_uuid, email: found.get(learner_uuid)?.email ?? null })),
  };
  if (await guard.store.hold(job, hold, job.created_by, clock.now())) {
    await guard.notify(group, job, hold);
    return 'held';
  }
  // Another delivery held it first, or the job stopped running (aborted): nothing is removed now.
  if ((await jobs.get(job.job_id))?.status !== 'running') return 'held';
  throw new Error(`job ${job.job_id} could not be held by the removal guard; its finish step is retried`);
}
