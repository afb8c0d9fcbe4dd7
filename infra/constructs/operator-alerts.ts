import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * Where alarms go: an SNS topic operators subscribe to (e-mail, chat, paging). Encrypted at rest
 * with its own rotating key, because CloudWatch cannot publish to a topic under the AWS-managed
 * SNS key; the key lets CloudWatch, and only it beyond the account, encrypt for the topic.
 */
export class OperatorAlerts extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = new Key(this, 'Key', {
      description: 'Encrypts the LMS groups operator alerts topic',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'LMS groups operator alerts',
      masterKey: key,
      enforceSSL: true,
    });
  }
}
