import { describe, expect, it } from 'vitest';
import { catalog } from '#functions/catalog';
import type { ResourceRef } from '#functions/permissions';
import * as resources from '#functions/resources';
import { allowedPermissions } from '#local/grants';
import { synthesizeApp } from '#test/infra/synthesize';
import { StackTemplate } from '#test/infra/template-queries';

const { data, service } = synthesizeApp();
const template = new StackTemplate(service);
const dataTemplate = new StackTemplate(data);
const tableId = dataTemplate.at('AWS::DynamoDB::Table', `${resources.table.id}/Resource`)[0];
const bucketId = dataTemplate.at('AWS::S3::Bucket', `${resources.importsBucket.id}/Resource`)[0];

/**
 * A template resource as `arn(<logical id>)` plus whatever is joined to it: a GetAtt of the
 * service stack's own resources, or the data stack's exported ARNs imported by value.
 */
function canonical(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof (node as Record<string, unknown>)['Fn::ImportValue'] === 'string') {
    const imported = (node as Record<string, string>)['Fn::ImportValue']!;
    if (imported.includes(`FnGetAtt${tableId}StreamArn`)) return `stream(${tableId})`;
  }
  const fn = node as Record<string, unknown>;
  if (Array.isArray(fn['Fn::Join'])) {
    const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
    return items.map(canonical).join(delimiter);
  }
  if (Array.isArray(fn['Fn::GetAtt']) && fn['Fn::GetAtt'][1] === 'Arn') return `arn(${fn['Fn::GetAtt'][0]})`;
  if (typeof fn['Fn::ImportValue'] === 'string') {
    const exported = [tableId, bucketId].find((id) => (fn['Fn::ImportValue'] as string).includes(`FnGetAtt${id}Arn`));
    if (exported) return `arn(${exported})`;
  }
  throw new Error(`unexpected resource in a grant: ${JSON.stringify(node)}`);
}

/** The same references resolved against the templates' logical ids, as the local stack resolves them to its ARNs. */
const logicalArnOf =
  (name: string) =>
  (ref: ResourceRef): string => {
    const arn = (type: string, path: string) => `arn(${template.at(type, path)[0]})`;
    switch (ref.kind) {
      case 'table':
        return `arn(${tableId})`;
      case 'tableIndex':
        return `arn(${tableId})/index/${ref.name}`;
      case 'queue':
        return arn('AWS::SQS::Queue', `Queues/${resources.queues[ref.name].id}/Resource`);
      case 'deadLetterQueue':
        return arn('AWS::SQS::Queue', `Queues/${resources.queues[ref.name].id}Dlq/Resource`);
      case 'bucketObjects':
        return `arn(${bucketId})/${resources.importsBucket.areas[ref.area]}*`;
      case 'logGroup':
        return arn('AWS::Logs::LogGroup', `${name}/Logs/Resource`);
      case 'failedTicks':
        return arn('AWS::SQS::Queue', `${name}/FailedTicks/Resource`);
      case 'failedRecords':
        return arn('AWS::SQS::Queue', `${name}/FailedRecords/Resource`);
      case 'tableStream':
        return `stream(${tableId})`;
      case 'any':
        return '*';
      case 'eventBus':
        return arn('AWS::Events::EventBus', `${resources.eventBus.id}/Resource`);
    }
  };

describe('grant parity', () => {
  it.each(catalog)('grants $name in AWS exactly what the local stack lets it do', (definition) => {
    const cloud = template.statements(definition.name).flatMap((statement) => {
      expect(statement.Effect).toBe('Allow');
      return [statement.Resource]
        .flat()
        .flatMap((resource) => statement.Action.map((action) => `${action} ${canonical(resource)}`));
    });
    const local = allowedPermissions(definition, logicalArnOf(definition.name)).map(
      ({ action, resource }) => `${action} ${resource}`,
    );
    expect(new Set(cloud).size).toBeGreaterThan(0);
    expect([...new Set(cloud)].sort()).toEqual([...new Set(local)].sort());
  });

  it('gives every role its statements only through the policies the test reads', () => {
    for (const { name } of catalog) {
      const [, fn] = template.function(name);
      const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
      const role = template.resources('AWS::IAM::Role')[roleId]!;
      expect(role.Properties.ManagedPolicyArns, name).toBeUndefined();
      expect(role.Properties.Policies, name).toBeUndefined();
    }
  });
});
