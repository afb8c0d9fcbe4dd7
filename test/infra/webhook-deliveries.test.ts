import { describe, expect, it } from 'vitest';
import { queues } from '#functions/resources';
import { synthesizeApp } from '#test/infra/synthesize';
import { StackTemplate } from '#test/infra/template-queries';

const { service } = synthesizeApp();
const template = new StackTemplate(service);

describe('webhook deliveries in AWS', () => {
  const queueEntries = Object.entries(template.resources('AWS::SQS::Queue'));
  const logicalId = (id: string) => {
    const found = queueEntries.filter(([logical]) => logical.includes(id) && !logical.includes(`${id}Dlq`));
    expect(found, id).toHaveLength(1);
    return found[0]!;
  };

  it('is a FIFO queue whose dead-letter queue is FIFO too, alarmed, after 1,000 receives', () => {
    const [queueId, queue] = logicalId(queues.webhookDeliveries.id);
    expect(queue.Properties).toMatchObject({
      FifoQueue: true,
      VisibilityTimeout: queues.webhookDeliveries.visibilityTimeoutSeconds,
      RedrivePolicy: { maxReceiveCount: 1000 },
    });
    const dlqId = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0] as string;
    expect(template.resources('AWS::SQS::Queue')[dlqId]!.Properties).toMatchObject({ FifoQueue: true });
    const alarms = Object.values(template.resources('AWS::CloudWatch::Alarm'));
    expect(alarms.some((a) => JSON.stringify(a.Properties.Dimensions).includes(dlqId))).toBe(true);
    expect(queueId).not.toBe(dlqId);
  });

  it('feeds DeliverWebhooks one message at a time with partial batch responses', () => {
    const [queueId] = logicalId(queues.webhookDeliveries.id);
    const [functionId] = template.function('DeliverWebhooks');
    const mappings = Object.values(template.resources('AWS::Lambda::EventSourceMapping')).filter((m) =>
      JSON.stringify(m.Properties.FunctionName).includes(functionId),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties).toMatchObject({ BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(JSON.stringify(mappings[0]!.Properties.EventSourceArn)).toContain(queueId);
  });

  it('lets the stream function and the redeliver route send to it, and the worker change its visibility', () => {
    const [queueId] = logicalId(queues.webhookDeliveries.id);
    const arn = { 'Fn::GetAtt': [queueId, 'Arn'] };
    expect(template.actions('PublishChangeEvents', arn)).toContain('sqs:SendMessage');
    expect(template.actions('RedeliverWebhookEvent', arn)).toContain('sqs:SendMessage');
    expect(template.actions('DeliverWebhooks', arn)).toContain('sqs:ChangeMessageVisibility');
    expect(template.actions('GetWebhook', arn)).toEqual(new Set());
  });
});
