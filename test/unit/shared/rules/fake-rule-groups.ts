import type { Group } from '#shared/groups/group';
import type { GroupFilters } from '#shared/groups/group-repository';
import type { Job, JobPlan, JobRow } from '#shared/jobs/job';
import type { NewJob } from '#shared/jobs/start-job';
import { makePlanJob } from '#shared/jobs/plan-job';
import { makePlanRecalculation } from '#shared/rules/plan-recalculation';
import { makeStartRecalculation } from '#shared/rules/start-recalculation';
import { Ruleset } from '#shared/rules/ruleset';
import { aGroup, fixedClock, sequentialIds, TENANT } from '../fakes';

/** An automatic group with rules on, in `tenant`, of the given ruleset (default: department = sales). */
export function anAutomaticGroup(overrides: Partial<Group> = {}, tenant = TENANT): Group {
  return aGroup({
    enterprise_customer_uuid: tenant,
    type: 'automatic',
    ruleset: Ruleset.parse({
      operator: 'AND',
      sets: [{ rules: [{ type: 'attribute', payload: { field: 'department', op: 'equals', value: 'sales' } }] }],
    }),
    rule_version: 1,
    rule_generation: 0,
    rule_processing: { state: 'on', status: 'not_started', last_membership_update: null, error: null, job_id: null },
    ...overrides,
  });
}

/**
 * The group repository's rule surface in memory, with the same conditions as DynamoDB's: a run
 * begins only from the generation it saw, never while paused, and a tick is claimed once.
 */
export function fakeRuleGroups(initial: Group[]) {
  const byId = new Map(initial.map((g) => [g.group_uuid, structuredClone(g)]));
  const copy = (g: Group | undefined) => (g ? structuredClone(g) : undefined);
  return {
    byId,
    get: async (id: string) => copy(byId.get(id)),
    getMany: async (ids: string[]) =>
      new Map(ids.flatMap((id) => (byId.has(id) ? [[id, copy(byId.get(id))!] as const] : []))),
    listAll: async (tenant: string, q: GroupFilters) =>
      [...byId.values()]
        .filter((g) => g.enterprise_customer_uuid === tenant)
        .filter((g) => (!q.type || g.type === q.type) && (!q.status || g.status === q.status))
        .map((g) => copy(g)!),
    /** Registry pages of 2 entries, so callers see more than one page. */
    async *automaticGroupPages(tenant?: string) {
      const refs = [...byId.values()]
        .filter((g) => g.type === 'automatic' && (!tenant || g.enterprise_customer_uuid === tenant))
        .map((g) => ({ group_uuid: g.group_uuid, enterprise_customer_uuid: g.enterprise_customer_uuid }));
      for (let i = 0; i < refs.length; i += 2) yield refs.slice(i, i + 2);
    },
    beginRuleRun: async (id: string, expected: number, jobId: string, tick?: string) => {
      const g = byId.get(id);
      if (!g?.rule_processing || (g.rule_generation ?? 0) !== expected) return false;
      if (g.rule_processing.state === 'paused') return false;
      const claimed = g.rule_processing.scheduled_tick;
      if (tick && claimed !== undefined && claimed >= tick) return false;
      g.rule_generation = expected + 1;
      g.rule_processing = { ...g.rule_processing, status: 'running', job_id: jobId, error: null };
      if (tick) g.rule_processing.scheduled_tick = tick;
      return true;
    },
    endRuleRun: async () => true,
  };
}

/**
 * startRecalculation over the fake groups, with its planning run at once over an in-memory job
 * store: `started` holds each run's job (as the spec it was made from) and the rows it was planned
 * with; `reads.learners` counts the pages of learners read.
 */
export function recalculations(groups: ReturnType<typeof fakeRuleGroups>, learners: string[] = []) {
  const started: { spec: NewJob & { jobId: string }; rows: JobRow[] }[] = [];
  const reads = { learners: 0 };
  const jobs = new Map<string, { job: Job; plan?: JobPlan; rows: JobRow[] }>();
  const clock = fixedClock();
  const planRecalculation = makePlanRecalculation({
    jobs: {
      getPlan: async (id) => jobs.get(id)?.plan,
      savePlan: async (id, _from, next) => {
        jobs.get(id)!.plan = next;
        return true;
      },
      putChunks: async (id, _first, chunks) => void jobs.get(id)!.rows.push(...chunks.flat()),
      markRunning: async (id, total) => {
        const entry = jobs.get(id)!;
        entry.job = { ...entry.job, status: 'running', total };
      },
      end: async () => true,
    },
    groups,
    learners: {
      tenantUuidPage: async () => {
        reads.learners++;
        return { uuids: learners };
      },
    },
    enqueue: async () => {},
    finish: async () => {},
    clock,
  });
  const plan = makePlanJob({
    jobs: { get: async (id) => jobs.get(id)?.job },
    planners: { recalculate_group: planRecalculation },
  });
  const start = makeStartRecalculation({
    groups,
    jobs: {
      create: async (job) => {
        jobs.set(job.job_id, { job, rows: [] });
        return true;
      },
      end: async () => true,
    },
    enqueuePlan: async (jobId) => {
      await plan(jobId, { lastAttempt: false });
      const { job, rows } = jobs.get(jobId)!;
      started.push({
        spec: {
          jobId,
          tenant: job.enterprise_customer_uuid,
          kind: job.kind,
          target: job.target,
          source: job.source,
          sourceKey: job.source_key,
          createdBy: job.created_by,
        },
        rows,
      });
    },
    clock,
    ids: sequentialIds(),
  });
  return { start, started, reads };
}
