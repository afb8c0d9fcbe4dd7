import type { Clock } from '#shared/clock';
import type { Group } from '#shared/groups/group';
import type { MembersAddedHook } from '#shared/memberships/assign-learners';
import type { IdentifierResult } from '#shared/memberships/outcomes';
import { type Notification, type NotificationOutbox, notificationId } from './notification';

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

export const makeGroupInvitationHook =
  (notify: NotificationOutbox, clock: Clock): MembersAddedHook =>
  async (group, added) => {
    const messages = groupInvitations(group, added, clock.now());
    if (messages.length > 0) await notify(messages);
  };
