import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, limitsOf } from '#functions/catalog';
import { env } from '#functions/resources';
import { randomIds, systemClock } from '#shared/clock';
import { makeEnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { generateSigningKeys } from '#local/auth-keys';
import { buildHttpApiEvent } from '#local/http-api-event';
import { createJwtAuthorizer } from '#local/jwt-authorizer';
import { mintToken } from '#local/mint-token';
import { createLambdaContext } from '#local/lambda-context';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient, dynamodbEndpoint } from './dynamo';

/*
 * In AWS a function gets only the variables its catalog entry's access asks for (a queue's URL only if
 * it sends to it), while the local stack and the other suites run every handler with all of them. This
 * file runs real handlers with exactly their AWS environment, so a use case that reads a resource its
 * function was never given fails here rather than in production.
 */

const tenant = randomUUID();
const admin = adminOf(tenant);
let table: string;

/** The variables CDK sets for a catalog function (infra/constructs/catalog-function.ts), minus the queues' real URLs. */
function awsEnvironmentOf(name: string): Record<string, string> {
  const definition = catalog.find((f) => f.name === name)!;
  const variables: Record<string, string> = {};
  if (definition.access.table) variables[env.table] = table;
  if (definition.access.bucket) variables[env.bucket] = 'no-bucket';
  for (const queue of definition.access.sendsTo ?? []) variables[env.queueUrl(queue)] = `http://127.0.0.1:9/${queue}`;
  return variables;
}

const saved = { ...process.env };
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

beforeAll(async () => {
  table = await createTestTable('fn-env');
  for (const key of Object.keys(process.env))
    if (key.startsWith('QUEUE_URL_') || key === env.bucket) delete process.env[key];
  Object.assign(process.env, awsEnvironmentOf('PutLearner'), {
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
});

describe('functions with only their AWS environment', () => {
  it('PutLearner enrolls a learner its rules add in the group’s learning module, with no queue URL', async () => {
    expect(Object.keys(process.env).filter((k) => k.startsWith('QUEUE_URL_'))).toEqual([]);
    const db = documentClient();
    const course = `course-v1:Acme+Env+${randomUUID().slice(0, 6)}`;
    const group = await makeCreateGroup(makeGroupRepository(db, table), systemClock, randomIds)(admin, tenant, {
      name: 'Plant 9',
      type: 'automatic',
      ruleset: {
        operator: 'AND',
        sets: [{ rules: [{ type: 'attribute', payload: { field: 'site', op: 'equals', value: 'plant-9' } }] }],
        exclude_inactive_learners: true,
      },
      learning_modules: [{ course_id: course, allow_self_enroll: false, auto_enroll: true }],
    });

    // The handler module is imported only now, so shared/config.ts parses this environment.
    const { handler } = await import('#functions/http/learners/put-learner');
    const learnerUuid = randomUUID();
    const path = `/api/v1/enterprise-customer/${tenant}/learners/${learnerUuid}/`;
    const keys = await generateSigningKeys();
    const token = await mintToken(keys, { sub: admin.sub, roles: ['enterprise_admin'], enterprise_uuids: [tenant] });
    const authorized = await createJwtAuthorizer(keys)(`Bearer ${token}`);
    if (!authorized.ok) throw new Error(authorized.message);
    const event = buildHttpApiEvent(
      {
        method: 'PUT',
        url: path,
        httpVersion: '1.1',
        rawHeaders: ['content-type', 'application/json', 'authorization', `Bearer ${token}`],
        sourceIp: '127.0.0.1',
        body: Buffer.from(JSON.stringify({ email: `${learnerUuid}@example.com`, attributes: { site: 'plant-9' } })),
      },
      {
        routeKey: 'PUT /api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}',
        pathParameters: { enterprise_uuid: tenant, learner_uuid: learnerUuid },
        authorizer: authorized.authorizer,
      },
      { requestId: randomUUID(), now: new Date() },
    );
    const answer = (await handler(
      event as never,
      createLambdaContext({ name: 'PutLearner', ...limitsOf(catalog.find((f) => f.name === 'PutLearner')!) }),
    )) as {
      statusCode: number;
      body: string;
    };
    expect(answer.statusCode, answer.body).toBe(201);

    const enrollment = await makeEnrollmentRepository(db, table).get(tenant, course, { learnerUuid });
    expect(enrollment?.status).toBe('enrolled');
    expect(group.rule_generation).toBe(0);
  });
});
