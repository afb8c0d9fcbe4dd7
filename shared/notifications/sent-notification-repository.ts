import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';

/** A mark per delivered notification id, so a redelivered message is not sent twice. */
export function makeSentNotificationRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async wasSent(notificationId: string): Promise<boolean> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.sentNotification(notificationId), ConsistentRead: true }),
      );
      return out.Item !== undefined;
    },

    async markSent(notificationId: string, at: string): Promise<void> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.sentNotification(notificationId), entity: 'sent_notification', sent_at: at },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}

export type SentNotificationRepository = ReturnType<typeof makeSentNotificationRepository>;
