import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { table } from '#functions/resources';

/**
 * The CreateTable input for the single table, built from resources.table (same keys and GSIs as in AWS).
 * `stream: false` leaves its stream off: DynamoDB Local then keeps no stream record of each write, which
 * a table nothing reads the stream of (a test's, a stack started with `--change-stream off`) need not pay.
 */
export function tableDefinition(
  tableName: string = table.localName,
  { stream = true }: { stream?: boolean } = {},
): CreateTableCommandInput {
  const keyNames = [
    table.partitionKey,
    table.sortKey,
    ...table.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    ...(stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType } }),
    AttributeDefinitions: [...new Set(keyNames)].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
