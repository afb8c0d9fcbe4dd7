import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { catalog } from '#functions/catalog';
import { buildLoneFunction, synthesizeApp } from '#test/infra/synthesize';

/** Unacknowledged error-level findings of both packs, as `rule at construct path` lines. */
function nagErrors(scope: IConstruct): string[] {
  const packs: NagPack[] = [new AwsSolutionsChecks(), new ServerlessChecks()];
  return packs.flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.filter((violation) => violation.severity === 'error')
      .flatMap((violation) => violation.violatingResources.map((r) => `${violation.ruleName} at ${r.constructPath}`)),
  );
}

/** Every acknowledgment recorded in the tree under `scope`, with its reason. */
function acknowledgments(scope: IConstruct): { path: string; id: string; reason: unknown }[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag', () => {
  const { app, data, service, console } = synthesizeApp();

  it.each([
    ['data', data],
    ['service', service],
    ['console', console],
  ])('finds no unacknowledged AwsSolutions or Serverless error in the %s stack', (_, stack) => {
    expect(nagErrors(stack)).toEqual([]);
  });

  it('records a written reason with every acknowledgment', () => {
    const entries = acknowledgments(app);
    expect(entries.length).toBeGreaterThan(0);
    for (const { path, id, reason } of entries) {
      expect(typeof reason === 'string' && reason.trim().length >= 40, `${id} at ${path}`).toBe(true);
    }
  });

  it('acknowledges only the wildcards a catalog grant produced, even for bucket access', () => {
    const fn = buildLoneFunction({
      name: 'Importer',
      entry: catalog[0]!.entry,
      trigger: { type: 'http', method: 'POST', path: '/imports', auth: 'jwt' },
      access: { table: 'read', bucket: { read: ['imports'], write: ['results', 'exports'] } },
    });
    const iam5 = () => nagErrors(fn).filter((error) => error.startsWith('AwsSolutions-IAM5'));
    expect(iam5()).toEqual([]);

    fn.handler.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
    expect(iam5()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('AwsSolutions-IAM5[Action::dynamodb:*]'),
        expect.stringContaining('AwsSolutions-IAM5[Resource::*]'),
      ]),
    );
  });
});
