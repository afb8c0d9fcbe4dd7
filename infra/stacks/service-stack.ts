import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { catalog, httpFunctions } from '#functions/catalog';
import * as resources from '#functions/resources';
import type { ServiceConfig } from '#infra/config';
import { CatalogFunction } from '#infra/constructs/catalog-function';
import { GroupsApi } from '#infra/constructs/groups-api';
import { OperatorAlerts } from '#infra/constructs/operator-alerts';
import { MessageQueues } from '#infra/constructs/queues';
import { repoRoot } from '#infra/repo-root';
import type { DataReferences } from '#infra/stacks/data-stack';

export interface ServiceStackProps extends StackProps, ServiceConfig {
  readonly data: DataReferences;
  /**
   * Directory the catalog's entry paths are resolved against. Defaults to the repository root;
   * infra tests point it at a tree of stub handlers so synthesis does not depend on handler files.
   */
  readonly sourceRoot?: string;
}

/**
 * The stateless part: queues, one Lambda per catalog entry with its grants and trigger (route,
 * queue, or schedule at `recalcSchedule`), and the HTTP API. Everything here can be destroyed and redeployed without losing data.
 */
export class ServiceStack extends Stack {
  readonly api: GroupsApi;
  readonly queues: MessageQueues;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const table = Table.fromTableAttributes(this, 'Table', {
      tableArn: props.data.tableArn,
      tableStreamArn: props.data.tableStreamArn,
      globalIndexes: resources.table.globalSecondaryIndexes.map((index) => index.name),
    });
    const importsBucket = Bucket.fromBucketArn(this, 'ImportsBucket', props.data.importsBucketArn);
    const alerts = new OperatorAlerts(this, 'OperatorAlerts');
    this.queues = new MessageQueues(this, 'Queues', { alerts });
    // The change events' bus: consumers in the account subscribe with rules of their own.
    const eventBus = new EventBus(this, resources.eventBus.id, {
      description: 'LMS groups change events (membership.*, enrollment.*, group.*)',
    });

    const functions = new Map<string, CatalogFunction>();
    for (const definition of catalog) {
      functions.set(
        definition.name,
        new CatalogFunction(this, definition.name, {
          definition,
          table,
          importsBucket,
          queues: this.queues,
          eventBus,
          sourceRoot: props.sourceRoot ?? repoRoot,
          schedules: { recalculation: props.recalcSchedule },
        }),
      );
    }

    this.api = new GroupsApi(this, 'Api', {
      jwtIssuer: props.jwtIssuer,
      jwtAudience: props.jwtAudience,
      routes: httpFunctions.map((definition) => ({ definition, handler: functions.get(definition.name)!.handler })),
    });

    this.routeBucketEvents(importsBucket.bucketName);

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url });
    new CfnOutput(this, 'ChangeEventBusName', { value: eventBus.eventBusName });
    new CfnOutput(this, 'OperatorAlertsTopicArn', {
      value: alerts.topic.topicArn,
      description: 'Subscribe here to hear of dead-lettered messages (DLQ alarms)',
    });
  }

  /** S3 → EventBridge → SQS: each queue fed by a bucket prefix gets that prefix's "Object Created" events. */
  private routeBucketEvents(bucketName: string) {
    for (const [name, definition] of Object.entries(resources.queues) as [
      resources.QueueName,
      resources.QueueDefinition,
    ][]) {
      if (!definition.fedByBucketPrefix) continue;
      new Rule(this, `${definition.id}Feed`, {
        description: `Object Created under ${definition.fedByBucketPrefix} → ${definition.id}`,
        eventPattern: {
          source: ['aws.s3'],
          detailType: ['Object Created'],
          detail: { bucket: { name: [bucketName] }, object: { key: [{ prefix: definition.fedByBucketPrefix }] } },
        },
        // Events EventBridge cannot deliver after its retries land in the queue's own DLQ, under its alarm.
        targets: [
          new SqsQueue(this.queues.get(name), {
            deadLetterQueue: this.queues.get(name).deadLetterQueue?.queue,
            retryAttempts: 185,
          }),
        ],
      });
    }
  }
}
