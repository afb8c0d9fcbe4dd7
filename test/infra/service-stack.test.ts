import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  catalog,
  deadLetterFunctions,
  type FunctionDefinition,
  httpFunctions,
  queueFunctions,
  routeKeyOf,
  scheduleFunctions,
  streamFunctions,
} from '#functions/catalog';
import * as resources from '#functions/resources';
import { buildLoneFunction, synthesizeApp, testConfig } from '#test/infra/synthesize';
import { StackTemplate } from '#test/infra/template-queries';

const { service } = synthesizeApp();
const template = new StackTemplate(service);

const TABLE_WRITES = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:TransactWriteItems',
];
const queueArn = (name: resources.QueueName) => ({
  'Fn::GetAtt': [template.at('AWS::SQS::Queue', `Queues/${resources.queues[name].id}/Resource`)[0], 'Arn'],
});

describe('functions', () => {
  it('creates exactly one function per catalog entry, on nodejs24.x and arm64', () => {
    expect(Object.keys(template.resources('AWS::Lambda::Function'))).toHaveLength(catalog.length);
    for (const { name } of catalog) {
      const [, fn] = template.function(name);
      expect(fn.Properties.Runtime, name).toBe('nodejs24.x');
      expect(fn.Properties.Architectures, name).toEqual(['arm64']);
    }
  });

  it.each(catalog)('gives $name the limits of its catalog entry', ({ name, trigger, timeoutSeconds, memoryMb }) => {
    const [, fn] = template.function(name);
    expect(fn.Properties.Timeout).toBe(timeoutSeconds ?? (trigger.type === 'http' ? 10 : 30));
    expect(fn.Properties.MemorySize).toBe(memoryMb ?? 512);
    expect(fn.Properties.LoggingConfig.LogGroup).toEqual({
      Ref: template.at('AWS::Logs::LogGroup', `${name}/Logs/Resource`)[0],
    });
  });

  it('keeps every function log group for one month', () => {
    for (const { name } of catalog) {
      expect(template.at('AWS::Logs::LogGroup', `${name}/Logs/Resource`)[1].Properties.RetentionInDays).toBe(30);
    }
  });

  it.each(catalog)('passes $name only the resource locations its catalog access needs', ({ name, access }) => {
    const variables = template.function(name)[1].Properties.Environment.Variables as Record<string, unknown>;
    const expected = [
      'NODE_OPTIONS',
      'POWERTOOLS_SERVICE_NAME',
      ...(access.table ? [resources.env.table] : []),
      ...(access.bucket ? [resources.env.bucket] : []),
      ...(access.sendsTo ?? []).map(resources.env.queueUrl),
      ...(access.eventBus ? [resources.env.eventBus] : []),
    ];
    expect(Object.keys(variables).sort()).toEqual(expected.sort());
    expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
    expect(variables.POWERTOOLS_SERVICE_NAME).toBe('lms-groups');
    for (const queue of access.sendsTo ?? []) {
      const [queueId] = template.at('AWS::SQS::Queue', `Queues/${resources.queues[queue].id}/Resource`);
      expect(variables[resources.env.queueUrl(queue)]).toEqual({ Ref: queueId });
    }
  });

  it('refuses a queue worker whose timeout outlives the visibility timeout', () => {
    const [queue, { visibilityTimeoutSeconds }] = Object.entries(resources.queues)[0]!;
    const worker = (timeoutSeconds: number): FunctionDefinition => ({
      name: 'Worker',
      entry: catalog[0]!.entry,
      trigger: { type: 'queue', queue: queue as resources.QueueName, batchSize: 1 },
      access: {},
      timeoutSeconds,
    });
    expect(() => buildLoneFunction(worker(visibilityTimeoutSeconds))).not.toThrow();
    expect(() => buildLoneFunction(worker(visibilityTimeoutSeconds + 1))).toThrow(/visibility timeout/);
  });
});

