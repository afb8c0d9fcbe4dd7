import type { Clock } from '#shared/clock';
import { beforeRound } from '#shared/db/backoff';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { RuleProcessing } from '#shared/groups/group';
import type { Job } from '#shared/jobs/job';
import { commitPlanned, MAX_ROUNDS, type Planned } from '#shared/memberships/commit-planned';
import type { Membership } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import { RULES_ACTOR } from './apply-recalculation-rows';

export interface SweepDeps {
  groups: Pick<GroupRepository, 'get' | 'endRuleRun'>;
  memberships: Pick<MembershipRepository, 'list' | 'commit' | 'getMany'>;
  clock: Clock;
}

const PAGE = 500;

/**
 * The finish step of a recalculation: removes the `rule` members not confirmed by this run (their
 * `rule_generation` is older), then records the run's end. Only the current generation sweeps: a
 * superseded run returns at once, and each removal is conditioned on the group's generation and on
 * the member still being an older rule member (an admin's pin to `manual`, or a stamp by an
 * incremental evaluation meanwhile, wins). Manual and import members are never swept.
 */
export const makeSweepRuleMembers =
  ({ groups, memberships, clock }: SweepDeps) =>
  async (job: Job): Promise<void> => {
    const generation = Number(job.target.generation);
    const group = await groups.get(String(job.target.group_uuid));
    if (!group || group.rule_generation !== generation) return;
    let cursor: string | undefined;
    do {
      const page = await memberships.list({
        groupUuid: group.group_uuid,
        statuses: ['active'],
        source: 'rule',
        pageSize: PAGE,
        cursor,
      });
      let stale = page.items.filter((m) => isStale(m, generation));
      for (let round = 0; stale.length > 0 && round < MAX_ROUNDS; round++) {
        await beforeRound(round);
        const at = clock.now();
        const planned = stale.map((m) => removal(m, at, generation));
        const { retry, groupFailed } = await commitPlanned(memberships, group, planned, {
          at,
          actor: RULES_ACTOR,
          opId: `${job.job_id}#sweep`,
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
      cursor = page.next ?? undefined;
    } while (cursor);
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

const isStale = (m: Membership, generation: number) =>
  m.learner_uuid !== null && m.status === 'active' && m.source === 'rule' && (m.rule_generation ?? 0) < generation;

function removal(m: Membership, at: string, generation: number): Planned {
  const ref = { learnerUuid: m.learner_uuid! };
  return {
    target: { identifier: m.learner_uuid!, ref },
    write: { kind: 'remove', ref, at, removedBy: 'rule', olderThanGeneration: generation },
    outcome: 'removed',
    before: m,
    beforeHome: false,
    after: { ...m, status: 'removed', removed_at: at, modified: at, removed_by: 'rule' },
    afterHome: false,
  };
}
