import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';

/** A tenant's settings (TenantSettings). */
export const TenantSettingsAnswer = z
  .looseObject({
    enterprise_customer_uuid: z.uuid(),
    removal_guard: z.looseObject({ max_percent: z.number(), min_removals: z.int().min(0) }).nullable(),
    modified: isoTime.nullable(),
    modified_by: z.string().nullable(),
  })
  .meta({
    examples: [
      {
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        removal_guard: { max_percent: 10, min_removals: 25 },
        modified: '2026-11-30T09:15:00.000Z',
        modified_by: 'admin-1',
      },
    ],
  });
