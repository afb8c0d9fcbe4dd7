import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryPages } from '#shared/db/paging';
import { keys } from '#shared/db/keys';

export interface DirectoryEntry {
  learner_uuid: string;
  email: string;
}

/**
 * Learners of a tenant by username (Open edX identifiers may be usernames). Usernames have no
 * uniqueness guard in the directory, so this reads the tenant's learner index once (keys and three
 * attributes only) and matches in memory: one pass per request however many usernames it names.
 * A username shared by two learners resolves to neither (ambiguous is reported as invalid).
 */
export function makeUsernameDirectory(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async findByUsernames(tenant: string, usernames: string[]): Promise<Map<string, DirectoryEntry>> {
      const wanted = new Set(usernames);
      const found = new Map<string, DirectoryEntry>();
      const ambiguous = new Set<string>();
      if (wanted.size === 0) return found;
      for await (const items of queryPages(db, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: 'attribute_exists(username)',
        ProjectionExpression: 'learner_uuid, email, username',
        ExpressionAttributeValues: { ':pk': keys.tenantLearnersPartition(tenant) },
      })) {
        for (const item of items) {
          const username = item.username as string | null;
          if (!username || !wanted.has(username)) continue;
          if (found.has(username)) ambiguous.add(username);
          found.set(username, { learner_uuid: String(item.learner_uuid), email: String(item.email) });
        }
      }
      for (const username of ambiguous) found.delete(username);
      return found;
    },
  };
}

export type UsernameDirectory = ReturnType<typeof makeUsernameDirectory>;
