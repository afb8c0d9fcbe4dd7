import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { once } from '#shared/once';
import { keys } from '#shared/db/keys';
import { type Page, queryCount, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import type { Branch } from './branch';

const ENTITY = 'branch';
/** A stored branch as the service reads it: its fields in answer order, checked, keys dropped; a root has no parent. */
const branchItem = /* @__PURE__ */ once(() => {
  return z.object({
    branch_id: z.string(),
    enterprise_customer_uuid: z.string(),
    name: z.string(),
    parent_id: z.string().nullable().default(null),
    created: z.string(),
    modified: z.string(),
  });
});

const toBranch = (item: Record<string, unknown>): Branch => branchItem().parse(item);

export function makeBranchRepository(db: DynamoDBDocumentClient, tableName: string) {
  const partition = (tenant: string) => keys.branchesPartition(tenant);
  return {
    /**
     * The tenant's whole tree and its version, in one Query of the tenant's branch partition (a
     * tenant has hundreds or a few thousand branches, so this stays a few reads).
     */
    async loadTree(tenant: string): Promise<{ branches: Branch[]; version: number }> {
      const branches: Branch[] = [];
      let version = 0;
      for await (const items of queryPages(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partition(tenant) },
        ConsistentRead: true,
      })) {
        for (const item of items) {
          if (item.SK === keys.branchTree(tenant).SK) version = Number(item.version ?? 0);
          else if (item.entity === ENTITY) branches.push(toBranch(item));
        }
      }
      return { branches, version };
    },

    /**
     * Writes the branch if the tree is still at `treeVersion`, and moves the tree to the next version
     * in the same transaction: concurrent moves are serialized, so two of them cannot close a loop
     * that neither saw. Returns false when the tree changed meanwhile.
     */
    async put(branch: Branch, treeVersion: number): Promise<boolean> {
      const outcome = await transact(db, [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.branch(branch.enterprise_customer_uuid, branch.branch_id), entity: ENTITY, ...branch },
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: keys.branchTree(branch.enterprise_customer_uuid),
            ConditionExpression: 'attribute_not_exists(PK) OR version = :v',
            UpdateExpression: 'SET version = :next, entity = :entity',
            ExpressionAttributeValues: { ':v': treeVersion, ':next': treeVersion + 1, ':entity': 'branch_tree' },
          },
        },
      ]);
      return outcome.ok;
    },

    /** A page of the tenant's branches by id, with their exact number. */
    async list(tenant: string, pageSize: number, cursor?: string): Promise<Page<Branch> & { count: number }> {
      const shared = {
        index: 'table',
        keyCondition: 'PK = :pk AND begins_with(SK, :prefix)',
        sortKeyPrefix: keys.branchesPrefix,
        values: { ':pk': partition(tenant), ':prefix': keys.branchesPrefix },
      } as const;
      const [page, count] = await Promise.all([
        queryPage(db, tableName, { ...shared, partition: { name: 'PK', value: partition(tenant) }, pageSize, cursor }),
        queryCount(db, tableName, shared),
      ]);
      return { ...page, items: page.items.map(toBranch), count };
    },
  };
}

export type BranchRepository = ReturnType<typeof makeBranchRepository>;
