import { describe, expect, it } from 'vitest';
import { catalog, scheduleFunctions, streamFunctions } from '#functions/catalog';
import * as resources from '#functions/resources';
import { synthesizeApp } from '#test/infra/synthesize';
import { StackTemplate } from '#test/infra/template-queries';

/**
 * The operational and security settings across both stacks: encryption at rest and in
 * transit, point-in-time recovery, log retention, API throttling, alarms that reach someone, and
 * production's own limits (nothing a test stack lowers is set in AWS).
 */
const { data, service } = synthesizeApp();
const stacks = [new StackTemplate(data), new StackTemplate(service)];
const template = stacks[1]!;
const all = (type: string) => stacks.flatMap((s) => Object.entries(s.resources(type)));

describe('hardening', () => {
  it('keeps every log group, the API access log included, for a bounded time', () => {
    const groups = all('AWS::Logs::LogGroup');
    expect(groups.length).toBe(catalog.length + 1);
    for (const [id, group] of groups) expect(group.Properties.RetentionInDays, id).toBe(30);
  });

  it('logs API requests by route key, never by raw path, query string or token claims', () => {
    const [, stage] = Object.entries(template.resources('AWS::ApiGatewayV2::Stage'))[0]!;
    const format = String(stage.Properties.AccessLogSettings.Format);
    for (const leak of ['$context.path', 'querystring', 'claims', '$request']) expect(format).not.toContain(leak);
    expect(format).toContain('$context.routeKey');
  });

  it('throttles every route through the stage default, which no route overrides', () => {
    const [, stage] = Object.entries(template.resources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingBurstLimit: 200,
      ThrottlingRateLimit: 100,
    });
    expect(stage.Properties.RouteSettings).toBeUndefined();
  });

  it('encrypts every queue, the table, the bucket and the alerts topic at rest', () => {
    for (const [id, queue] of all('AWS::SQS::Queue')) expect(queue.Properties.SqsManagedSseEnabled, id).toBe(true);
    for (const [id, table] of all('AWS::DynamoDB::Table')) {
      expect(table.Properties.SSESpecification, id).toEqual({ SSEEnabled: true });
      expect(table.Properties.PointInTimeRecoverySpecification, id).toEqual({ PointInTimeRecoveryEnabled: true });
    }
    for (const [id, bucket] of all('AWS::S3::Bucket')) expect(bucket.Properties.BucketEncryption, id).toBeDefined();
    const topics = all('AWS::SNS::Topic');
    expect(topics).toHaveLength(1);
    const [keyId, key] = all('AWS::KMS::Key')[0]!;
    expect(topics[0]![1].Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(key.Properties.EnableKeyRotation).toBe(true);
    // CloudWatch must be able to encrypt for the topic, or alarms would fail to notify.
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
  });

  it('refuses plain-HTTP publishing to the alerts topic', () => {
    const policies = Object.values(template.resources('AWS::SNS::TopicPolicy'));
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('alarms on every DLQ as soon as it holds a message, and tells the operators (and again when it empties)', () => {
    const [topicId] = Object.keys(template.resources('AWS::SNS::Topic'));
    const alarms = Object.values(template.resources('AWS::CloudWatch::Alarm'));
    // One per queue's DLQ, one per scheduled function's DLQ of failed ticks, one per stream function's on-failure queue.
    expect(alarms).toHaveLength(
      Object.keys(resources.queues).length + scheduleFunctions.length + streamFunctions.length,
    );
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
    }
    expect(Object.keys(template.template.findOutputs('*'))).toContain('OperatorAlertsTopicArn');
  });

  it("leaves production's limits alone: no function lowers the import size or changes the log level", () => {
    for (const [id, fn] of Object.entries(template.resources('AWS::Lambda::Function'))) {
      const variables = Object.keys(fn.Properties.Environment?.Variables ?? {});
      for (const name of [
        'MAX_IMPORT_BYTES',
        'MAX_SYNC_EXPORT',
        'LOG_LEVEL',
        'BULK_ENROLL_RATE_PER_MINUTE',
        'LOCAL_STACK_INFO',
      ])
        expect(variables, id).not.toContain(name);
    }
  });
});
