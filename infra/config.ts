import { Annotations, type Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { importsBucket, schedules } from '#functions/resources';

/** Deploy-time settings of the service, read from CDK context (`cdk.json` or `cdk deploy -c key=value`). */
export interface ServiceConfig {
  /** Issuer (`iss`) the HTTP API's JWT authorizer accepts. */
  readonly jwtIssuer: string;
  /** Audiences (`aud`); the authorizer accepts a token carrying any of them. */
  readonly jwtAudience: string[];
  /**
   * When the scheduled recalculation of every automatic group runs: an EventBridge schedule
   * expression, `rate(...)` or `cron(...)` (context `recalcSchedule`; default `rate(1 day)`).
   */
  readonly recalcSchedule: string;
  /**
   * Days an imported file, results file or export lives in the bucket before S3 deletes it: all hold
   * personal data (context `fileRetentionDays`; default 30).
   */
  readonly fileRetentionDays?: number;
  /**
   * The admin console's client id at the issuer (a public client using the code flow with PKCE; its
   * redirect URI is the stack output ConsoleRedirectUri). Context `consoleClientId`.
   */
  readonly consoleClientId?: string;
  /** Scopes the console asks the issuer for (context `consoleScope`; default `openid`). */
  readonly consoleScope?: string;
}

// Placeholders keep `npm run synth` working out of the box; a real deployment passes its own values.
const PLACEHOLDER = {
  jwtIssuer: 'https://issuer.example.com/',
  jwtAudience: ['lms-groups-api'],
  consoleClientId: 'lms-groups-console',
};

/** EventBridge's two forms; CloudFormation would refuse anything else only at deploy time. */
const SCHEDULE_EXPRESSION = /^(rate\(\s*[1-9]\d*\s+(minute|minutes|hour|hours|day|days)\s*\)|cron\([^()]+\))$/;

/**
 * Reads `jwtIssuer`, `jwtAudience` (a list, or a comma-separated string) and `recalcSchedule` from
 * context; a schedule that is no EventBridge expression fails synthesis with the reason.
 */
export function readServiceConfig(scope: Construct): ServiceConfig {
  const issuer = scope.node.tryGetContext('jwtIssuer') as string | undefined;
  const audience = scope.node.tryGetContext('jwtAudience') as string | string[] | undefined;
  const schedule = scope.node.tryGetContext('recalcSchedule') as string | undefined;
  const retention = scope.node.tryGetContext('fileRetentionDays') as string | number | undefined;
  const consoleClientId = scope.node.tryGetContext('consoleClientId') as string | undefined;
  const consoleScope = scope.node.tryGetContext('consoleScope') as string | undefined;
  return {
    jwtIssuer: issuer ?? PLACEHOLDER.jwtIssuer,
    jwtAudience: audience === undefined ? PLACEHOLDER.jwtAudience : toList(audience),
    recalcSchedule: scheduleExpression(schedule ?? schedules.recalculation.defaultExpression),
    fileRetentionDays: retentionDays(retention ?? importsBucket.defaultRetentionDays),
    consoleClientId: consoleClientId ?? PLACEHOLDER.consoleClientId,
    consoleScope: consoleScope ?? 'openid',
  };
}

function retentionDays(value: string | number): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(`fileRetentionDays must be a whole number of days from 1 to 3650; got '${value}'`);
  }
  return days;
}

function scheduleExpression(value: string): string {
  const expression = String(value).trim();
  if (!SCHEDULE_EXPRESSION.test(expression))
    throw new Error(
      `recalcSchedule must be an EventBridge schedule expression such as 'rate(1 day)', 'rate(6 hours)' or ` +
        `'cron(0 3 * * ? *)'; got '${value}'`,
    );
  return expression;
}

/** Flags, on `stack`, a config still carrying placeholders: such an API rejects every real token. */
export function warnIfPlaceholder(stack: Stack, config: ServiceConfig): void {
  if (config.jwtIssuer === PLACEHOLDER.jwtIssuer || config.jwtAudience.join() === PLACEHOLDER.jwtAudience.join()) {
    Annotations.of(stack).addWarningV2(
      'lms-groups:placeholder-jwt',
      'jwtIssuer/jwtAudience are placeholders: pass -c jwtIssuer=... -c jwtAudience=... before deploying',
    );
  }
}

function toList(value: string | string[]): string[] {
  const list = Array.isArray(value) ? value : value.split(',');
  return list.map((item) => item.trim()).filter((item) => item.length > 0);
}
