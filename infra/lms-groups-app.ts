import { type App, Tags } from 'aws-cdk-lib';
import type { ServiceConfig } from '#infra/config';
import { DataStack } from '#infra/stacks/data-stack';
import { ServiceStack } from '#infra/stacks/service-stack';

export interface LmsGroupsOptions extends ServiceConfig {
  /** See ServiceStackProps.sourceRoot. */
  readonly sourceRoot?: string;
}

/**
 * Adds the two stacks to `app`. Environment-agnostic (no account or region), so synthesis needs
 * no credentials; `cdk deploy` targets the account and region of the caller's profile.
 */
export function defineLmsGroups(app: App, options: LmsGroupsOptions): { data: DataStack; service: ServiceStack } {
  Tags.of(app).add('project', 'lms-groups');
  const data = new DataStack(app, 'LmsGroupsData', {
    description: 'LMS groups: single table and imports bucket (stateful, retained)',
    fileRetentionDays: options.fileRetentionDays,
  });
  const service = new ServiceStack(app, 'LmsGroupsService', {
    description: 'LMS groups: HTTP API, functions and queues (stateless)',
    data: data.references,
    ...options,
  });
  service.addStackDependency(data, 'imports the table and bucket ARNs exported by the data stack');
  return { data, service };
}
