import { describe, expect, it } from 'vitest';
import type { Membership } from '#shared/memberships/membership';
import { groupInvitations } from '#shared/notifications/group-invitation';
import { aGroup } from '../fakes';

const membership = (overrides: Partial<Membership>): Membership => ({
  enterprise_group_membership_uuid: 'mmmmmmmm-0000-4000-8000-000000000001',
  group_uuid: 'g',
  enterprise_customer_uuid: 't',
  learner_uuid: null,
  pending_learner_email: 'new@example.com',
  status: 'pending',
  source: 'manual',
  invited_at: 'now',
  activated_at: null,
  removed_at: null,
  created: 'now',
  modified: 'now',
  permissions: [],
  ...overrides,
});

describe('group invitations', () => {
  it('notifies invited e-mails only, with an id derived from the membership', () => {
    const group = aGroup();
    const invited = { identifier: 'new@example.com', outcome: 'invited' as const, membership: membership({}) };
    const added = {
      identifier: 'x',
      outcome: 'added' as const,
      membership: membership({ learner_uuid: 'aaaaaaaa-0000-4000-8000-000000000001', pending_learner_email: null }),
    };
    const out = groupInvitations(group, [invited, added], 'now');
    expect(out).toEqual([
      {
        notification_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        template: 'group_invitation',
        enterprise_customer_uuid: group.enterprise_customer_uuid,
        to: 'new@example.com',
        learner_uuid: null,
        context: { group_uuid: group.group_uuid, group_name: group.name },
        created: 'now',
      },
    ]);
    expect(groupInvitations(group, [invited], 'later')[0]!.notification_id).toBe(out[0]!.notification_id);
    const other = { ...invited, membership: membership({ enterprise_group_membership_uuid: 'other' }) };
    expect(groupInvitations(group, [other], 'now')[0]!.notification_id).not.toBe(out[0]!.notification_id);
  });
});
