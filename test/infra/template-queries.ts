import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

export interface CfnResource {
  Type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation properties are free-form JSON the tests walk into.
  Properties: Record<string, any>;
  Metadata?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown;
}

/** Template lookups by construct path, so tests name resources as the code does, not by logical id hashes. */
export class StackTemplate {
  readonly template: Template;

  constructor(readonly stack: Stack) {
    this.template = Template.fromStack(stack);
  }

  resources(type: string): Record<string, CfnResource> {
    return this.template.findResources(type) as Record<string, CfnResource>;
  }

  /** The one resource of `type` at construct path `<stack>/<relativePath>`, with its logical id. */
  at(type: string, relativePath: string): [string, CfnResource] {
    const path = `${this.stack.node.path}/${relativePath}`;
    const found = Object.entries(this.resources(type)).filter(([, r]) => r.Metadata?.['aws:cdk:path'] === path);
    if (found.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${found.length}`);
    return found[0]!;
  }

  /** The Lambda function of catalog entry `name`. */
  function(name: string): [string, CfnResource] {
    return this.at('AWS::Lambda::Function', `${name}/Handler/Resource`);
  }

  /** Every IAM statement attached to the execution role of catalog entry `name`. */
  statements(name: string): Statement[] {
    const [, fn] = this.function(name);
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    return Object.values(this.resources('AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as { Ref?: string }[]).some((role) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
      .map((statement) => ({ ...statement, Action: [statement.Action].flat() }));
  }

  /** The actions granted to catalog entry `name`, optionally only those on `resource`. */
  actions(name: string, resource?: unknown): Set<string> {
    const statements = this.statements(name).filter(
      (statement) => resource === undefined || [statement.Resource].flat().some((r) => deepEqual(r, resource)),
    );
    return new Set(statements.flatMap((statement) => statement.Action));
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
