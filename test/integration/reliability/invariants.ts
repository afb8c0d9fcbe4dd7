import { expect } from 'vitest';
import type { BatchRepository } from '#shared/enrollments/batch-repository';
import type { EnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { HistoryRepository } from '#shared/history/history-repository';
import type { Job } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { Membership } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';

export interface Repositories {
  groups: Pick<GroupRepository, 'get'>;
  memberships: Pick<MembershipRepository, 'list'>;
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>;
  history?: Pick<HistoryRepository, 'list'>;
}

const ALL_STATUSES: Membership['status'][] = ['active', 'pending', 'removed', 'error'];

/** Every membership of a group, any status, paging to the end. */
export async function allMemberships(repos: Pick<Repositories, 'memberships'>, groupUuid: string) {
  const out: Membership[] = [];
  let cursor: string | undefined;
  do {
    const page = await repos.memberships.list({ groupUuid, statuses: ALL_STATUSES, pageSize: 1000, cursor });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

/**
 * The invariants every fault and race must leave intact for a group: `member_count` equals the
 * active + pending members listed; each member counts once (no learner also pending under its own
 * e-mail, whose activation would then have been lost); the user limit holds; every active member is
 * a learner of the tenant; and the audit trail's deltas add up to the counter (nothing committed
 * without its entry). Returns the counted memberships.
 */
export async function expectGroupConsistent(repos: Repositories, groupUuid: string): Promise<Membership[]> {
  const group = await repos.groups.get(groupUuid);
  expect(group, `group ${groupUuid}`).toBeDefined();
  const all = await allMemberships(repos, groupUuid);
  const counted = all.filter((m) => m.status === 'active' || m.status === 'pending');
  expect(group!.member_count, 'member_count = active + pending members listed').toBe(counted.length);
  if (group!.user_limit !== null) expect(group!.member_count).toBeLessThanOrEqual(group!.user_limit);

  const tenant = group!.enterprise_customer_uuid;
  const learnerUuids = counted.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : []));
  expect(new Set(learnerUuids).size, 'no learner counted twice').toBe(learnerUuids.length);
  const learners = await repos.learners.getMany(tenant, learnerUuids);
  for (const uuid of learnerUuids) {
    expect(learners.get(uuid)?.enterprise_customer_uuid, `member ${uuid} is a learner of the tenant`).toBe(tenant);
  }
  for (const m of counted.filter((x) => x.learner_uuid)) expect(m.status).toBe('active');
  const pendingEmails = counted.flatMap((m) => (m.pending_learner_email ? [m.pending_learner_email] : []));
  const owners = await repos.learners.findUuids(tenant, 'EMAIL', pendingEmails);
  expect([...owners.keys()], 'no pending invitation left for an e-mail whose learner exists').toEqual([]);

  if (repos.history) {
    let delta = 0;
    let cursor: string | undefined;
    do {
      const page = await repos.history.list(groupUuid, 100, cursor);
      delta += page.items.reduce((n, e) => n + (e.member_count_delta ?? 0), 0);
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(delta, 'history deltas add up to member_count').toBe(group!.member_count);
  }
  return counted;
}

/** A batch's `participant_count` equals the enrolled and completed participants listed. */
export async function expectBatchConsistent(
  repos: { batches: Pick<BatchRepository, 'get'>; enrollments: Pick<EnrollmentRepository, 'listByBatch'> },
  batchId: string,
) {
  const batch = await repos.batches.get(batchId);
  let listed = 0;
  let cursor: string | undefined;
  do {
    const page = await repos.enrollments.listByBatch(
      { batchId, statuses: ['enrolled', 'completed'], pageSize: 1000, cursor },
      false,
    );
    listed += page.items.length;
    cursor = page.next ?? undefined;
  } while (cursor);
  expect(batch?.participant_count, 'participant_count = participants listed').toBe(listed);
  return listed;
}

/**
 * A job tells the truth: it has ended, every row has exactly one result, its counters are the tally
 * of those results, and its status is the one they call for.
 */
export async function expectJobHonest(jobs: Pick<JobRepository, 'get' | 'resultChunks'>, jobId: string): Promise<Job> {
  const job = await jobs.get(jobId);
  expect(job, `job ${jobId}`).toBeDefined();
  expect(['succeeded', 'completed_with_errors', 'failed', 'aborted']).toContain(job!.status);
  const rows = [];
  for await (const chunk of jobs.resultChunks(jobId)) rows.push(...chunk.rows);
  if (job!.status !== 'aborted') {
    expect(job!.chunks_done).toBe(job!.chunks_total);
    expect(rows.length, 'one result per row').toBe(job!.total);
  }
  expect(new Set(rows.map((r) => r.index)).size, 'no row reported twice').toBe(rows.length);
  expect(job!.processed).toBe(rows.length);
  expect(job!.succeeded + job!.skipped + job!.failed).toBe(job!.processed);
  const tally: Record<string, number> = {};
  for (const r of rows) tally[r.outcome] = (tally[r.outcome] ?? 0) + 1;
  const counts = Object.fromEntries(Object.entries(job!.outcome_counts).filter(([, n]) => n !== 0));
  expect(counts, 'outcome_counts = the tally of the rows').toEqual(tally);
  if (job!.status !== 'aborted') {
    const expected =
      job!.failed === 0 ? 'succeeded' : job!.succeeded + job!.skipped === 0 ? 'failed' : 'completed_with_errors';
    expect(job!.status).toBe(expected);
  }
  return job!;
}
