import { randomUUID } from 'node:crypto';
import { type BenchRow, observe, type Scenario, type ScenarioContext } from '../bench-row';
import { rawBatchWrite, rawTenantLearners } from '../raw-engine';
import { MATCH_ATTRIBUTE } from '../seed-learners';

export const RECALCULATION_TARGET = 2;

/**
 * Scenario 3: creating an automatic group over a tenant of N learners of which half match (each size
 * of `--recalc-learners`), from the HTTP request to the recalculation job's end (its sweep included),
 * against the raw engine doing the least such a run must: the same GSI query of the tenant's learners,
 * then BatchWriteItem of the matches, on the same endpoint in the same run.
 */
export const recalculation: Scenario = async (context) => {
  const rows = [];
  for (const size of context.args.recalcLearners) rows.push(await recalculationOf(size, context));
  return rows;
};

async function recalculationOf(size: number, { target, fixtures }: ScenarioContext): Promise<BenchRow> {
  const { tenant } = await fixtures.tenantWith(size);
  const matching = Math.ceil(size / 2);
  const measured = await observe(target, async () => {
    const startedMs = Date.now();
    const group = await target.call('POST', '/api/v1/enterprise-group/', {
      name: `bench recalc ${randomUUID()}`,
      enterprise_customer_uuid: tenant,
      type: 'automatic',
      ruleset: {
        operator: 'AND',
        sets: [
          {
            rules: [
              {
                type: 'attribute',
                payload: { field: MATCH_ATTRIBUTE.field, op: 'equals', value: MATCH_ATTRIBUTE.value },
              },
            ],
          },
        ],
      },
    });
    if (group.status !== 201) throw new Error(`create automatic group: ${group.status} ${JSON.stringify(group.json)}`);
    const run = await target.waitForJob(group.json.rule_processing.job_id, startedMs);
    return { run, group: (await target.call('GET', `/api/v1/enterprise-group/${group.json.group_uuid}/`)).json };
  });
  const { run, group } = measured.result;
  if (run.job.status !== 'succeeded' || group.member_count !== matching)
    throw new Error(`recalculation ended ${run.job.status} with ${group.member_count} members (expected ${matching})`);

  const query = await rawTenantLearners(target, tenant);
  if (query.count !== size) throw new Error(`raw query found ${query.count} learners, expected ${size}`);
  const write = await rawBatchWrite(target, matching);
  const raw = query.seconds + write.seconds;
  const ratio = run.seconds / raw;
  return {
    scenario: `recalculate ${size} learners, ${matching} match (create → job succeeded)`,
    measured: run.seconds,
    unit: 's',
    raw,
    raw_label: `s (Query ${query.seconds.toFixed(1)} s + BatchWriteItem c=${write.concurrency} ${write.seconds.toFixed(1)} s)`,
    ratio,
    target: `ratio ≤ ${RECALCULATION_TARGET}`,
    met: ratio <= RECALCULATION_TARGET,
    observed: {
      items: matching,
      dynamodb: measured.dynamodb,
      functions: measured.functions,
      sqs_messages: run.job.chunks_total,
    },
    details: { phases: run.phases, outcome_counts: run.job.outcome_counts },
  };
}
