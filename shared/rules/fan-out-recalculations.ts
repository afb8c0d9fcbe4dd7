import type { GroupRepository } from '#shared/groups/group-repository';
import type { ScheduledRecalculation } from './schemas';
import { scheduledSkipReason, type ScheduledSkipReason } from './start-scheduled-recalculation';

export interface FanOutDeps {
  groups: Pick<GroupRepository, 'automaticGroupPages' | 'getMany'>;
  /** Puts the messages on the recalculations queue; throws if any is refused (nothing dropped silently). */
  send: (messages: ScheduledRecalculation[]) => Promise<void>;
}

export interface FanOutSummary {
  tick: string;
  tenant: string | null;
  queued: number;
  skipped: Record<Exclude<ScheduledSkipReason, 'already_started'>, number>;
}

/** Groups read per BatchGetItem. */
const BATCH = 100;

/**
 * The scheduled recalculation: one message per active automatic group whose rules are on, of every
 * tenant (or of `tenant`), all carrying the schedule's tick. Groups come from the automatic-group
 * registry (one Query, no Scan) and are read by key to leave out paused, inactive or deleted ones;
 * the worker checks again, since a group may change before its message is handled. Running it
 * twice for one tick queues the messages twice, and the worker starts one run per group and tick.
 */
export const makeFanOutRecalculations =
  ({ groups, send }: FanOutDeps) =>
  async ({ tick, tenant }: { tick: string; tenant?: string | undefined }): Promise<FanOutSummary> => {
    const summary: FanOutSummary = {
      tick,
      tenant: tenant ?? null,
      queued: 0,
      skipped: { deleted: 0, manual: 0, inactive: 0, paused: 0, awaiting_approval: 0 },
    };
    for await (const refs of groups.automaticGroupPages(tenant)) {
      for (let i = 0; i < refs.length; i += BATCH) {
        const slice = refs.slice(i, i + BATCH);
        const found = await groups.getMany(slice.map((r) => r.group_uuid));
        const messages: ScheduledRecalculation[] = [];
        for (const ref of slice) {
          const reason = scheduledSkipReason(found.get(ref.group_uuid));
          if (reason) summary.skipped[reason]++;
          else messages.push({ ...ref, tick });
        }
        await send(messages);
        summary.queued += messages.length;
      }
    }
    return summary;
  };
