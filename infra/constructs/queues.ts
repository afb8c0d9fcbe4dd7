import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { MAX_MESSAGE_BYTES, type QueueDefinition, type QueueName, queues } from '#functions/resources';
import type { OperatorAlerts } from '#infra/constructs/operator-alerts';

export interface MessageQueuesProps {
  /** Where each DLQ's alarm (and its recovery) is sent. */
  readonly alerts: OperatorAlerts;
}

/**
 * Every queue of `resources.queues`, each with its dead-letter queue and an alarm on that DLQ that
 * notifies the operators' topic as soon as one message lands there, and again when it is empty.
 */
export class MessageQueues extends Construct {
  private readonly byName = new Map<QueueName, Queue>();
  private readonly deadLettersByName = new Map<QueueName, Queue>();
  /** The operators' topic every dead-letter alarm notifies (also those of other constructs' DLQs). */
  readonly alerts: OperatorAlerts;

  constructor(scope: Construct, id: string, props: MessageQueuesProps) {
    super(scope, id);
    this.alerts = props.alerts;
    for (const [name, definition] of Object.entries(queues) as [QueueName, QueueDefinition][]) {
      this.byName.set(name, this.addQueue(name, definition, props.alerts));
    }
  }

  /** The queue declared under `name` in `resources.queues`. */
  get(name: QueueName): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`Queue ${name} is not declared in functions/resources.ts`);
    return queue;
  }

  /** The dead-letter queue of the queue declared under `name`. */
  deadLetters(name: QueueName): Queue {
    const queue = this.deadLettersByName.get(name);
    if (!queue) throw new Error(`Queue ${name} is not declared in functions/resources.ts`);
    return queue;
  }

  private addQueue(name: QueueName, definition: QueueDefinition, alerts: OperatorAlerts): Queue {
    const deadLetterQueue = addDeadLetterQueue(this, `${definition.id}Dlq`, {
      owner: `the dead-letter queue of ${definition.id}`,
      alarmDescription: `Messages of ${definition.id} exhausted their ${definition.maxReceiveCount} deliveries`,
      alerts,
      fifo: definition.fifo,
    });
    this.deadLettersByName.set(name, deadLetterQueue);
    return new Queue(this, definition.id, {
      fifo: definition.fifo,
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      maxMessageSizeBytes: MAX_MESSAGE_BYTES,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
    });
  }
}

/**
 * A dead-letter queue (14 days, encrypted, SSL only) with an alarm on its first message, sent to the
 * operators' topic (and again when it is empty): where what `owner` could not handle ends up. Its own
 * construct id is `id`, its alarm's `${id}Alarm`.
 */
export function addDeadLetterQueue(
  scope: Construct,
  id: string,
  {
    owner,
    alarmDescription,
    alerts,
    fifo,
  }: { owner: string; alarmDescription: string; alerts: OperatorAlerts; fifo?: true | undefined },
): Queue {
  const deadLetterQueue = new Queue(scope, id, {
    fifo,
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
      reason:
        `This queue is ${owner}; it is the end of the line: what lands here is redriven by an operator, or ` +
        'consumed by a function that only ends the jobs it was producing (EndDeadLetteredJobs), never fails it again.',
    },
  );
  const alarm = new Alarm(scope, `${id}Alarm`, {
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
  alarm.addAlarmAction(new SnsAction(alerts.topic));
  alarm.addOkAction(new SnsAction(alerts.topic));
  return deadLetterQueue;
}
