import { describe, expect, it } from 'vitest';
import { consoleConfigOf } from '#infra/stacks/console-stack';
import { synthesizeApp, testConfig } from '#test/infra/synthesize';
import { type CfnResource, StackTemplate } from '#test/infra/template-queries';

const { console: consoleStack, service } = synthesizeApp();
const template = new StackTemplate(consoleStack);
const [bucketId, bucket] = template.at('AWS::S3::Bucket', 'ConsoleBucket/Resource');
const [, distribution] = template.at('AWS::CloudFront::Distribution', 'Distribution/Resource');
const config = distribution.Properties.DistributionConfig;

/** Every statement of the bucket's policy. */
const bucketStatements = () =>
  Object.values(template.resources('AWS::S3::BucketPolicy'))
    .filter((p) => JSON.stringify(p.Properties.Bucket).includes(bucketId))
    .flatMap((p: CfnResource) => p.Properties.PolicyDocument.Statement as Record<string, unknown>[]);

describe('the admin console in AWS', () => {
  it('keeps its files in a private bucket: all public access blocked, TLS only, encrypted', () => {
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toBeDefined();
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    const allows = bucketStatements().filter((s) => s.Effect === 'Allow');
    // The only reader is CloudFront, for this distribution alone; nobody else, no wildcard principal.
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
    });
    expect(bucketStatements()).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('serves it through CloudFront with origin access control, never an origin access identity', () => {
    const controls = Object.values(template.resources('AWS::CloudFront::OriginAccessControl'));
    expect(controls).toHaveLength(1);
    expect(controls[0]!.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    expect(template.resources('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual({});
    const s3Origins = (config.Origins as Record<string, unknown>[]).filter((o) => o.S3OriginConfig);
    expect(s3Origins).toHaveLength(1);
    expect(s3Origins[0]).toMatchObject({
      OriginAccessControlId: { 'Fn::GetAtt': [expect.any(String), 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('puts the API behind the same distribution under /api/*, uncached, so the page calls its own origin', () => {
    const api = (config.CacheBehaviors as Record<string, unknown>[]).find((b) => b.PathPattern === 'api/*');
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']),
      // Managed-CachingDisabled and Managed-AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    });
  });

  it('deploys the build and a config.json naming the issuer the API trusts, under console/', () => {
    const [, deployment] = Object.entries(template.resources('Custom::CDKBucketDeployment'))[0]!;
    expect(deployment.Properties.DestinationBucketKeyPrefix).toBe('console/');
    // Two sources: the build, and config.json.
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    expect(consoleConfigOf({ jwtIssuer: testConfig.jwtIssuer, oidcClientId: 'console' })).toEqual({
      auth: { mode: 'oidc', issuer: testConfig.jwtIssuer, client_id: 'console', scope: 'openid' },
    });
  });

  it('has none of the local stack console routes: no API resource here, no API route under /console', () => {
    expect(template.resources('AWS::ApiGatewayV2::Route')).toEqual({});
    const routes = Object.values(new StackTemplate(service).resources('AWS::ApiGatewayV2::Route'));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => String(r.Properties.RouteKey).includes('/console'))).toEqual([]);
  });
});
