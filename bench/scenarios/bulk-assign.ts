import { randomUUID } from 'node:crypto';
import { type BenchRow, observe, type Scenario } from '../bench-row';
import { exactWriteCeiling, type RawWrite, rawBatchWrite } from '../raw-engine';

export const THROUGHPUT_TARGET = 0.7;

/**
 * Scenario 1: one `assign_learners` call with N learner uuids, from the HTTP request to the job's
 * end, against raw BatchWriteItem of N items on the same endpoint in the same run.
 */
export const bulkAssign: Scenario = async ({ args, target, fixtures }) => {
  const rows: BenchRow[] = [];
  for (const size of args.sizes) {
    const { tenant, uuids } = await fixtures.tenantWith(size);
    const group = await target.call('POST', '/api/v1/enterprise-group/', {
      name: `bench assign ${size} ${randomUUID()}`,
      enterprise_customer_uuid: tenant,
    });
    const {
      result: run,
      dynamodb,
      functions,
    } = await observe(target, () =>
      target.runJob('POST', `/api/v1/enterprise-group/${group.json.group_uuid}/assign_learners`, {
        learner_uuids: uuids,
      }),
    );
    if (run.job.status !== 'succeeded' || run.job.succeeded !== size)
      throw new Error(`assign job ended ${run.job.status}: ${JSON.stringify(run.job).slice(0, 500)}`);
    const raw = await rawBatchWrite(target, size);
    const exact = await exactWriteCeiling(target);
    rows.push(
      throughputRow(
        `assign ${size} learners (HTTP → job succeeded)`,
        size,
        run.seconds,
        raw,
        { items: size, dynamodb, functions, sqs_messages: run.job.chunks_total },
        exact,
      ),
    );
  }
  return rows;
};

export function throughputRow(
  scenario: string,
  items: number,
  seconds: number,
  raw: { per_second: number; concurrency: number },
  observed: BenchRow['observed'],
  exact?: RawWrite,
): BenchRow {
  const perSecond = items / seconds;
  const ratio = perSecond / raw.per_second;
  return {
    scenario,
    measured: perSecond,
    unit: 'items/s',
    raw: raw.per_second,
    raw_label: `BatchWriteItem/s (best, c=${raw.concurrency})`,
    ratio,
    target: `ratio ≥ ${THROUGHPUT_TARGET}`,
    met: ratio >= THROUGHPUT_TARGET,
    observed,
    details: {
      seconds,
      // The engine's own exact-write floor (see rawTransactWrite): how far the path is from it.
      ...(exact && {
        exact_reference: {
          label: `TransactWriteItems of 98 conditional puts + a counter (best, c=${exact.concurrency})`,
          per_second: exact.per_second,
          ratio: perSecond / exact.per_second,
        },
      }),
    },
  };
}
