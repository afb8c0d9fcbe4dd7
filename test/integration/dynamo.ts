import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { dynamoDbClient } from '#local/dynamodb';
import { tableDefinition } from '#local/table-definition';

export const dynamodbEndpoint = inject('dynamodbEndpoint');

let client: DynamoDBClient | undefined;
let documents: DynamoDBDocumentClient | undefined;

/** The low-level client for the run's DynamoDB Local (dummy credentials, explicit endpoint). */
export function dynamoClient(): DynamoDBClient {
  client ??= dynamoDbClient(dynamodbEndpoint, { maxAttempts: 5 });
  return client;
}

/** One document client per test file, configured like shared/db/client.ts but on the run's endpoint. */
export function documentClient(): DynamoDBDocumentClient {
  documents ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documents;
}

/** A fresh, uniquely named table shaped like resources.table (same keys and GSIs); returns its name. */
/** A fresh table; with `stream`, its stream on (only the tests that read it: every stream record costs). */
export async function createTestTable(prefix = 'test', { stream = false } = {}): Promise<string> {
  const name = `${prefix}-${randomUUID()}`;
  await dynamoClient().send(new CreateTableCommand(tableDefinition(name, { stream })));
  for (let attempt = 0; attempt < 50; attempt++) {
    const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return name;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}
