import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_ROUTE, type FunctionDefinition, routeKeyOf, type Trigger } from '#functions/catalog';

export type HttpFunctionDefinition = FunctionDefinition & { trigger: Extract<Trigger, { type: 'http' }> };

export interface GroupsApiProps {
  readonly jwtIssuer: string;
  readonly jwtAudience: string[];
  /** One route per HTTP catalog entry, with the function that serves it. */
  readonly routes: ReadonlyArray<{ definition: HttpFunctionDefinition; handler: IFunction }>;
}

/**
 * The HTTP API: a JWT authorizer on every route except the catalog's `auth: 'none'` ones, and one
 * route per catalog entry.
 *
 * Trailing slashes: the contract makes them optional, but an HTTP API matches paths exactly (a
 * request for `/x/` does not reach route `/x`; Powertools' end-to-end suite asserts the 404) and
 * rejects route keys ending in `/` (as does `HttpRouteKey.with`). So the catalog's `$default` entry
 * catches what no route matches and answers a trailing-slash request with a 308 to the same path
 * without it (method and body are kept by clients that follow redirects).
 */
export class GroupsApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: GroupsApiProps) {
    super(scope, id);
    const jwt = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, { jwtAudience: props.jwtAudience });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'LMS groups, memberships and bulk enrollment',
      createDefaultStage: false,
      // Secure by default: a route added without an explicit authorizer still requires a token.
      defaultAuthorizer: jwt,
    });
    this.stage = this.addDefaultStage();

    const routeKeys = new Set<string>();
    for (const { definition, handler } of props.routes) {
      const { method, path, auth } = definition.trigger;
      const routeKey = routeKeyOf(definition.trigger);
      if (routeKeys.has(routeKey)) throw new Error(`${definition.name}: route ${routeKey} is declared twice`);
      routeKeys.add(routeKey);

      const route = new HttpRoute(this, `${definition.name}Route`, {
        httpApi: this.httpApi,
        routeKey: path === DEFAULT_ROUTE ? HttpRouteKey.DEFAULT : HttpRouteKey.with(path, HttpMethod[method]),
        integration: new HttpLambdaIntegration(`${definition.name}Integration`, handler),
        authorizer: auth === 'none' ? new HttpNoneAuthorizer() : jwt,
      });
      if (auth === 'none') {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey} is public by design: its catalog entry declares auth 'none'.`,
        });
      }
    }
  }

  private addDefaultStage(): HttpStage {
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    return new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Ids, status and timings: no token claims, headers or query strings (emails travel in those).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
  }
}
