import { Annotations, type Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** Deploy-time settings of the service, read from CDK context (`cdk.json` or `cdk deploy -c key=value`). */
export interface ServiceConfig {
  /** Issuer (`iss`) the HTTP API's JWT authorizer accepts. */
  readonly jwtIssuer: string;
  /** Audiences (`aud`); the authorizer accepts a token carrying any of them. */
  readonly jwtAudience: string[];
}

// Placeholders keep `npm run synth` working out of the box; a real deployment passes its own values.
const PLACEHOLDER: ServiceConfig = {
  jwtIssuer: 'https://issuer.example.com/',
  jwtAudience: ['lms-groups-api'],
};

/** Reads `jwtIssuer` and `jwtAudience` (a list, or a comma-separated string) from context. */
export function readServiceConfig(scope: Construct): ServiceConfig {
  const issuer = scope.node.tryGetContext('jwtIssuer') as string | undefined;
  const audience = scope.node.tryGetContext('jwtAudience') as string | string[] | undefined;
  return {
    jwtIssuer: issuer ?? PLACEHOLDER.jwtIssuer,
    jwtAudience: audience === undefined ? PLACEHOLDER.jwtAudience : toList(audience),
  };
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
