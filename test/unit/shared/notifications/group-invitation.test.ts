import { describe, expect, it } from 'vitest';
import type { Membership } from '#shared/memberships/membership';
import {
  groupInvitations,
  INVITATIONS_PER_TENANT_PER_DAY,
  makeGroupInvitationHook,
  makeInvitationQuota,
} from '#shared/notifications/group-invitation';
import { aGroup, fixedClock, TENANT } from '../fakes';

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

describe('group invitation quota', () => {
  it('queues the invitations the tenant’s quota takes and reports the rest as quota_exceeded', async () => {
    const sent: string[] = [];
    let left = 2;
    const hook = makeGroupInvitationHook(
      async (ns) => void sent.push(...ns.map((n) => n.to)),
      fixedClock(),
      async (_tenant, _now, wanted) => {
        const granted = Math.min(left, wanted);
        left -= granted;
        return granted;
      },
    );
    const invited = (i: number) => ({
      identifier: `p${i}@example.com`,
      outcome: 'invited' as const,
      membership: membership({ enterprise_group_membership_uuid: `m${i}`, pending_learner_email: `p${i}@example.com` }),
    });
    const verdicts = await hook(aGroup(), [invited(1), invited(2), invited(3)], undefined);
    expect(sent).toEqual(['p1@example.com', 'p2@example.com']);
    expect(verdicts).toEqual(
      new Map([
        ['m1', 'queued'],
        ['m2', 'queued'],
        ['m3', 'quota_exceeded'],
      ]),
    );
    expect(await hook(aGroup(), [invited(4)], undefined)).toEqual(new Map([['m4', 'quota_exceeded']]));
    expect(sent).toHaveLength(2);
  });

  it('counts a tenant’s invitations per UTC day', async () => {
    const days: string[] = [];
    const quota = makeInvitationQuota({
      reserve: async (_tenant, template, day, wanted, perDay) => {
        days.push(`${template} ${day} ${perDay}`);
        return wanted;
      },
    });
    await quota(TENANT, '2026-05-01T23:59:59.000Z', 1);
    expect(days).toEqual([`group_invitation 2026-05-01 ${INVITATIONS_PER_TENANT_PER_DAY}`]);
  });
});
