import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchWriteAll } from '#shared/db/batch-write';
import { keys } from '#shared/db/keys';
import type { Membership } from '#shared/memberships/membership';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { TENANT } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('member-bounds');
});

/** A group partition of `active` current members and `removed` ended memberships. */
async function groupWith(active: number, removed: number) {
  const groupUuid = randomUUID();
  const item = (status: Membership['status']) => {
    const learnerUuid = randomUUID();
    return {
      ...keys.membership(groupUuid, { learnerUuid }),
      entity: 'membership',
      group_uuid: groupUuid,
      enterprise_customer_uuid: TENANT,
      learner_uuid: learnerUuid,
      enterprise_group_membership_uuid: randomUUID(),
      status,
      source: 'manual',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    };
  };
  const items = [
    ...Array.from({ length: active }, () => item('active')),
    ...Array.from({ length: removed }, () => item('removed')),
  ];
  await batchWriteAll(
    db,
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
  return groupUuid;
}

describe('bounded member reads against DynamoDB Local', () => {
  it('counts exactly within the read budget, and says when a partition of removed memberships outran it', async () => {
    const memberships = makeMembershipRepository(db, table);
    const groupUuid = await groupWith(5, 120);
    const q = { groupUuid, statuses: ['active' as const] };
    expect(await memberships.countUpTo(q, 1_000)).toEqual({ count: 5, exact: true });
    const capped = await memberships.countUpTo(q, 50);
    expect(capped.exact).toBe(false);
    expect(capped.count).toBeLessThanOrEqual(5);
  });

  it('lists the matching members within the read budget, and says when it stopped short', async () => {
    const memberships = makeMembershipRepository(db, table);
    const groupUuid = await groupWith(5, 120);
    const q = { groupUuid, statuses: ['active' as const, 'pending' as const] };
    const whole = await memberships.listUpTo(q, 1_000);
    expect(whole.complete).toBe(true);
    expect(whole.items.map((m) => m.status)).toEqual(Array(5).fill('active'));
    const cut = await memberships.listUpTo(q, 50);
    expect(cut.complete).toBe(false);
    expect(cut.items.length).toBeLessThanOrEqual(5);
  });
});
