import { describe, expect, it } from 'vitest';
import { queues } from '#functions/resources';
import { synthesizeApp } from '#test/infra/synthesize';
import { StackTemplate } from '#test/infra/template-queries';

const { data, service } = synthesizeApp();
const dataTemplate = new StackTemplate(data);
const serviceTemplate = new StackTemplate(service);

describe('CSV drop: S3 → EventBridge → SQS', () => {
  it('sends the imports bucket’s events to EventBridge without a custom resource', () => {
    const [bucket] = Object.values(dataTemplate.resources('AWS::S3::Bucket'));
    expect(bucket!.Properties.NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    expect(Object.keys(dataTemplate.resources('AWS::Lambda::Function'))).toEqual([]);
  });

  it('routes Object Created under each fed prefix to its queue, with a dead-letter queue', () => {
    const fed = Object.values(queues).filter((q) => q.fedByBucketPrefix);
    const rules = Object.values(serviceTemplate.resources('AWS::Events::Rule')).filter(
      (r) => r.Properties.EventPattern,
    );
    expect(rules).toHaveLength(fed.length);
    for (const queue of fed) {
      const rule = rules.find((r) => JSON.stringify(r.Properties.EventPattern).includes(queue.fedByBucketPrefix!));
      expect(rule?.Properties.EventPattern).toMatchObject({
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { object: { key: [{ prefix: queue.fedByBucketPrefix }] } },
      });
      const [target] = rule!.Properties.Targets;
      expect(JSON.stringify(target.Arn)).toContain(queue.id);
      expect(JSON.stringify(target.DeadLetterConfig.Arn)).toContain(`${queue.id}Dlq`);
    }
  });
});
