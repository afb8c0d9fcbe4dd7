import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type QueueDefinition, type QueueName, queues } from '#functions/resources';

/** Every queue of `resources.queues`, each with its dead-letter queue and an alarm on that DLQ. */
export class MessageQueues extends Construct {
  private readonly byName = new Map<QueueName, Queue>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const [name, definition] of Object.entries(queues) as [QueueName, QueueDefinition][]) {
      this.byName.set(name, this.addQueue(definition));
    }
  }

  /** The queue declared under `name` in `resources.queues`. */
  get(name: QueueName): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`Queue ${name} is not declared in functions/resources.ts`);
    return queue;
  }

  private addQueue(definition: QueueDefinition): Queue {
    const deadLetterQueue = addDeadLetterQueue(this, `${definition.id}Dlq`, {
      owner: `the dead-letter queue of ${definition.id}`,
      alarmDescription: `Messages of ${definition.id} exhausted their ${definition.maxReceiveCount} deliveries`,
    });
    return new Queue(this, definition.id, {
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
    });
  }
}

/**
 * A dead-letter queue (14 days, encrypted, SSL only) with an alarm on its first message: where what
 * `owner` could not handle ends up. Its own construct id is `id`, its alarm's `${id}Alarm`.
 */
export function addDeadLetterQueue(
  scope: Construct,
  id: string,
  { owner, alarmDescription }: { owner: string; alarmDescription: string },
): Queue {
  const deadLetterQueue = new Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  Validations.of(deadLetterQueue).acknowledge(
    {
      id: 'AwsSolutions-SQS3',
      reason: `This queue is ${owner}; a DLQ of a DLQ would only hide poison messages.`,
    },
    {
      id: 'Serverless-SQSRedrivePolicy',
      reason: `This queue is ${owner}; nothing consumes it, so there is nothing to redrive.`,
    },
  );
  new Alarm(scope, `${id}Alarm`, {
    alarmDescription,
    metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: Stats.MAXIMUM,
    }),
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    threshold: 0,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  return deadLetterQueue;
}
