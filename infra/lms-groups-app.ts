import { type App, Tags } from 'aws-cdk-lib';
import type { ServiceConfig } from '#infra/config';
import { consoleDist } from '#console/build';
import { ConsoleStack } from '#infra/stacks/console-stack';
import { DataStack } from '#infra/stacks/data-stack';
import { ServiceStack } from '#infra/stacks/service-stack';

export interface LmsGroupsOptions extends ServiceConfig {
  /** See ServiceStackProps.sourceRoot. */
  readonly sourceRoot?: string;
  /** The built admin console to deploy (default console/dist, which infra/app.ts builds first). */
  readonly consoleDir?: string;
}

/**
 * Adds the two stacks to `app`. Environment-agnostic (no account or region), so synthesis needs
 * no credentials; `cdk deploy` targets the account and region of the caller's profile.
 */
export function defineLmsGroups(
  app: App,
  options: LmsGroupsOptions,
): { data: DataStack; service: ServiceStack; console: ConsoleStack } {
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
  const console = new ConsoleStack(app, 'LmsGroupsConsole', {
    description: 'LMS groups: admin console (private S3 bucket behind CloudFront, the API under /api/*)',
    consoleDir: options.consoleDir ?? consoleDist,
    // An explicit export, as the data stack's: the coupling between the stacks is written down in one place.
    apiEndpoint: service.exportValue(service.api.httpApi.apiEndpoint),
    jwtIssuer: options.jwtIssuer,
    oidcClientId: options.consoleClientId ?? 'lms-groups-console',
    oidcScope: options.consoleScope,
  });
  console.addStackDependency(service, 'imports the API endpoint exported by the service stack');
  return { data, service, console };
}
