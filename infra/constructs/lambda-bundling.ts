import { join } from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * How every catalog function is bundled, in one place: the CDK construct passes it to NodejsFunction,
 * and the bench builds the same bundles with esbuild directly (`esbuildOptionsOf`) to measure them.
 */
export function lambdaBundling(sourceRoot: string): BundlingOptions {
  return {
    // Local esbuild only: synthesis must work without Docker.
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: 'node24',
    mainFields: ['module', 'main'],
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    // The repo tsconfig carries the #shared/* path aliases the handlers import through.
    tsconfig: join(sourceRoot, 'tsconfig.json'),
    // CommonJS dependencies bundled into an ESM file still call require(); give them one.
    banner:
      "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    // The AWS SDK v3 is bundled rather than taken from the runtime: the versions in package-lock.json are
    // the ones the tests ran against (the runtime's copy changes without a deploy), lib-dynamodb must match
    // its client-dynamodb exactly, and a tree-shaken, minified ESM bundle of the few clients we use
    // typically loads faster on cold start than the runtime's CommonJS SDK. Giving the list replaces CDK's
    // default (`@aws-sdk/*` external), so everything else of the SDK is bundled.
    externalModules: [...UNREACHED_CREDENTIAL_PROVIDERS],
  };
}

/**
 * The links of the SDK's default credential chain after the environment one. In Lambda the runtime
 * always sets AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN from the function's role,
 * so the chain (`@aws-sdk/credential-provider-node`) answers from the environment and never reaches
 * these; it loads each with a dynamic `import()` only when every link before it has failed. Bundled,
 * they cost ~80 KB per function (SSO, SSO-OIDC and STS clients in `@aws-sdk/nested-clients`, INI
 * files, login, process, web identity, container and instance metadata), ~130 KB with the parts of
 * `@smithy/core` and `@aws-sdk/core` only they use. External, the import stays
 * in the bundle and would resolve to the copy of the SDK the nodejs24.x runtime ships, should a
 * function ever run without those variables (e.g. with AWS_PROFILE set). An explicit
 * environment-only provider on each client would not shrink anything: the clients import the default
 * chain statically whatever `credentials` they are given. Local runs use node_modules, unbundled.
 */
export const UNREACHED_CREDENTIAL_PROVIDERS = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
] as const;

/**
 * The esbuild build NodejsFunction runs for `bundling` (aws-lambda-nodejs turns each option into the
 * esbuild flag of the same name: --bundle --platform=node --target --format --main-fields --minify
 * --sourcemap --sources-content --tsconfig --banner:js --external for each of externalModules), writing
 * `outfile` as CDK writes index.mjs. A metafile is asked for, to see what a bundle is made of.
 */
export function esbuildOptionsOf(bundling: BundlingOptions, entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format === OutputFormat.ESM ? 'esm' : 'cjs',
    mainFields: bundling.mainFields,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    sourcesContent: bundling.sourcesContent,
    tsconfig: bundling.tsconfig,
    banner: bundling.banner ? { js: bundling.banner } : undefined,
    external: bundling.externalModules ?? (bundling.bundleAwsSDK ? [] : ['@aws-sdk/*']),
    metafile: true,
    logLevel: 'warning',
  };
}
