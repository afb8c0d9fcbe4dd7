import { describe, expect, it } from 'vitest';
import { covers, permissionsFor, queueArnOfUrl } from '#local/sdk-authorization';

const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/lms-groups';

describe('what IAM authorizes for an SDK call', () => {
  it.each([
    ['GetItem', { TableName: 'lms-groups' }, [['dynamodb:GetItem', TABLE]]],
    ['PutItem', { TableName: 'lms-groups' }, [['dynamodb:PutItem', TABLE]]],
    ['UpdateItem', { TableName: 'lms-groups' }, [['dynamodb:UpdateItem', TABLE]]],
    ['DeleteItem', { TableName: TABLE }, [['dynamodb:DeleteItem', TABLE]]],
    ['Query', { TableName: 'lms-groups' }, [['dynamodb:Query', TABLE]]],
    ['Query', { TableName: 'lms-groups', IndexName: 'GSI1' }, [['dynamodb:Query', `${TABLE}/index/GSI1`]]],
    ['Scan', { TableName: 'lms-groups', IndexName: 'GSI2' }, [['dynamodb:Scan', `${TABLE}/index/GSI2`]]],
    [
      'BatchGetItem',
      { RequestItems: { 'lms-groups': {}, other: {} } },
      [
        ['dynamodb:BatchGetItem', TABLE],
        ['dynamodb:BatchGetItem', 'arn:aws:dynamodb:us-east-1:000000000000:table/other'],
      ],
    ],
    ['BatchWriteItem', { RequestItems: { 'lms-groups': [] } }, [['dynamodb:BatchWriteItem', TABLE]]],
    [
      'TransactWriteItems',
      {
        TransactItems: [
          { Put: { TableName: 'lms-groups' } },
          { Update: { TableName: 'lms-groups' } },
          { Delete: { TableName: 'lms-groups' } },
          { ConditionCheck: { TableName: 'lms-groups' } },
        ],
      },
      [
        ['dynamodb:PutItem', TABLE],
        ['dynamodb:UpdateItem', TABLE],
        ['dynamodb:DeleteItem', TABLE],
        ['dynamodb:ConditionCheckItem', TABLE],
      ],
    ],
    ['TransactGetItems', { TransactItems: [{ Get: { TableName: 'lms-groups' } }] }, [['dynamodb:GetItem', TABLE]]],
    ['ExecuteStatement', { Statement: 'SELECT * FROM "lms-groups"' }, [['dynamodb:PartiQLSelect', TABLE]]],
    ['ListTables', {}, [['dynamodb:ListTables', '*']]],
  ])('authorizes DynamoDB %s as its items ask', (operation, input, expected) => {
    expect(permissionsFor('dynamodb', operation, input).map((p) => [p.action, p.resource])).toEqual(expected);
  });

  const QUEUE_URL = 'http://sqs.us-east-1.localhost:4566/000000000000/job-chunks';
  const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:job-chunks';
  it.each([
    ['SendMessage', 'sqs:SendMessage'],
    ['SendMessageBatch', 'sqs:SendMessage'],
    ['ReceiveMessage', 'sqs:ReceiveMessage'],
    ['DeleteMessageBatch', 'sqs:DeleteMessage'],
    ['ChangeMessageVisibilityBatch', 'sqs:ChangeMessageVisibility'],
    ['GetQueueAttributes', 'sqs:GetQueueAttributes'],
  ])('authorizes SQS %s as %s on the queue of its URL', (operation, action) => {
    expect(permissionsFor('sqs', operation, { QueueUrl: QUEUE_URL })).toEqual([{ action, resource: QUEUE }]);
  });

  it('names a queue by its URL in AWS and in fauxqs alike', () => {
    expect(queueArnOfUrl('https://sqs.eu-west-1.amazonaws.com/123456789012/q')).toBe(
      'arn:aws:sqs:eu-west-1:123456789012:q',
    );
    expect(permissionsFor('sqs', 'GetQueueUrl', { QueueName: 'job-chunks' })).toEqual([
      { action: 'sqs:GetQueueUrl', resource: QUEUE },
    ]);
  });

  const OBJECT = 'arn:aws:s3:::bucket/results/a.csv';
  it.each([
    ['GetObject', 's3:GetObject'],
    ['HeadObject', 's3:GetObject'],
    ['PutObject', 's3:PutObject'],
    ['CreateMultipartUpload', 's3:PutObject'],
    ['UploadPart', 's3:PutObject'],
    ['CompleteMultipartUpload', 's3:PutObject'],
    ['AbortMultipartUpload', 's3:AbortMultipartUpload'],
    ['ListParts', 's3:ListMultipartUploadParts'],
    ['DeleteObject', 's3:DeleteObject'],
  ])('authorizes S3 %s as %s on the object', (operation, action) => {
    expect(permissionsFor('s3', operation, { Bucket: 'bucket', Key: 'results/a.csv' })).toEqual([
      { action, resource: OBJECT },
    ]);
  });

  it('authorizes listing on the bucket and a copy on both objects', () => {
    expect(permissionsFor('s3', 'ListObjectsV2', { Bucket: 'bucket', Prefix: 'results/' })).toEqual([
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket' },
    ]);
    expect(
      permissionsFor('s3', 'CopyObject', {
        Bucket: 'bucket',
        Key: 'results/a.csv',
        CopySource: 'bucket/imports/a%20b.csv',
      }),
    ).toEqual([
      { action: 's3:PutObject', resource: OBJECT },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/imports/a b.csv' },
    ]);
  });

  it('matches actions regardless of case and resources by their wildcards only', () => {
    const granted = [{ action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/results/*' }];
    expect(covers(granted, { action: 's3:getobject', resource: OBJECT })).toBe(true);
    expect(covers(granted, { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/exports/a.csv' })).toBe(false);
    expect(covers(granted, { action: 's3:PutObject', resource: OBJECT })).toBe(false);
    expect(
      covers([{ action: 'dynamodb:Query', resource: TABLE }], {
        action: 'dynamodb:Query',
        resource: `${TABLE}/index/GSI1`,
      }),
    ).toBe(false);
  });
});
