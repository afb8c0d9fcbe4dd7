import type { Group } from '#shared/groups/group';
import type { GroupFilters } from '#shared/groups/group-repository';
import { type Job, type JobRow } from '#shared/jobs/job';
import { type NewJob, newJob } from '#shared/jobs/start-job';
import { makeStartRecalculation } from '#shared/rules/start-recalculation';
import { Ruleset } from '#shared/rules/ruleset';
import { aGroup, sequentialIds, TENANT } from '../fakes';

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

/** startRecalculation over the fake groups; the jobs it starts are collected instead of queued. */
export function recalculations(groups: ReturnType<typeof fakeRuleGroups>, learners: string[] = []) {
  const started: { spec: NewJob; rows: JobRow[] }[] = [];
  const reads = { learners: 0 };
  const ids = sequentialIds();
  const start = makeStartRecalculation({
    groups,
    learnerUuids: async () => {
      reads.learners++;
      return learners;
    },
    startJob: async (spec, rows): Promise<Job> => {
      started.push({ spec, rows });
      return { ...newJob(spec, spec.jobId ?? ids.uuid(), '2026-01-01T00:00:00.000Z'), status: 'running' };
    },
    ids,
  });
  return { start, started, reads };
}
