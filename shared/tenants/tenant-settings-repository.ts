import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { keys } from '#shared/db/keys';
import type { RemovalGuard } from '#shared/groups/group';
import { once } from '#shared/once';
import { defaultSettings, type TenantSettings } from './tenant-settings';

/** A stored settings item as the service reads it: its fields in answer order, checked, keys dropped. */
const settingsItem = /* @__PURE__ */ once(() =>
  z.object({
    enterprise_customer_uuid: z.string(),
    removal_guard: z.custom<RemovalGuard>((v) => typeof v === 'object' && v !== null).nullable(),
    modified: z.string(),
    modified_by: z.string(),
  }),
);

export function makeTenantSettingsRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** The tenant's settings, or the service's defaults while no admin has put any. */
    async get(tenant: string): Promise<TenantSettings> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.tenantSettings(tenant) }));
      return out.Item ? settingsItem().parse(out.Item) : defaultSettings(tenant);
    },

    /** Replaces the tenant's settings (last writer wins: they are one admin's choice, not a counter). */
    async put(settings: TenantSettings): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.tenantSettings(settings.enterprise_customer_uuid), entity: 'tenant_settings', ...settings },
        }),
      );
    },
  };
}

export type TenantSettingsRepository = ReturnType<typeof makeTenantSettingsRepository>;
