import type { MemberRef } from '#shared/db/keys';

/** A learner's (or a pending e-mail's) place in a group. */
export interface Membership {
  enterprise_group_membership_uuid: string;
  group_uuid: string;
  enterprise_customer_uuid: string;
  learner_uuid: string | null;
  pending_learner_email: string | null;
  status: 'pending' | 'active' | 'removed' | 'error';
  source: 'manual' | 'rule' | 'import';
  invited_at: string | null;
  activated_at: string | null;
  removed_at: string | null;
  created: string;
  modified: string;
  /**
   * The operation (a bulk chunk) that last changed this membership, and what it did. A redelivered
   * chunk finds its own mark and reports the original outcome instead of `already_member`.
   */
  last_op_id?: string | null;
  last_op_outcome?: 'added' | 'revived' | 'invited' | 'removed' | null;
}

/** Statuses that count towards `member_count`. */
export const COUNTED: readonly Membership['status'][] = ['active', 'pending'];

export const refOf = (m: Pick<Membership, 'learner_uuid' | 'pending_learner_email'>): MemberRef =>
  m.learner_uuid ? { learnerUuid: m.learner_uuid } : { email: m.pending_learner_email ?? '' };

export const refKey = (ref: MemberRef) => ('learnerUuid' in ref ? `L#${ref.learnerUuid}` : `E#${ref.email}`);

/** One change to apply: a new membership, a revival of a removed one, or a removal. */
export type MembershipWrite =
  | { kind: 'add'; membership: Membership }
  | { kind: 'revive'; membership: Membership }
  | { kind: 'remove'; ref: MemberRef; at: string; opId?: string | undefined };

export const writeRef = (w: MembershipWrite): MemberRef => (w.kind === 'remove' ? w.ref : refOf(w.membership));
