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
  /** SmarterU group permissions of this member in this group (codes of PERMISSIONS). */
  permissions: Permission[];
  /**
   * The operation (a bulk chunk) that last changed this membership, and what it did. A redelivered
   * chunk finds its own mark and reports the original outcome instead of `already_member`.
   */
  last_op_id?: string | null;
  last_op_outcome?: 'added' | 'revived' | 'invited' | 'updated' | 'removed' | null;
  /** Rule members: the recalculation generation that last confirmed the match (mark-and-sweep). */
  rule_generation?: number | null;
  /**
   * Who ended a removed membership: an admin (in an automatic group this is an exclusion the rules
   * respect), the rules, or the learner's deletion. Absent on older items: read as `admin`.
   */
  removed_by?: 'admin' | 'rule' | 'learner_deleted' | null;
  /** When it started counting, each time (membership-periods.ts); absent on items older than periods. */
  joined_at?: string[] | null;
  /** When each of those periods ended. */
  left_at?: string[] | null;
}

/**
 * Group permissions a member can hold, after SmarterU's group permission codes (createGroup
 * `Permissions/Permission/Code`): Group Manager, Manage Group Courses, Manage Group Users, Manage
 * Users, Quiz Proctor, Marker, Instructor, View Learner Results. Any other code is a 400 (~CG:09).
 */
export const PERMISSIONS = [
  'MANAGE_GROUP',
  'MANAGE_GROUP_COURSES',
  'MANAGE_GROUP_USERS',
  'MANAGE_USERS',
  'PROCTOR',
  'MARKER',
  'INSTRUCTOR',
  'VIEW_LEARNER_RESULTS',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a member listing can be sorted by (Docebo's user list): a learner field or a membership date. */
export const MEMBER_SORTS = ['email', 'first_name', 'last_name', 'created', 'activated_at', 'status'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** Statuses that count towards `member_count`. */
export const COUNTED: readonly Membership['status'][] = ['active', 'pending'];

export const refOf = (m: Pick<Membership, 'learner_uuid' | 'pending_learner_email'>): MemberRef =>
  m.learner_uuid ? { learnerUuid: m.learner_uuid } : { email: m.pending_learner_email ?? '' };

export const refKey = (ref: MemberRef) => ('learnerUuid' in ref ? `L#${ref.learnerUuid}` : `E#${ref.email}`);

/**
 * What a write does to the member's home-group pointer: make this group its home group (moving it
 * from any other), or drop the pointer that names this group.
 */
export type HomeChange = 'set' | 'clear';

/**
 * One change to apply: a new membership, a revival of a removed one, new settings of a current one
 * (guarded by its `modified`), or a removal.
 */
export type MembershipWrite =
  | { kind: 'add'; membership: Membership; home?: HomeChange | undefined }
  | { kind: 'revive'; membership: Membership; home?: HomeChange | undefined }
  | { kind: 'update'; membership: Membership; expectedModified: string; home?: HomeChange | undefined }
  | {
      kind: 'remove';
      ref: MemberRef;
      at: string;
      opId?: string | undefined;
      home?: HomeChange | undefined;
      /** Default `admin`. */
      removedBy?: Membership['removed_by'] | undefined;
      /** Rule removals only: remove only while the membership is a rule membership of an older generation. */
      olderThanGeneration?: number | undefined;
      /** Remove only while the membership was last modified at or before this time (a held removal made later). */
      unchangedSince?: string | undefined;
    };

export const writeRef = (w: MembershipWrite): MemberRef => (w.kind === 'remove' ? w.ref : refOf(w.membership));

/** Items a write takes in a transaction: the membership, and its home-group pointer when that moves. */
export const writeCost = (w: MembershipWrite) => (w.home ? 2 : 1);

/** How a write moves `member_count`. */
export const writeDelta = (w: MembershipWrite) => (w.kind === 'remove' ? -1 : w.kind === 'update' ? 0 : 1);
