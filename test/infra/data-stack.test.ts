import { describe, expect, it } from 'vitest';
import * as resources from '#functions/resources';
import { synthesizeApp } from '#test/infra/synthesize';
import { StackTemplate } from '#test/infra/template-queries';

const { data, service } = synthesizeApp();
const template = new StackTemplate(data);

describe('table', () => {
  const table = template.resources('AWS::DynamoDB::Table')[resources.table.id];

  it('keeps the logical id declared in resources.ts', () => {
    expect(table?.Type).toBe('AWS::DynamoDB::Table');
    expect(Object.keys(template.resources('AWS::DynamoDB::Table'))).toEqual([resources.table.id]);
  });

  it('is retained, on demand, point-in-time recoverable and encrypted', () => {
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.UpdateReplacePolicy).toBe('Retain');
    expect(table?.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('streams every change with both images, as the local table does', () => {
    expect(table?.Properties.StreamSpecification).toEqual({ StreamViewType: resources.table.streamViewType });
  });

  it('has the keys and exactly the GSIs of resources.ts, projecting all attributes', () => {
    expect(table?.Properties.KeySchema).toEqual([
      { AttributeName: resources.table.partitionKey, KeyType: 'HASH' },
      { AttributeName: resources.table.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table?.Properties.GlobalSecondaryIndexes).toEqual(
      resources.table.globalSecondaryIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });
});

describe('imports bucket', () => {
  const bucket = template.resources('AWS::S3::Bucket')[resources.importsBucket.id];

  it('is retained, private and encrypted with S3-managed keys', () => {
    expect(bucket?.DeletionPolicy).toBe('Retain');
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket?.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
  });

  it('expires every area after the retention (30 days by default) and aborts stale multipart uploads', () => {
    expect(bucket?.Properties.LifecycleConfiguration.Rules).toEqual([
      { AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' },
      ...['imports/', 'results/', 'exports/'].map((prefix) => ({
        Prefix: prefix,
        ExpirationInDays: 30,
        Status: 'Enabled',
      })),
    ]);
  });

  it('takes the retention from the deployment', () => {
    const shorter = new StackTemplate(synthesizeApp({ fileRetentionDays: 7 }).data);
    const rules = shorter.resources('AWS::S3::Bucket')[resources.importsBucket.id]?.Properties.LifecycleConfiguration
      .Rules as { ExpirationInDays?: number }[];
    expect(rules.flatMap((rule) => rule.ExpirationInDays ?? [])).toEqual([7, 7, 7]);
  });

  it('rejects plain-HTTP requests', () => {
    const policies = Object.values(template.resources('AWS::S3::BucketPolicy'));
    expect(policies.map((p) => p.Properties.Bucket)).toEqual([{ Ref: resources.importsBucket.id }]);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });
});

describe('both stacks', () => {
  const stacks = [template, new StackTemplate(service)];

  it('give no resource a physical name', () => {
    const nameProperties: Record<string, string> = {
      'AWS::DynamoDB::Table': 'TableName',
      'AWS::S3::Bucket': 'BucketName',
      'AWS::SQS::Queue': 'QueueName',
      'AWS::Lambda::Function': 'FunctionName',
      'AWS::Logs::LogGroup': 'LogGroupName',
      'AWS::IAM::Role': 'RoleName',
    };
    for (const stack of stacks) {
      for (const [type, property] of Object.entries(nameProperties)) {
        for (const [id, resource] of Object.entries(stack.resources(type))) {
          expect(resource.Properties[property], `${id}.${property}`).toBeUndefined();
        }
      }
    }
  });

  it('output the API URL, the table name and the bucket name', () => {
    expect(Object.keys(template.template.findOutputs('*'))).toEqual(
      expect.arrayContaining(['TableName', 'ImportsBucketName']),
    );
    expect(Object.keys(stacks[1]!.template.findOutputs('*'))).toContain('ApiUrl');
  });
});
