import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';

const local = inject('localStack');
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    endpoint: local.endpoints.dynamodb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
);

async function all(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ TableName: local.tableName, ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

const partition = (pk: string) =>
  all({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
const index = (name: 'GSI1' | 'GSI2', pk: string) =>
  all({ IndexName: name, KeyConditionExpression: `${name}PK = :pk`, ExpressionAttributeValues: { ':pk': pk } });

export interface KnownObjects {
  courses?: string[];
  batches?: string[];
}

/**
 * Everything stored for a tenant, read straight from the stack's table (not through the API under
 * test): its settings and webhooks with their deliveries, its groups with their memberships, history and rulesets, its learners with their name
 * tokens and home-group pointers, its jobs with their chunks and results, its branches, and the
 * enrollments, audits and participants of the named courses and batches. Two equal digests mean the
 * requests in between stored nothing for the tenant.
 */
export async function tenantDigest(tenant: string, known: KnownObjects = {}): Promise<string> {
  const groups = await index('GSI1', `TENANT#${tenant}#GROUPS`);
  const learners = await index('GSI1', `TENANT#${tenant}#LEARNERS`);
  const jobs = await index('GSI1', `TENANT#${tenant}#JOBS`);
  const parts = await Promise.all([
    ...groups.flatMap((g) => [
      partition(`GROUP#${g.group_uuid}`),
      partition(`HISTORY#${g.group_uuid}`),
      partition(`RULESETS#${g.group_uuid}`),
    ]),
    ...learners.flatMap((l) => [
      partition(`LEARNER#${tenant}#${l.learner_uuid}`),
      partition(`HOME#${tenant}#L#${l.learner_uuid}`),
      index('GSI1', `MEMBERSHIPS#${tenant}#L#${l.learner_uuid}`),
    ]),
    ...jobs.map((j) => partition(`JOB#${j.job_id}`)),
    partition(`TENANT#${tenant}#BRANCHES`),
    // Its settings and webhook subscriptions (with their secrets), and each subscription's deliveries.
    partition(`TENANT#${tenant}`),
    ...(await partition(`TENANT#${tenant}`))
      .filter((item) => item.entity === 'webhook')
      .map((w) => partition(`WEBHOOK#${w.webhook_id}`)),
    ...(known.courses ?? []).flatMap((c) => [
      partition(`ENROLLMENTS#${tenant}#COURSE#${c}`),
      partition(`ENROLLMENT_AUDIT#${tenant}#COURSE#${c}`),
    ]),
    ...(known.batches ?? []).flatMap((b) => [partition(`BATCH#${b}`), index('GSI1', `BATCH#${b}#PARTICIPANTS`)]),
  ]);
  const items = [...groups, ...learners, ...jobs, ...parts.flat()].map((item) => JSON.stringify(sortKeys(item)));
  return [...new Set(items)].sort().join('\n');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
