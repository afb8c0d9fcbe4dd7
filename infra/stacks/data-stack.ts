import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import * as resources from '#functions/resources';

/** What the service stack needs from the data stack: ARNs, exported here and imported there by value. */
export interface DataReferences {
  readonly tableArn: string;
  /** The table's stream (resources.table.streamViewType), which the stream-triggered functions read. */
  readonly tableStreamArn: string;
  readonly importsBucketArn: string;
}

export interface DataStackProps extends StackProps {
  /** Days before S3 deletes an object of any area of the imports bucket (default in resources.ts). */
  readonly fileRetentionDays?: number | undefined;
}

/**
 * The stateful resources: the single table and the imports bucket. Retained on stack deletion and
 * kept under stable logical ids, so that refactoring the service stack can never replace them.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly importsBucket: Bucket;
  /**
   * Explicit exports instead of passing the constructs: the service stack then sees final
   * `Fn::ImportValue` references at construction time (needed to acknowledge cdk-nag findings
   * precisely), and the coupling between the stacks is written down in one place.
   */
  readonly references: DataReferences;

  constructor(scope: Construct, id: string, props: DataStackProps = {}) {
    super(scope, id, props);

    this.table = new Table(this, resources.table.id, {
      partitionKey: { name: resources.table.partitionKey, type: AttributeType.STRING },
      sortKey: { name: resources.table.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      // Idempotency-Key records (and other short-lived items) carry their expiry here.
      timeToLiveAttribute: resources.table.timeToLiveAttribute,
      stream: StreamViewType[resources.table.streamViewType],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of resources.table.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    (this.table.node.defaultChild as CfnTable).overrideLogicalId(resources.table.id);

    this.importsBucket = new Bucket(this, resources.importsBucket.id, {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
      // The admin console (on CloudFront) PUTs an upload to its presigned link from the browser. The
      // link's signature is the authority (its key, content type and grant metadata are signed); CORS
      // only lets a CloudFront-hosted page send it, with exactly the headers the link signs.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: ['https://*.cloudfront.net'],
          allowedHeaders: ['content-type', 'x-amz-meta-*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Drops, results and exports hold learners' personal data: none is kept for good.
        ...Object.values(resources.importsBucket.areas).map((prefix) => ({
          prefix,
          expiration: Duration.days(props.fileRetentionDays ?? resources.importsBucket.defaultRetentionDays),
        })),
      ],
    });
    const cfnBucket = this.importsBucket.node.defaultChild as CfnBucket;
    cfnBucket.overrideLogicalId(resources.importsBucket.id);
    // "Object Created" events go to EventBridge, where the service stack routes CSV drops to a queue.
    // Set on the bucket itself: `eventBridgeEnabled` would add a custom-resource Lambda for the same thing.
    cfnBucket.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
    Validations.of(this.importsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'CSV drops are short-lived inputs; every import is recorded as a job with its source key and per-row ' +
        'results, and object-level audit belongs to account-wide CloudTrail data events, not a per-bucket log bucket.',
    });

    this.references = {
      tableArn: this.exportValue(this.table.tableArn),
      tableStreamArn: this.exportValue(this.table.tableStreamArn!),
      importsBucketArn: this.exportValue(this.importsBucket.bucketArn),
    };

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'ImportsBucketName', { value: this.importsBucket.bucketName });
  }
}
