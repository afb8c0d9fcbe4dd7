import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FunctionDefinition, FunctionLimits } from '#functions/catalog';
import { env } from '#functions/resources';
import { generateSigningKeys } from '#local/auth-keys';
import { isolated } from '#local/isolated-invoker';
import type { LocalLog } from '#local/local-log';
import { type LocalStack, startLocalStack } from '#local/stack';
import { functionEnvironment, type StackEnvironment } from '#local/stack-env';
import { dynamodbEndpoint } from './dynamo';

/*
 * Proof by mutation that the local stack gives each function only its own environment: take away one
 * variable a function needs (DeleteGroup's cleanup queue URL, which it has because its catalog entry
 * sends to that queue) and its call fails as it would in AWS; give it back and the same call passes.
 */

const log: LocalLog = { info: () => {}, warn: () => {}, error: () => {} };
let stack: LocalStack | undefined;

afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** The stack with isolation on; `without` names a variable DeleteGroup's isolate does not get. */
async function startStack(without?: string): Promise<LocalStack> {
  const environment = (definition: FunctionDefinition, resources: StackEnvironment, limits: FunctionLimits) => {
    const variables = functionEnvironment(definition, resources, limits.memoryMb);
    if (definition.name === 'DeleteGroup' && without) delete variables[without];
    return variables;
  };
  stack = await startLocalStack({
    port: 0,
    messagingPort: 0,
    dynamodb: { endpoint: dynamodbEndpoint, tableName: `mutation-${randomUUID()}` },
    keys: await generateSigningKeys(),
    log,
    invoker: isolated({ environment }),
  });
  return stack;
}

async function createAndDeleteGroup(local: LocalStack): Promise<number> {
  const tenant = randomUUID();
  const token = await local.mintToken({ sub: 'admin-1', roles: ['enterprise_admin'], enterprise_uuids: [tenant] });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${local.apiUrl}/api/v1/enterprise-group`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Mutation', enterprise_customer_uuid: tenant }),
  });
  expect(created.status).toBe(201);
  const { group_uuid } = (await created.json()) as { group_uuid: string };
  const deleted = await fetch(`${local.apiUrl}/api/v1/enterprise-group/${group_uuid}`, { method: 'DELETE', headers });
  return deleted.status;
}

describe("a function's environment, mutated", () => {
  const variable = env.queueUrl('groupCleanup');

  it(`fails DeleteGroup without ${variable}, as a deployment whose entry lost the queue would`, async () => {
    // The handler's error mapper answers 500 (its log says the variable is not set for this function).
    expect(await createAndDeleteGroup(await startStack(variable))).toBe(500);
  });

  it(`passes DeleteGroup again with ${variable} restored`, async () => {
    expect(await createAndDeleteGroup(await startStack())).toBe(204);
  });
});
