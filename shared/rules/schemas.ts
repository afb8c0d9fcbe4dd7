import * as z from 'zod';
import { Ruleset } from './ruleset';

export const ExplainPath = z.strictObject({ group_uuid: z.uuid(), learner_uuid: z.uuid() });

export const ConditionsHistoryQuery = z.strictObject({
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

/** A dry run: a ruleset for a tenant, optionally compared with an existing automatic group's members. */
export const PreviewBody = z.strictObject({
  enterprise_customer_uuid: z.uuid(),
  ruleset: Ruleset,
  group_uuid: z.uuid().optional(),
  sample_size: z.number().int().min(0).max(100).default(10),
});

/** An instant as the schedule sends it, normalized to `toISOString()` form so ticks compare as strings. */
const tickTime = z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString());

/**
 * The event a schedule delivers (EventBridge's Scheduled Event; the local scheduler and `npm run recalc`
 * send the same shape): its `time` is the tick. `detail.enterprise_customer_uuid` limits a run to one
 * tenant (`npm run recalc -- --enterprise <uuid>`).
 */
export const ScheduledTickEvent = z.object({
  time: tickTime,
  detail: z
    .object({ enterprise_customer_uuid: z.uuid().optional() })
    .nullish()
    .transform((d) => d ?? {}),
});

/** One message of the scheduled fan-out: a group to recalculate for one tick. */
export const ScheduledRecalculation = z.object({
  group_uuid: z.uuid(),
  enterprise_customer_uuid: z.uuid(),
  tick: tickTime,
});
export type ScheduledRecalculation = z.infer<typeof ScheduledRecalculation>;