describe('grants', () => {
  const readers = catalog.filter((f) => f.access.table === 'read' && !f.access.rateLimited);
  const limitedReaders = catalog.filter((f) => f.access.table === 'read' && f.access.rateLimited);
  const writers = catalog.filter((f) => f.access.table === 'readwrite');

  it.each(readers)('lets read-only $name read the table and never write it', ({ name }) => {
    const actions = template.actions(name);
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:Query');
    for (const write of TABLE_WRITES) expect(actions, write).not.toContain(write);
  });

  it.each(limitedReaders)('lets rate-limited $name read the table and write only token buckets', ({ name }) => {
    const actions = template.actions(name);
    for (const action of ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']) {
      expect(actions, action).toContain(action);
    }
    for (const write of ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) expect(actions, write).not.toContain(write);
  });

  it.each(writers)('lets $name read and write the table', ({ name }) => {
    const actions = template.actions(name);
    // No IAM action authorizes TransactWriteItems as such: DynamoDB checks each Put/Update/Delete inside it.
    for (const action of ['dynamodb:Query', ...TABLE_WRITES.filter((a) => a !== 'dynamodb:TransactWriteItems')]) {
      expect(actions, action).toContain(action);
    }
  });

  it.each(catalog.filter((f) => !f.access.table))('gives $name no table access', ({ name }) => {
    expect([...template.actions(name)].filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it.each(catalog)('lets $name send only to the queues it declares', ({ name, access }) => {
    const sendsTo = access.sendsTo ?? [];
    for (const queue of Object.keys(resources.queues) as resources.QueueName[]) {
      const actions = template.actions(name, queueArn(queue));
      if (sendsTo.includes(queue)) expect(actions, queue).toContain('sqs:SendMessage');
      else expect(actions, queue).not.toContain('sqs:SendMessage');
    }
    if (sendsTo.length === 0) {
      // A stream function sends to its own on-failure queue only (the event source's destination).
      const own = streamFunctions.some((f) => f.name === name)
        ? template.at('AWS::SQS::Queue', `${name}/FailedRecords/Resource`)[0]
        : undefined;
      const sends = template
        .statements(name)
        .filter((st) => st.Action.includes('sqs:SendMessage'))
        .flatMap((st) => [st.Resource].flat());
      expect(sends).toEqual(own ? [{ 'Fn::GetAtt': [own, 'Arn'] }] : []);
    }
  });

  it.each(catalog.filter((f) => !f.access.bucket))('gives $name no bucket access', ({ name }) => {
    expect([...template.actions(name)].filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it.each(streamFunctions)('lets $name read the table stream, and no other stream', ({ name }) => {
    const streamActions = template
      .statements(name)
      .filter((st) => st.Action.some((a) => /^dynamodb:(GetRecords|GetShardIterator|DescribeStream)$/.test(a)));
    expect(streamActions).toHaveLength(1);
    expect(JSON.stringify(streamActions[0]!.Resource)).toMatch(/StreamArn/);
  });

  it.each(catalog.filter((f) => f.trigger.type !== 'stream'))(
    'gives $name no Scan, stream or PartiQL action on the table',
    ({ name }) => {
      const broad = [...template.actions(name)].filter((a) =>
        /^dynamodb:(Scan|GetRecords|GetShardIterator|DescribeStream|ListStreams|PartiQL|\*)/.test(a),
      );
      expect(broad).toEqual([]);
    },
  );

  const bucketUsers = catalog.filter((f) => f.access.bucket);
  it.each(bucketUsers)('lets $name get or put objects only in the bucket areas it declares', ({ name, access }) => {
    const statements = template.statements(name).filter((st) => st.Action.some((a) => a.startsWith('s3:')));
    const granted = statements.flatMap((st) =>
      [st.Resource].flat().flatMap((resource) => st.Action.map((action) => `${action} ${areaOf(resource)}`)),
    );
    const expected = [
      ...(access.bucket?.read ?? []).map((area) => `s3:GetObject ${area}`),
      ...(access.bucket?.write ?? []).flatMap((area) => [`s3:PutObject ${area}`, `s3:AbortMultipartUpload ${area}`]),
    ];
    expect(granted.sort()).toEqual(expected.sort());
  });

  it('covers bucket readers and writers', () => {
    expect(bucketUsers.some((f) => f.access.bucket?.read?.length)).toBe(true);
    expect(bucketUsers.some((f) => f.access.bucket?.write?.length)).toBe(true);
  });

  it('covers both sides: some function sends to a queue and some does not', () => {
    expect(catalog.some((f) => f.access.sendsTo?.length)).toBe(true);
    expect(catalog.some((f) => !f.access.sendsTo?.length)).toBe(true);
    expect(readers.length).toBeGreaterThan(0);
  });
});

describe('HTTP API', () => {
  const routes = Object.values(template.resources('AWS::ApiGatewayV2::Route'));
  const routeFor = (trigger: Parameters<typeof routeKeyOf>[0]) => {
    const route = routes.find((r) => r.Properties.RouteKey === routeKeyOf(trigger));
    if (!route) throw new Error(`no route ${routeKeyOf(trigger)}`);
    return route;
  };

  it('has exactly the routes of the catalog', () => {
    const expected = httpFunctions.map(({ trigger }) => routeKeyOf(trigger));
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([...new Set(expected)].sort());
    expect(routes).toHaveLength(expected.length);
  });

  it('leaves only the catalog auth:none routes open and guards the rest with the JWT authorizer', () => {
    const [authorizerId] = Object.keys(template.resources('AWS::ApiGatewayV2::Authorizer'));
    for (const { trigger } of httpFunctions) {
      const route = routeFor(trigger);
      if (trigger.auth === 'none') {
        expect(route.Properties.AuthorizationType).toBe('NONE');
        expect(route.Properties.AuthorizerId).toBeUndefined();
      } else {
        expect(route.Properties.AuthorizationType).toBe('JWT');
        expect(route.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
      }
    }
  });

  it('routes each path to the function of its catalog entry', () => {
    const integrations = template.resources('AWS::ApiGatewayV2::Integration');
    for (const { name, trigger } of httpFunctions) {
      const target = routeFor(trigger).Properties.Target['Fn::Join'][1][1].Ref as string;
      const [functionId] = template.function(name);
      expect(integrations[target]?.Properties.IntegrationUri, name).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
    }
  });

  it('verifies JWTs from the configured issuer and audience', () => {
    const authorizers = Object.values(template.resources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]!.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: testConfig.jwtIssuer, Audience: [...testConfig.jwtAudience] },
    });
  });

  it('throttles and access-logs the default stage', () => {
    const stages = Object.values(template.resources('AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]!.Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 });
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId' });
  });
});

describe('queues', () => {
  const definitions = Object.values(resources.queues);

  it.each(definitions)('gives $id its visibility timeout and a DLQ after maxReceiveCount', (definition) => {
    const [, queue] = template.at('AWS::SQS::Queue', `Queues/${definition.id}/Resource`);
    const [dlqId, dlq] = template.at('AWS::SQS::Queue', `Queues/${definition.id}Dlq/Resource`);
    expect(queue.Properties.VisibilityTimeout).toBe(definition.visibilityTimeoutSeconds);
    expect(queue.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: definition.maxReceiveCount,
    });
    expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    for (const q of [queue, dlq]) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it.each(definitions)('alarms as soon as a message lands in the DLQ of $id', (definition) => {
    const [dlqId] = template.at('AWS::SQS::Queue', `Queues/${definition.id}Dlq/Resource`);
    const alarms = Object.values(template.resources('AWS::CloudWatch::Alarm')).filter((alarm) =>
      (alarm.Properties.Dimensions as { Value: unknown }[]).some(
        (d) => JSON.stringify(d.Value) === JSON.stringify({ 'Fn::GetAtt': [dlqId, 'QueueName'] }),
      ),
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
  });

  it('rejects plain-HTTP access to every queue', () => {
    const policies = Object.values(template.resources('AWS::SQS::QueuePolicy'));
    // Each queue and its DLQ, the failed-ticks DLQ of each scheduled function, the on-failure queue of each stream function.
    expect(policies).toHaveLength(definitions.length * 2 + scheduleFunctions.length + streamFunctions.length);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('maps each queue worker to its queue with partial batch responses', () => {
    const mappings = Object.values(template.resources('AWS::Lambda::EventSourceMapping'));
    const deadLetterSources = deadLetterFunctions.flatMap((f) => f.trigger.queues);
    expect(mappings).toHaveLength(queueFunctions.length + deadLetterSources.length + streamFunctions.length);
    for (const { name, trigger } of queueFunctions) {
      const [functionId] = template.function(name);
      const mapping = mappings.find((m) => m.Properties.FunctionName.Ref === functionId);
      expect(mapping?.Properties, name).toMatchObject({
        EventSourceArn: queueArn(trigger.queue),
        BatchSize: trigger.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });
});

describe('table stream', () => {
  it.each(streamFunctions)(
    'feeds $name the table stream in order, bisecting, with partial batch responses and an on-failure queue',
    ({ name, trigger }) => {
      const [functionId] = template.function(name);
      const mapping = Object.values(template.resources('AWS::Lambda::EventSourceMapping')).find(
        (m) => m.Properties.FunctionName.Ref === functionId,
      );
      const [failedRecords] = template.at('AWS::SQS::Queue', `${name}/FailedRecords/Resource`);
      expect(mapping?.Properties).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: trigger.batchSize,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: trigger.maxRetries,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failedRecords, 'Arn'] } } },
      });
      expect(JSON.stringify(mapping?.Properties.EventSourceArn)).toMatch(/StreamArn/);
    },
  );

  it('puts change events only on the service bus', () => {
    const [busId] = template.at('AWS::Events::EventBus', `${resources.eventBus.id}/Resource`);
    for (const { name, access } of catalog) {
      const puts = template.statements(name).filter((st) => st.Action.includes('events:PutEvents'));
      expect(
        puts.flatMap((st) => [st.Resource].flat()),
        name,
      ).toEqual(access.eventBus ? [{ 'Fn::GetAtt': [busId, 'Arn'] }] : []);
    }
  });
});

describe('dead letters', () => {
  const deadLetterArn = (name: resources.QueueName) => ({
    'Fn::GetAtt': [template.at('AWS::SQS::Queue', `Queues/${resources.queues[name].id}Dlq/Resource`)[0], 'Arn'],
  });

  // The chunks' DLQ too: a worker that times out or crashes on its last delivery never records its chunk,
  // so without a consumer its job would stay running for ever.
  it('feeds the dead-letter consumer from the DLQs of the job producers and of the chunks', () => {
    const fedBy: resources.QueueName[] = ['imports', 'jobPlans', 'jobChunks', 'fileJobChunks'];
    expect(deadLetterFunctions.map((f) => [f.name, f.trigger.queues])).toEqual([['EndDeadLetteredJobs', fedBy]]);
    const mappings = Object.values(template.resources('AWS::Lambda::EventSourceMapping'));
    const [functionId] = template.function('EndDeadLetteredJobs');
    const fed = mappings.filter((m) => m.Properties.FunctionName.Ref === functionId);
    expect(fed.map((m) => m.Properties)).toEqual(
      fedBy.map((name) =>
        expect.objectContaining({
          EventSourceArn: deadLetterArn(name),
          BatchSize: 10,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        }),
      ),
    );
    for (const chunks of ['jobChunks', 'fileJobChunks'] as const) {
      const dlq = JSON.stringify(deadLetterArn(chunks));
      expect(mappings.filter((m) => JSON.stringify(m.Properties.EventSourceArn) === dlq)).toHaveLength(1);
    }
  });

  it('lets the dead-letter consumer send a recorded chunk back to its worker, and nothing else', () => {
    for (const chunks of ['jobChunks', 'fileJobChunks'] as const)
      expect(template.actions('EndDeadLetteredJobs', queueArn(chunks)), chunks).toContain('sqs:SendMessage');
    for (const name of ['imports', 'jobPlans', 'notifications'] as const)
      expect(template.actions('EndDeadLetteredJobs', queueArn(name)), name).not.toContain('sqs:SendMessage');
  });
});

describe('schedules', () => {
  const scheduled = scheduleFunctions.map((f) => ({ ...f, ...f.trigger }));

  it('has a schedule-triggered function for the recalculation schedule', () => {
    expect(scheduled.map((f) => f.schedule)).toEqual(['recalculation']);
  });

  it.each(scheduled)(
    'fires $name on the configured expression, with retries and a dead-letter queue',
    ({ name, schedule }) => {
      const [functionId] = template.function(name);
      const [ruleId, rule] = template.at('AWS::Events::Rule', `${name}/${resources.schedules[schedule].id}/Resource`);
      const [dlqId] = template.at('AWS::SQS::Queue', `${name}/FailedTicks/Resource`);
      expect(rule.Properties.ScheduleExpression).toBe(testConfig.recalcSchedule);
      expect(rule.Properties.State).toBe('ENABLED');
      template.template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: testConfig.recalcSchedule,
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
            RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600 },
          }),
        ],
      });
      // EventBridge may invoke the function, and only from this rule.
      template.template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
      });
    },
  );

  it.each(scheduled)('sends ticks that $name failed to its own alarmed dead-letter queue', ({ name }) => {
    const [, fn] = template.function(name);
    const [dlqId, dlq] = template.at('AWS::SQS::Queue', `${name}/FailedTicks/Resource`);
    expect(fn.Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } });
    expect(dlq.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    expect(template.actions(name, { 'Fn::GetAtt': [dlqId, 'Arn'] })).toContain('sqs:SendMessage');
    template.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: dlqId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
          }),
        ]),
      },
    });
    template.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 0,
    });
  });

  it('lets the fan-out read the table and send only to the recalculations queue, whose worker may start runs', () => {
    const actions = template.actions('FanOutRecalculations');
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:BatchGetItem');
    for (const write of TABLE_WRITES) expect(actions, write).not.toContain(write);
    expect(template.actions('FanOutRecalculations', queueArn('recalculations'))).toContain('sqs:SendMessage');
    expect(template.actions('FanOutRecalculations', queueArn('jobChunks'))).not.toContain('sqs:SendMessage');
    expect(template.actions('StartScheduledRecalculation', queueArn('jobPlans'))).toContain('sqs:SendMessage');
    expect(template.actions('StartScheduledRecalculation', queueArn('jobChunks'))).not.toContain('sqs:SendMessage');
    expect(template.actions('StartScheduledRecalculation')).toContain('dynamodb:UpdateItem');
  });

  it('lets only the planner send the chunks of a listed job (a recalculation, a module enrollment): the starters queue its planning', () => {
    for (const starter of ['CreateGroup', 'UpdateGroup', 'RecalculateGroup', 'PutBranch']) {
      expect(template.actions(starter, queueArn('jobPlans')), starter).toContain('sqs:SendMessage');
      expect(template.actions(starter, queueArn('jobChunks')), starter).not.toContain('sqs:SendMessage');
    }
    expect(template.actions('PlanJob', queueArn('jobChunks'))).toContain('sqs:SendMessage');
    expect(template.actions('PlanJob', queueArn('fileJobChunks'))).not.toContain('sqs:SendMessage');
    expect(template.actions('PlanJob')).toContain('dynamodb:Query');
  });

  it('gives each chunk queue its own worker, and the S3 grants only to the file jobs’ worker', () => {
    const mappings = Object.values(template.resources('AWS::Lambda::EventSourceMapping'));
    for (const [worker, queue] of [
      ['ApplyJobChunk', 'jobChunks'],
      ['ApplyFileJobChunk', 'fileJobChunks'],
    ] as const) {
      const [functionId] = template.function(worker);
      const fed = mappings.filter((m) => m.Properties.FunctionName.Ref === functionId);
      expect(
        fed.map((m) => JSON.stringify(m.Properties.EventSourceArn)),
        worker,
      ).toEqual([JSON.stringify(queueArn(queue))]);
    }
    expect([...template.actions('ApplyFileJobChunk')].some((a) => a.startsWith('s3:'))).toBe(true);
    expect([...template.actions('ApplyJobChunk')].filter((a) => a.startsWith('s3:'))).toEqual([]);
    for (const starter of ['StartCsvImport', 'ExportGroupMembers', 'CancelJob']) {
      expect(template.actions(starter, queueArn('fileJobChunks')), starter).toContain('sqs:SendMessage');
      expect(template.actions(starter, queueArn('jobChunks')), starter).not.toContain('sqs:SendMessage');
    }
  });

  it('refuses a schedule-triggered entry the stack gives no expression', () => {
    expect(() =>
      buildLoneFunction({
        name: 'Ticker',
        entry: scheduleFunctions[0]!.entry,
        trigger: { type: 'schedule', schedule: 'recalculation' },
        access: {},
      }),
    ).toThrow(/no schedule expression/);
  });
});

/** The bucket area an object ARN of the imported bucket names (`<bucket arn>/results/*` → `results`), or the raw resource. */
function areaOf(resource: unknown): string {
  const text = JSON.stringify(resource);
  const area = Object.entries(resources.importsBucket.areas).find(([, prefix]) => text.includes(`"/${prefix}*"`));
  return area ? area[0] : text;
}
