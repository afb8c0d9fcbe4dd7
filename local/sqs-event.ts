import type { Message } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { REGION } from '#local/aws-account';

const SYSTEM_ATTRIBUTES = [
  'ApproximateReceiveCount',
  'SentTimestamp',
  'SenderId',
  'ApproximateFirstReceiveTimestamp',
  'AWSTraceHeader',
  'SequenceNumber',
  'MessageGroupId',
  'MessageDeduplicationId',
] as const;

/** A received batch as the Lambda SQS event source mapping delivers it to the function. */
export function toSqsEvent(messages: Message[], queueArn: string, region: string = REGION): SQSEvent {
  return { Records: messages.map((message) => toSqsRecord(message, queueArn, region)) };
}

export function toSqsRecord(message: Message, queueArn: string, region: string = REGION): SQSRecord {
  const received = message.Attributes ?? {};
  const attributes = Object.fromEntries(
    SYSTEM_ATTRIBUTES.filter((name) => received[name] !== undefined).map((name) => [name, received[name]!]),
  ) as unknown as SQSRecord['attributes'];
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes,
    messageAttributes: toLambdaAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody!,
    ...(message.MD5OfMessageAttributes && { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/** Lambda spells message attributes in camelCase, with base64 binaries and (always empty) list values. */
function toLambdaAttributes(attributes: Message['MessageAttributes']): SQSMessageAttributes {
  return Object.fromEntries(
    Object.entries(attributes ?? {}).map(([name, value]) => [
      name,
      {
        ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
        ...(value.BinaryValue !== undefined && { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }),
        stringListValues: value.StringListValues ?? [],
        binaryListValues: (value.BinaryListValues ?? []).map((binary) => Buffer.from(binary).toString('base64')),
        dataType: value.DataType!,
      },
    ]),
  );
}
