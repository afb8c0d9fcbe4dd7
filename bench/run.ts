/**
 * `npm run bench [-- --sizes 10000,100000] [--api <url> --token <jwt>]`: end-to-end bulk assign
 * throughput over HTTP (call → job succeeded) against the raw engine measured in the same run on the
 * same DynamoDB endpoint (BatchWriteItem of as many items, at the best of a few concurrencies).
 * Prints a table and writes bench/results/latest.json. Numbers, not assertions: see README "Performance".
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '#local/table-definition';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { startLocalStack } from '#local/stack';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' } } });
const sizes = values.sizes.split(',').map(Number);

interface Row {
  scenario: string;
  items: number;
  seconds: number;
  per_second: number;
  raw_per_second: number;
  ratio: number;
}

async function rawBatchWrite(endpoint: string, items: number): Promise<{ perSecond: number; concurrency: number }> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  let best = { perSecond: 0, concurrency: 0 };
  for (const concurrency of [4, 16, 32]) {
    const name = `bench-raw-${randomUUID()}`;
    await client.send(new CreateTableCommand(tableDefinition(name)));
    const batches = Array.from({ length: Math.ceil(items / 25) }, (_, b) =>
      Array.from({ length: Math.min(25, items - b * 25) }, (_, i) => ({
        PutRequest: {
          Item: {
            PK: 'GROUP#bench',
            SK: `MEMBER#L#${b * 25 + i}`,
            status: 'active',
            created: new Date().toISOString(),
          },
        },
      })),
    );
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let b = next++; b < batches.length; b = next++) {
          let pending = batches[b]!;
          while (pending.length) {
            const out = await client.send(new BatchWriteCommand({ RequestItems: { [name]: pending } }));
            pending = (out.UnprocessedItems?.[name] ?? []) as typeof pending;
          }
        }
      }),
    );
    const perSecond = items / ((performance.now() - started) / 1000);
    if (perSecond > best.perSecond) best = { perSecond, concurrency };
    await client.send(new DeleteTableCommand({ TableName: name }));
  }
  client.destroy();
  return best;
}

async function seedLearners(endpoint: string, tableName: string, tenant: string, uuids: string[]) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const learners = makeLearnerRepository(client, tableName);
  const now = new Date().toISOString();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let i = next++; i < uuids.length; i = next++) {
        const learner_uuid = uuids[i]!;
        const email = `${learner_uuid}@bench.example`;
        const blank = {
          username: null,
          first_name: null,
          last_name: null,
          employee_id: null,
          state_id: null,
          branch_id: null,
        };
        const learner = {
          learner_uuid,
          enterprise_customer_uuid: tenant,
          email,
          ...blank,
          attributes: {},
          status: 'active' as const,
        };
        await learners.put({ ...learner, created: now, modified: now, version: 1 }, undefined);
      }
    }),
  );
  client.destroy();
}

async function main() {
  const stack = await startLocalStack({ port: 0, dynamoPort: 0, messagingPort: 0, quiet: true });
  const tenant = randomUUID();
  const token = await stack.mintToken({ roles: ['staff'], sub: 'bench' });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const waitFor = async (url: string) => {
    for (;;) {
      const job = (await call('GET', new URL(url).pathname)).json;
      if (!['queued', 'running'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      const uuids = Array.from({ length: size }, () => randomUUID());
      // Learners first, not timed: written through the learner repository (the directory's own
      // transactions), many at a time, which is much faster than the bulk API for setup.
      await seedLearners(stack.endpoints.dynamodb, stack.tableName, tenant, uuids);
      const group = (
        await call('POST', '/api/v1/enterprise-group/', {
          name: `bench ${size} ${randomUUID()}`,
          enterprise_customer_uuid: tenant,
        })
      ).json;
      const started = performance.now();
      const accepted = await call('POST', `/api/v1/enterprise-group/${group.group_uuid}/assign_learners`, {
        learner_uuids: uuids,
      });
      const job = await waitFor(accepted.json.status_url);
      const seconds = (performance.now() - started) / 1000;
      if (job.status !== 'succeeded' || job.succeeded !== size)
        throw new Error(`assign job ended ${job.status}: ${JSON.stringify(job)}`);
      const raw = await rawBatchWrite(stack.endpoints.dynamodb, size);
      const perSecond = size / seconds;
      rows.push({
        scenario: `assign ${size} learners (HTTP → job succeeded)`,
        items: size,
        seconds,
        per_second: perSecond,
        raw_per_second: raw.perSecond,
        ratio: perSecond / raw.perSecond,
      });
      console.log(
        `${rows.at(-1)!.scenario}: ${perSecond.toFixed(0)}/s vs raw BatchWriteItem ${raw.perSecond.toFixed(0)}/s (concurrency ${raw.concurrency}) → ratio ${(perSecond / raw.perSecond).toFixed(2)}`,
      );
    }
  } finally {
    await stack.stop();
  }
  console.table(
    rows.map((r) => ({
      ...r,
      seconds: +r.seconds.toFixed(1),
      per_second: +r.per_second.toFixed(0),
      raw_per_second: +r.raw_per_second.toFixed(0),
      ratio: +r.ratio.toFixed(2),
    })),
  );
  await mkdir('bench/results', { recursive: true });
  await writeFile(
    'bench/results/latest.json',
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpus: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
        rows,
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
