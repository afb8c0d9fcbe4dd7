import { describe, expect, it } from 'vitest';
import { reportedFailures } from '#local/batch-item-failures';
import { toSqsEvent } from '#local/sqs-event';

const arn = 'arn:aws:sqs:us-east-1:000000000000:group-cleanup';

describe('toSqsEvent', () => {
  it('shapes received messages like the Lambda SQS event source', () => {
    const event = toSqsEvent(
      [
        {
          MessageId: 'm1',
          ReceiptHandle: 'r1',
          Body: '{"job_id":"j1"}',
          MD5OfBody: 'abc',
          MD5OfMessageAttributes: 'def',
          Attributes: {
            ApproximateReceiveCount: '2',
            SentTimestamp: '1',
            SenderId: '000000000000',
            ApproximateFirstReceiveTimestamp: '3',
          },
          MessageAttributes: {
            kind: { DataType: 'String', StringValue: 'cleanup' },
            blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2]) },
          },
        },
      ],
      arn,
    );
    expect(event.Records).toEqual([
      {
        messageId: 'm1',
        receiptHandle: 'r1',
        body: '{"job_id":"j1"}',
        attributes: {
          ApproximateReceiveCount: '2',
          SentTimestamp: '1',
          SenderId: '000000000000',
          ApproximateFirstReceiveTimestamp: '3',
        },
        messageAttributes: {
          kind: { stringValue: 'cleanup', stringListValues: [], binaryListValues: [], dataType: 'String' },
          blob: { binaryValue: 'AQI=', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
        },
        md5OfBody: 'abc',
        md5OfMessageAttributes: 'def',
        eventSource: 'aws:sqs',
        eventSourceARN: arn,
        awsRegion: 'us-east-1',
      },
    ]);
  });
});

describe('reportedFailures', () => {
  const event = toSqsEvent(
    ['a', 'b', 'c'].map((id) => ({ MessageId: id, ReceiptHandle: id, Body: '', MD5OfBody: '' })),
    arn,
  );

  it('treats no response or an empty list as full success', () => {
    expect(reportedFailures(undefined, event)).toEqual(new Set());
    expect(reportedFailures({ batchItemFailures: [] }, event)).toEqual(new Set());
  });

  it('returns the reported message ids', () => {
    expect(reportedFailures({ batchItemFailures: [{ itemIdentifier: 'b' }] }, event)).toEqual(new Set(['b']));
  });

  it('fails the whole batch for an identifier that is missing or not in the batch, as Lambda does', () => {
    expect(reportedFailures({ batchItemFailures: [{ itemIdentifier: 'zzz' }] }, event)).toBe('all');
    expect(reportedFailures({ batchItemFailures: [{ itemIdentifier: '' }] }, event)).toBe('all');
    expect(reportedFailures({ batchItemFailures: [{}] }, event)).toBe('all');
  });
});
