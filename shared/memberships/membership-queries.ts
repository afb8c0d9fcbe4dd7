/**
 * The raw Query inputs of the membership reads that are not paged listings, built without a database.
 */
import { keys, type MemberRef } from '#shared/db/keys';
import { type MemberFilter, memberListQuery } from './membership-items';

/** A group's active members' learner uuids (pending e-mails are not learners yet). */
export const activeLearnersQuery = (tableName: string, groupUuid: string) => ({
  TableName: tableName,
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
  FilterExpression: '#status = :active',
  ProjectionExpression: 'learner_uuid',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: {
    ':pk': keys.group(groupUuid).PK,
    ':prefix': keys.membership(groupUuid, { learnerUuid: '' }).SK,
    ':active': 'active',
  },
});

/** A group's pending (e-mail) memberships whose e-mail starts with `prefix`, any status. */
export const emailPrefixQuery = (tableName: string, groupUuid: string, prefix: string) => ({
  TableName: tableName,
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
  ExpressionAttributeValues: {
    ':pk': keys.group(groupUuid).PK,
    ':prefix': keys.membership(groupUuid, { email: prefix }).SK,
  },
});

/** Every membership of one member in a tenant, across groups (GSI1). */
export const memberMembershipsQuery = (tableName: string, tenant: string, ref: MemberRef) => ({
  TableName: tableName,
  IndexName: 'GSI1',
  KeyConditionExpression: 'GSI1PK = :pk',
  ExpressionAttributeValues: { ':pk': keys.memberPartition(tenant, ref) },
});

/** The keys of up to `limit` items left in a deleted group's partition. */
export const groupItemKeysQuery = (tableName: string, groupUuid: string, limit: number) => ({
  TableName: tableName,
  KeyConditionExpression: 'PK = :pk',
  ExpressionAttributeValues: { ':pk': keys.group(groupUuid).PK },
  ProjectionExpression: 'PK, SK',
  Limit: limit,
});

/** `memberListQuery` as a raw Query input, for reads bounded by a budget rather than paged. */
export function memberFilterQuery(tableName: string, q: MemberFilter) {
  const l = memberListQuery(q);
  return {
    TableName: tableName,
    KeyConditionExpression: l.keyCondition,
    FilterExpression: l.filter,
    ExpressionAttributeNames: l.names,
    ExpressionAttributeValues: l.values,
  };
}
