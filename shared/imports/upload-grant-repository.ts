import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writtenIf } from '#shared/db/conditional-write';
import { keys } from '#shared/db/keys';
import * as z from 'zod';
import { once } from '#shared/once';
import { GRANT_RETENTION_SECONDS, type UploadGrant } from './upload-grant';

/** A stored grant as the service reads it: its own fields, each checked for its type; keys and TTL dropped. */
const grantItem = /* @__PURE__ */ once(() =>
  z.object({
    upload_id: z.string(),
    enterprise_customer_uuid: z.string(),
    kind: z.string(),
    key: z.string(),
    uploader_issuer: z.string(),
    uploader_sub: z.string(),
    created: z.string(),
    upload_expires: z.string(),
    used_etag: z.string().optional(),
  }),
);

/** Upload grants (access pattern U1): one item per upload link the route handed out. */
export function makeUploadGrantRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Records a new grant; it lives (TTL) GRANT_RETENTION_SECONDS past its link's expiry. */
    async put(grant: UploadGrant): Promise<void> {
      const expiresAt = Math.ceil(Date.parse(grant.upload_expires) / 1000) + GRANT_RETENTION_SECONDS;
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.uploadGrant(grant.upload_id), entity: 'upload_grant', ...grant, expires_at: expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    async get(uploadId: string): Promise<UploadGrant | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.uploadGrant(uploadId), ConsistentRead: true }),
      );
      return out.Item ? grantItem().parse(out.Item) : undefined;
    },

    /** Marks the grant used by the object with `etag`; false when another object used it first. */
    async claim(uploadId: string, etag: string): Promise<boolean> {
      return writtenIf(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.uploadGrant(uploadId),
            UpdateExpression: 'SET used_etag = :etag',
            ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(used_etag) OR used_etag = :etag)',
            ExpressionAttributeValues: { ':etag': etag },
          }),
        ),
      );
    },
  };
}

export type UploadGrantRepository = ReturnType<typeof makeUploadGrantRepository>;
