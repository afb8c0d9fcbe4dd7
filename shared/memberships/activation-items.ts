/**
 * The two transactions that activate a pending (e-mail) membership, built without a database: the
 * learner's own membership replacing the pending one, or, when the learner is a member already, the
 * pending twin dropped with its count. Both move a home-group pointer that names the group and commit
 * the history entry with the change.
 */
import type { MemberRef } from '#shared/db/keys';
import { type MemberChange, membershipsChangedEntry } from '#shared/history/history-entry';
import { historyPut } from '#shared/history/history-repository';
import { type Membership, refOf } from './membership';
import { homeDelete, homePut } from './home-items';
import { activatedPut, memberCountDown, pendingDelete, type TransactItem } from './membership-items';

export interface Activation {
  pending: Membership;
  learnerUuid: string;
  at: string;
  actor: string;
  /** Whether the e-mail's home-group pointer names this group (it then moves to the learner). */
  isHome: boolean;
}

/** The learner's membership: the pending one's uuid, invitation time and permissions, active from `at`. */
export const activeOf = ({ pending, learnerUuid, at }: Activation): Membership => ({
  ...pending,
  learner_uuid: learnerUuid,
  pending_learner_email: null,
  status: 'active',
  activated_at: at,
  modified: at,
});

/**
 * `activate`: [pending delete, learner put, home move…, history]; `merge`: [pending delete, count
 * down, home move…, history]. The indexes of the first two are what a cancelled transaction reports.
 */
export function activationParts(tableName: string, a: Activation): { activate: TransactItem[]; merge: TransactItem[] } {
  const { pending, learnerUuid, isHome } = a;
  const tenant = pending.enterprise_customer_uuid;
  const emailRef: MemberRef = refOf(pending);
  const homeMove = isHome
    ? [
        homeDelete(tableName, tenant, emailRef, pending.group_uuid),
        homePut(tableName, tenant, { learnerUuid }, pending.group_uuid),
      ]
    : [];
  const state = (status: Membership['status']) => ({
    status,
    home_group: isHome,
    permissions: pending.permissions ?? [],
  });
  const entry = (outcome: MemberChange['outcome'], after: MemberChange['after']) =>
    historyPut(
      tableName,
      membershipsChangedEntry(
        pending,
        [
          {
            enterprise_group_membership_uuid: pending.enterprise_group_membership_uuid,
            learner_uuid: learnerUuid,
            pending_learner_email: pending.pending_learner_email,
            outcome,
            before: state('pending'),
            after,
          },
        ],
        { actor: a.actor, at: a.at },
      ),
    );
  const deletePending = pendingDelete(tableName, pending);
  return {
    activate: [deletePending, activatedPut(tableName, activeOf(a)), ...homeMove, entry('activated', state('active'))],
    merge: [deletePending, memberCountDown(tableName, pending.group_uuid), ...homeMove, entry('merged', null)],
  };
}
