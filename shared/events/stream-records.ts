import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { ItemChange } from './map-stream-record';

/** A Lambda DynamoDB stream record with its images unmarshalled (numbers as JS numbers, as the document client reads them). */
export function itemChangeOf(record: DynamoDBRecord): ItemChange {
  const stream = record.dynamodb ?? {};
  const image = (value: unknown) => (value ? unmarshall(value as Record<string, AttributeValue>) : null);
  const keys = image(stream.Keys) ?? {};
  return {
    eventName: record.eventName ?? 'MODIFY',
    sequenceNumber: stream.SequenceNumber ?? '',
    approximateCreationSeconds: stream.ApproximateCreationDateTime ?? 0,
    keys: { PK: String(keys.PK), SK: String(keys.SK) },
    oldImage: image(stream.OldImage),
    newImage: image(stream.NewImage),
  };
}

/**
 * A stream batch handed to `publish` as item changes, answered as the event source mapping reads it: the
 * first record not done is the batch item failure, from which the batch is retried (none when all are).
 */
export async function publishStreamBatch(
  publish: (changes: readonly ItemChange[]) => Promise<{ failedAt: string | null }>,
  event: DynamoDBStreamEvent,
): Promise<DynamoDBBatchResponse> {
  const { failedAt } = await publish(event.Records.map(itemChangeOf));
  return { batchItemFailures: failedAt === null ? [] : [{ itemIdentifier: failedAt }] };
}
