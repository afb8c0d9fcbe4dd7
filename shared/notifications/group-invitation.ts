import type { Clock } from '#shared/clock';
import type { Group } from '#shared/groups/group';
import type { MembersAddedHook } from '#shared/memberships/assign-learners';
import type { IdentifierResult, InvitationOutcome } from '#shared/memberships/outcomes';
import { type Notification, type NotificationOutbox, notificationId } from './notification';
import type { SendQuotaRepository } from './send-quota-repository';

/**
 * Puts one `group_invitation` message on the outbox per pending (e-mail) membership an assign
 * invited. The id derives from the membership uuid only, so a replayed chunk (which reports
 * `invited` again from its mark) or a retried call produces the same id and the consumer delivers
 * it once; a pending membership is invited once in its life.
 */
export function groupInvitations(group: Group, added: IdentifierResult[], now: string): Notification[] {
  return added.flatMap((r) => {
    const m = r.membership;
    if (r.outcome !== 'invited' || !m?.pending_learner_email) return [];
    return [
      {
        notification_id: notificationId('group_invitation', m.enterprise_group_membership_uuid),
        template: 'group_invitation',
        enterprise_customer_uuid: group.enterprise_customer_uuid,
        to: m.pending_learner_email,
        learner_uuid: null,
        context: { group_uuid: group.group_uuid, group_name: group.name },
        created: now,
      },
    ];
  });
}

/** Group invitations one tenant may send per UTC day; past it, invited members stay pending unsent. */
export const INVITATIONS_PER_TENANT_PER_DAY = 5_000;

/** Takes up to `wanted` of a tenant's sends of today (UTC day of `nowIso`); answers how many it may send. */
export type SendQuota = (tenant: string, nowIso: string, wanted: number) => Promise<number>;

/** The daily quota of `group_invitation` sends, counted per tenant in `counters`. */
export const makeInvitationQuota =
  (counters: Pick<SendQuotaRepository, 'reserve'>, perDay = INVITATIONS_PER_TENANT_PER_DAY): SendQuota =>
  (tenant, nowIso, wanted) =>
    counters.reserve(tenant, 'group_invitation', nowIso.slice(0, 10), wanted, perDay);

/**
 * Queues the invitations of an assign within the tenant's daily quota (S4: no tenant can use the
 * service as a mail relay): the first invitations the quota takes are queued, the rest are not sent,
 * and the answer says which (`invitation: queued | quota_exceeded` per membership uuid). The
 * memberships are committed before this runs and stay pending either way.
 */
export const makeGroupInvitationHook =
  (notify: NotificationOutbox, clock: Clock, quota: SendQuota): MembersAddedHook =>
  async (group, added) => {
    const now = clock.now();
    const messages = groupInvitations(group, added, now);
    if (messages.length === 0) return undefined;
    const allowed = await quota(group.enterprise_customer_uuid, now, messages.length);
    if (allowed > 0) await notify(messages.slice(0, allowed));
    const verdicts = new Map<string, InvitationOutcome>();
    added.forEach((r) => {
      if (r.outcome !== 'invited' || !r.membership?.pending_learner_email) return;
      verdicts.set(
        r.membership.enterprise_group_membership_uuid,
        verdicts.size < allowed ? 'queued' : 'quota_exceeded',
      );
    });
    return verdicts;
  };
