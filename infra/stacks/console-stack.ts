import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, Fn, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Policy } from 'aws-cdk-lib/aws-iam';
import type { Construct, IConstruct } from 'constructs';
import { acknowledgeStatementWildcards } from '#infra/nag-findings';

export interface ConsoleStackProps extends StackProps {
  /** The built console (`npm run console:build` writes console/dist; infra/app.ts builds it first). */
  readonly consoleDir: string;
  /** The HTTP API's endpoint (`https://<id>.execute-api.<region>.amazonaws.com`), served under /api/*. */
  readonly apiEndpoint: string;
  /** The OpenID Connect issuer the API's JWT authorizer trusts: the page signs in there. */
  readonly jwtIssuer: string;
  /** The console's client id at that issuer (a public client: code flow with PKCE, no secret). */
  readonly oidcClientId: string;
  /** Scopes the page asks for (default `openid`). */
  readonly oidcScope?: string;
}

/** The page's config.json in AWS (console/src/session.ts reads it): sign in at the API's issuer. */
export function consoleConfigOf(props: Pick<ConsoleStackProps, 'jwtIssuer' | 'oidcClientId' | 'oidcScope'>) {
  return {
    auth: { mode: 'oidc', issuer: props.jwtIssuer, client_id: props.oidcClientId, scope: props.oidcScope ?? 'openid' },
  };
}

/** Where the console lives on the distribution, as locally: its asset links are absolute under it. */
const CONSOLE_PATH = 'console';

/**
 * The admin console: its build in a private bucket that only this distribution may read (origin
 * access control, no public access, TLS only), and the HTTP API behind the same distribution under
 * /api/*, so the page calls the API on its own origin as it does locally (no CORS, no token in a
 * cross-origin request). Its config.json names the issuer and client for the OIDC code flow.
 */
export class ConsoleStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    if (!existsSync(join(props.consoleDir, 'index.html'))) {
      throw new Error(`${props.consoleDir} has no index.html: run npm run console:build first`);
    }

    this.bucket = new Bucket(this, 'ConsoleBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // Only the public build lives here, redeployed each time: emptying the bucket at stack deletion
      // would cost another custom-resource Lambda, so a deleted stack leaves it to be removed by hand.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.bucket, {
      'AwsSolutions-S1':
        'The bucket holds only the console build (no personal data) and is read only by CloudFront through ' +
        'origin access control; object-level audit belongs to account-wide CloudTrail data events.',
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'LMS groups admin console and API',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: this.consolePaths(), eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Never cached; every viewer header but Host (API Gateway routes by its own host name) reaches
        // the API, the Authorization header included, which AWS allows when caching is disabled.
        'api/*': {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    acknowledge(this.distribution, {
      'AwsSolutions-CFR3':
        'Access logs of the console would need a log bucket with ACLs enabled; the API behind /api/* keeps its ' +
        'own access log (the HTTP API stage), and the console files are public build output.',
      'AwsSolutions-CFR4':
        'The distribution uses the default *.cloudfront.net certificate, which CloudFront serves with TLSv1; a ' +
        'deployment with its own domain and ACM certificate sets TLSv1.2_2021 as the minimum.',
      'AwsSolutions-CFR1':
        'Admins sign in from wherever their organisation works; access is controlled by the OIDC sign-in and ' +
        'the API authorizer, not by geography.',
      'AwsSolutions-CFR2':
        'A WAF web ACL is an account-level decision with its own cost; the API behind it is rate-limited per ' +
        'caller and tenant and the stage is throttled.',
    });

    const deployment = new BucketDeployment(this, 'ConsoleFiles', {
      sources: [Source.asset(props.consoleDir), Source.jsonData('config.json', consoleConfigOf(props))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${CONSOLE_PATH}/`,
      distribution: this.distribution,
      distributionPaths: [`/${CONSOLE_PATH}/*`],
      memoryLimit: 512,
    });
    this.acknowledgeDeploymentHandler(deployment);

    new CfnOutput(this, 'ConsoleUrl', {
      value: `https://${this.distribution.distributionDomainName}/${CONSOLE_PATH}/`,
    });
    new CfnOutput(this, 'ConsoleRedirectUri', {
      value: `https://${this.distribution.distributionDomainName}/${CONSOLE_PATH}/`,
      description: "Register it as the console client's redirect URI at the OIDC issuer",
    });
  }

  /** `/` and `/console` go to `/console/`; a path ending in `/` is its index.html (S3 has no directories). */
  private consolePaths(): CloudFrontFunction {
    return new CloudFrontFunction(this, 'ConsolePaths', {
      comment: 'Console index and redirects',
      code: FunctionCode.fromInline(`function handler(event) {
  var request = event.request;
  if (request.uri === '/' || request.uri === '/${CONSOLE_PATH}') {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/${CONSOLE_PATH}/' } } };
  }
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`),
    });
  }

  /**
   * BucketDeployment's handler is CDK's own singleton (a Lambda with the AWS-managed basic execution
   * policy and the asset and console buckets' wildcard grants), run only by CloudFormation during a
   * deployment: its findings are acknowledged on it alone, each by name.
   */
  private acknowledgeDeploymentHandler(deployment: BucketDeployment): void {
    const handler = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment created no handler where expected');
    const reason =
      "CDK's BucketDeployment handler runs only during a deployment, invoked by CloudFormation: its runtime, " +
      'managed execution policy and its grants on the asset and console buckets are written by the CDK library.';
    const policy = deployment.handlerRole.node.tryFindChild('DefaultPolicy') as Policy | undefined;
    if (policy) acknowledgeStatementWildcards(handler, policy.document, reason);
    acknowledge(handler, {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        reason,
      'AwsSolutions-L1': reason,
      'Serverless-LambdaDLQ': `${reason} A failed run fails the deployment, which CloudFormation reports and rolls back.`,
      'Serverless-LambdaLatestVersion': reason,
      'Serverless-LambdaTracing': reason,
    });
  }
}

function acknowledge(scope: IConstruct, reasons: Record<string, string>): void {
  for (const [id, reason] of Object.entries(reasons)) Validations.of(scope).acknowledge({ id, reason });
}
