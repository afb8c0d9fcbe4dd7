import { Stack, Validations } from 'aws-cdk-lib';
import type { Grant } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges, on `scope`, exactly the cdk-nag AwsSolutions-IAM5 findings (wildcard action or
 * resource) that `grant` produced, and nothing else: a wildcard added later by hand still fails.
 * Resource ARNs must be final in `scope`'s stack (a same-stack reference or an explicit import),
 * which is why the service stack imports the data stack's ARNs by value.
 */
export function acknowledgeGrantWildcards(scope: IConstruct, grant: Grant, reason: string): void {
  const stack = Stack.of(scope);
  const findings = new Set<string>();
  for (const statement of grant.principalStatements) {
    for (const action of statement.actions) findings.add(`Action::${action}`);
    for (const resource of statement.resources) findings.add(`Resource::${flatten(stack.resolve(resource))}`);
  }
  for (const finding of findings) {
    if (finding.includes('*')) Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
}

/**
 * Acknowledges, on `scope`, the AwsSolutions-IAM5 findings of the wildcards in a policy document's
 * statements (as resolved in `scope`'s stack): for roles whose statements a library writes.
 */
export function acknowledgeStatementWildcards(scope: IConstruct, document: unknown, reason: string): void {
  const stack = Stack.of(scope);
  const resolved = stack.resolve(document) as { Statement?: { Action?: unknown; Resource?: unknown }[] };
  const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const findings = new Set<string>();
  for (const statement of resolved.Statement ?? []) {
    for (const action of list(statement.Action)) findings.add(`Action::${flatten(action)}`);
    for (const resource of list(statement.Resource)) findings.add(`Resource::${flatten(resource)}`);
  }
  for (const finding of findings) {
    if (finding.includes('*')) Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
}

/** Mirrors how cdk-nag flattens CloudFormation intrinsics into finding ids. */
function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  if (node && typeof node === 'object') {
    const fn = node as Record<string, unknown>;
    if (Array.isArray(fn['Fn::Join'])) {
      const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if ('Fn::ImportValue' in fn) return flatten(fn['Fn::ImportValue']);
    if ('Fn::Sub' in fn) return flatten(fn['Fn::Sub']);
    if (Array.isArray(fn['Fn::GetAtt'])) {
      const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if ('Ref' in fn) return `<${flatten(fn.Ref)}>`;
  }
  return JSON.stringify(node);
}
