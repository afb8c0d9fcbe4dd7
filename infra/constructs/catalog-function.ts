import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { DEFAULT_MAX_CONCURRENCY, limitsOf } from '#functions/catalog';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type ILogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '#functions/catalog';
import { environmentOf, type ResourceRef, statementsOf } from '#functions/permissions';
import * as resources from '#functions/resources';
import { lambdaBundling } from '#infra/constructs/lambda-bundling';
import { addDeadLetterQueue, type MessageQueues } from '#infra/constructs/queues';
import { acknowledgeGrantWildcards } from '#infra/nag-findings';

export interface CatalogFunctionProps {
  readonly definition: FunctionDefinition;
  readonly table: ITable;
  readonly importsBucket: IBucket;
  readonly queues: MessageQueues;
  readonly eventBus: IEventBus;
  /** Directory the catalog's entry paths are relative to, holding tsconfig.json and package-lock.json. */
  readonly sourceRoot: string;
  /** The EventBridge expression of each schedule (stack props); required for schedule-triggered entries. */
  readonly schedules?: Partial<Record<resources.ScheduleName, string>>;
}

/** Visibility timeout of a dead-letter queue (SQS's default, which addDeadLetterQueue keeps). */
const DEAD_LETTER_VISIBILITY_TIMEOUT_SECONDS = 30;
/** EventBridge's delivery retries of one tick to a scheduled function, and how long it keeps trying. */
const SCHEDULE_RETRY_ATTEMPTS = 4;
const SCHEDULE_MAX_EVENT_AGE_HOURS = 1;

/**
 * One Lambda of the catalog: fixed runtime, architecture, bundling and log retention; the limits,
 * environment and IAM grants of its catalog entry, and nothing more. A queue-triggered entry also
 * gets its event source mapping, with partial batch responses; a schedule-triggered one its
 * EventBridge rule, with a dead-letter queue for ticks that could not be delivered or failed.
 */
export class CatalogFunction extends Construct {
  readonly handler: NodejsFunction;

