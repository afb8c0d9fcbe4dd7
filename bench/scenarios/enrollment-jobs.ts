import { randomUUID } from 'node:crypto';
import { type BenchRow, observe, type Scenario } from '../bench-row';
import { exactWriteCeiling, rawBatchWrite } from '../raw-engine';
import { throughputRow } from './bulk-assign';

/**
 * Scenario 2: a 10k-identifier `bulk_enroll` call (one course) and a 10k-participant
 * `participants/add` call, each from the HTTP request to the job's end, against raw BatchWriteItem
 * of as many items on the same endpoint in the same run.
 */
export const enrollmentJobs: Scenario = async ({ args, target, fixtures }) => {
  const size = args.enrollSize;
  const { tenant, uuids } = await fixtures.tenantWith(size);
  const run = randomUUID().slice(0, 8);
  const rows: BenchRow[] = [];

  const enroll = await observe(target, () =>
    target.runJob('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
      action: 'enroll',
      courses: [`course-v1:bench+${run}+enroll`],
      identifiers: uuids,
      enterprise_customer_uuid: tenant,
    }),
  );
  expectSucceeded('bulk_enroll', enroll.result.job, size);

  const course = `course-v1:bench+${run}+batch`;
  const batch = await target.call('POST', `/api/v1/courses/${course}/batches/`, {
    name: `bench ${run}`,
    enrollment_type: 'invite_only',
    enterprise_customer_uuid: tenant,
  });
  if (batch.status !== 201) throw new Error(`create batch: ${batch.status} ${JSON.stringify(batch.json)}`);
  const participants = await observe(target, () =>
    target.runJob('POST', `/api/v1/batches/${batch.json.batch_id}/participants/add`, {
      identifier_type: 'user_id',
      identifiers: uuids,
    }),
  );
  expectSucceeded('participants/add', participants.result.job, size);

  const raw = await rawBatchWrite(target, size);
  const exact = await exactWriteCeiling(target);
  for (const [label, m] of [
    [`bulk_enroll ${size} identifiers, 1 course (HTTP → job succeeded)`, enroll],
    [`batch participants/add ${size} (HTTP → job succeeded)`, participants],
  ] as const) {
    rows.push(
      throughputRow(
        label,
        size,
        m.result.seconds,
        raw,
        {
          items: size,
          dynamodb: m.dynamodb,
          functions: m.functions,
          sqs_messages: m.result.job.chunks_total,
        },
        exact,
      ),
    );
  }
  return rows;
};

function expectSucceeded(what: string, job: Record<string, unknown>, size: number) {
  if (job.status !== 'succeeded' || job.succeeded !== size)
    throw new Error(`${what} job ended ${String(job.status)}: ${JSON.stringify(job).slice(0, 500)}`);
}
