import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { type Page, queryCount, queryPage } from '#shared/db/paging';
import * as z from 'zod';
import { once } from '#shared/once';
import type { Ruleset } from './ruleset';

/** One version of an automatic group's conditions (Docebo conditions history). */
export interface RulesetVersion {
  group_uuid: string;
  enterprise_customer_uuid: string;
  version: number;
  ruleset: Ruleset;
  changed_by: string;
  changed_at: string;
}

const ENTITY = 'ruleset_version';

/** The Put of a version, for the transaction of the group change that sets it; a version is never overwritten. */
export const rulesetVersionPut = (tableName: string, v: RulesetVersion) => ({
  Put: {
    TableName: tableName,
    Item: { ...keys.rulesetVersion(v.group_uuid, v.version), entity: ENTITY, ...v },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/**
 * A stored version as the service reads it, each field checked for its type. The ruleset is kept as
 * it was written (it was validated then): parsing it again would apply today's defaults to old versions.
 */
const versionItem = /* @__PURE__ */ once(() =>
  z.looseObject({
    group_uuid: z.string(),
    enterprise_customer_uuid: z.string(),
    version: z.number(),
    ruleset: z.custom<Ruleset>((v) => typeof v === 'object' && v !== null),
    changed_by: z.string(),
    changed_at: z.string(),
  }),
);

const toVersion = (item: Record<string, unknown>): RulesetVersion => {
  const { PK: _pk, SK: _sk, entity: _entity, ...v } = item;
  return versionItem().parse(v);
};

export function makeRulesetHistoryRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** A page of a group's ruleset versions, newest first, with the exact count. */
    async list(
      groupUuid: string,
      pageSize: number,
      cursor?: string,
    ): Promise<Page<RulesetVersion> & { count: number }> {
      const pk = keys.rulesetVersionsPartition(groupUuid);
      const shared = { index: 'table', keyCondition: 'PK = :pk', values: { ':pk': pk } } as const;
      const [page, count] = await Promise.all([
        queryPage(db, tableName, {
          ...shared,
          partition: { name: 'PK', value: pk },
          pageSize,
          cursor,
          descending: true,
        }),
        queryCount(db, tableName, shared),
      ]);
      return { ...page, items: page.items.map(toVersion), count };
    },
  };
}

export type RulesetHistoryRepository = ReturnType<typeof makeRulesetHistoryRepository>;