  constructor(scope: Construct, id: string, props: CatalogFunctionProps) {
    super(scope, id);
    const { definition, sourceRoot } = props;
    const { timeoutSeconds, memoryMb } = limitsOf(definition);

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    // EventBridge invokes asynchronously: a tick it cannot deliver, or one that fails Lambda's own
    // retries, lands here (under an alarm) instead of vanishing.
    const failedTicks =
      definition.trigger.type === 'schedule'
        ? addDeadLetterQueue(this, 'FailedTicks', {
            owner: `the dead-letter queue of ${definition.name}'s scheduled invocations`,
            alarmDescription: `Ticks of ${definition.name} that failed after EventBridge's and Lambda's retries`,
            alerts: props.queues.alerts,
          })
        : undefined;
    // An explicit role instead of the default one: the function may write to its own log group (a
    // statement of its own, see grantAccess), which replaces the AWSLambdaBasicExecutionRole managed
    // policy (log writes to any group).
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });

    this.handler = new NodejsFunction(this, 'Handler', {
      description: descriptionOf(definition),
      entry: join(sourceRoot, definition.entry),
      handler: 'handler',
      projectRoot: sourceRoot,
      depsLockFilePath: join(sourceRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(timeoutSeconds),
      memorySize: memoryMb,
      role,
      logGroup,
      deadLetterQueue: failedTicks,
      environment: this.environment(props),
      bundling: lambdaBundling(sourceRoot),
    });

    this.grantAccess(props, logGroup);
    if (definition.trigger.type === 'queue') this.subscribe(props, timeoutSeconds);
    if (definition.trigger.type === 'deadLetters') this.subscribeToDeadLetters(props, timeoutSeconds);
    if (definition.trigger.type === 'stream') this.subscribeToStream(props);
    if (failedTicks) this.schedule(props, failedTicks);
    else this.acknowledgeInvocationModel();
  }

  private environment({
    definition,
    table,
    importsBucket,
    queues,
    eventBus,
  }: CatalogFunctionProps): Record<string, string> {
    return environmentOf(definition, {
      tableName: table.tableName,
      bucketName: importsBucket.bucketName,
      queueUrl: (name) => queues.get(name).queueUrl,
      eventBusName: eventBus.eventBusName,
    });
  }

  /**
   * The role's statements, from statementsOf: the same derivation the local stack enforces. What the
   * trigger's wiring grants by itself (the event source's consumption, the tick DLQ's send) is left
   * to it; the parity test checks that it grants exactly those statements.
   */
  private grantAccess(
    { definition, table, importsBucket, queues, eventBus }: CatalogFunctionProps,
    logGroup: ILogGroup,
  ): void {
    const arnOf = (ref: ResourceRef): string => {
      switch (ref.kind) {
        case 'table':
          return table.tableArn;
        case 'tableIndex':
          return `${table.tableArn}/index/${ref.name}`;
        case 'queue':
          return queues.get(ref.name).queueArn;
        case 'deadLetterQueue':
          return queues.deadLetters(ref.name).queueArn;
        case 'bucketObjects':
          return importsBucket.arnForObjects(`${resources.importsBucket.areas[ref.area]}*`);
        case 'logGroup':
          return logGroup.logGroupArn;
        case 'eventBus':
          return eventBus.eventBusArn;
        case 'failedTicks':
        case 'failedRecords':
        case 'tableStream':
        case 'any':
          throw new Error(`${definition.name}: ${ref.kind} is granted by the function's own wiring`);
      }
    };
    for (const statement of statementsOf(definition)) {
      if (statement.grantedByTrigger) continue;
      const grant = Grant.addToPrincipal({
        grantee: this.handler,
        actions: [...statement.actions],
        resourceArns: [arnOf(statement.resource)],
      });
      acknowledgeGrantWildcards(
        this,
        grant,
        `Wildcards of the '${definition.name}' catalog access, each scoped to one resource: the object keys ` +
          'under one area of the one bucket.',
      );
    }
  }

  private subscribe({ definition, queues }: CatalogFunctionProps, timeoutSeconds: number): void {
    if (definition.trigger.type !== 'queue') return;
    const { queue: name, batchSize, maxConcurrency = DEFAULT_MAX_CONCURRENCY } = definition.trigger;
    const { visibilityTimeoutSeconds } = resources.queues[name];
    // A batch still running when its messages become visible again is delivered twice in parallel.
    if (timeoutSeconds > visibilityTimeoutSeconds) {
      throw new Error(
        `${definition.name}: timeout ${timeoutSeconds}s exceeds the visibility timeout of queue ${name} ` +
          `(${visibilityTimeoutSeconds}s); raise the queue's visibilityTimeoutSeconds in functions/resources.ts`,
      );
    }
    const eventSource = new SqsEventSource(queues.get(name), {
      batchSize,
      maxConcurrency,
      reportBatchItemFailures: true,
    });
    this.handler.addEventSource(eventSource);
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'SQS event source mappings have no on-failure destination; failed messages reach the DLQ through the ' +
        "queue's redrive policy (maxReceiveCount in functions/resources.ts), which is alarmed.",
    });
  }

  /** One event source mapping per dead-letter queue the entry is fed by, with partial batch responses. */
  private subscribeToDeadLetters({ definition, queues }: CatalogFunctionProps, timeoutSeconds: number): void {
    if (definition.trigger.type !== 'deadLetters') return;
    if (timeoutSeconds > DEAD_LETTER_VISIBILITY_TIMEOUT_SECONDS) {
      throw new Error(
        `${definition.name}: timeout ${timeoutSeconds}s exceeds the visibility timeout of a dead-letter queue ` +
          `(${DEAD_LETTER_VISIBILITY_TIMEOUT_SECONDS}s)`,
      );
    }
    for (const name of definition.trigger.queues) {
      this.handler.addEventSource(
        new SqsEventSource(queues.deadLetters(name), {
          batchSize: definition.trigger.batchSize,
          maxConcurrency: DEFAULT_MAX_CONCURRENCY,
          reportBatchItemFailures: true,
        }),
      );
    }
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'Its event sources are dead-letter queues: a record it fails stays there (alarmed) and is retried, and ' +
        'it fails only when the table does; a DLQ of a DLQ would only hide what could not be handled.',
    });
  }

  /**
   * The table's stream as the event source: from the oldest record kept, in order per shard; a failing
   * batch is bisected to find the record at fault, the partial batch response resumes after the records
   * that succeeded, and a record still failing after `maxRetries` goes to an on-failure queue (alarmed).
   */
  private subscribeToStream({ definition, table, queues }: CatalogFunctionProps): void {
    if (definition.trigger.type !== 'stream') return;
    const failedRecords = addDeadLetterQueue(this, 'FailedRecords', {
      owner: `the on-failure destination of ${definition.name}'s stream records`,
      alarmDescription: `Stream records ${definition.name} gave up on after its retries`,
      alerts: queues.alerts,
    });
    this.handler.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: definition.trigger.batchSize,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: definition.trigger.maxRetries,
        onFailure: new SqsDlq(failedRecords),
      }),
    );
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, which the stream event source grants, names no resource; the stream reads ' +
        '(DescribeStream, GetRecords, GetShardIterator) are scoped to the table stream.',
    });
  }

  /** The EventBridge rule of a schedule-triggered entry, at the expression the stack props give its schedule. */
  private schedule({ definition, schedules }: CatalogFunctionProps, failedTicks: Queue): void {
    if (definition.trigger.type !== 'schedule') return;
    const name = definition.trigger.schedule;
    const expression = schedules?.[name];
    if (!expression) throw new Error(`${definition.name}: no schedule expression was given for schedule ${name}`);
    const schedule = resources.schedules[name];
    new Rule(this, schedule.id, {
      description: `${schedule.description} (${expression})`,
      schedule: Schedule.expression(expression),
      targets: [
        new LambdaFunction(this.handler, {
          deadLetterQueue: failedTicks,
          retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
          maxEventAge: Duration.hours(SCHEDULE_MAX_EVENT_AGE_HOURS),
        }),
      ],
    });
    this.acknowledgeRuntimePin();
  }

  private acknowledgeRuntimePin(): void {
    const pinned = 'Runtime pinned to nodejs24.x together with the esbuild target node24, as the design specifies.';
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-L1', reason: pinned },
      { id: 'Serverless-LambdaLatestVersion', reason: pinned },
    );
  }

  private acknowledgeInvocationModel(): void {
    const synchronous =
      'Never invoked asynchronously: API Gateway invokes it synchronously and SQS through an event source ' +
      'mapping, so asynchronous-invocation DLQs and destinations would never receive anything.';
    Validations.of(this).acknowledge(
      { id: 'Serverless-LambdaDLQ', reason: synchronous },
      { id: 'Serverless-LambdaAsyncFailureDestination', reason: synchronous },
    );
    this.acknowledgeRuntimePin();
  }
}

function descriptionOf({ trigger }: FunctionDefinition): string {
  if (trigger.type === 'http') return `${trigger.method} ${trigger.path}`;
  if (trigger.type === 'deadLetters') return `SQS DLQs of ${trigger.queues.join(', ')}`;
  if (trigger.type === 'stream') return 'DynamoDB stream of the table';
  return trigger.type === 'queue' ? `SQS ${trigger.queue}` : `Schedule ${trigger.schedule}`;
}
