import { type Group, PROFILE_FIELDS } from '#shared/groups/group';
import type { GuardHold } from '#shared/jobs/job';

/** What one audited change did. */
export const HISTORY_ACTIONS = [
  'group_created',
  'group_updated',
  'group_deleted',
  'memberships_changed',
  /** The removal guard held a job's removals; an admin approved or cancelled them. */
  'removals_held',
  'removals_approved',
  'removals_cancelled',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** A membership as the audit sees it, before or after a change. */
export interface MemberState {
  status: 'pending' | 'active' | 'removed' | 'error';
  home_group: boolean;
  permissions: string[];
}

export interface MemberChange {
  enterprise_group_membership_uuid: string;
  learner_uuid: string | null;
  pending_learner_email: string | null;
  outcome: 'added' | 'invited' | 'revived' | 'updated' | 'removed' | 'activated' | 'merged';
  before: MemberState | null;
  after: MemberState | null;
}

/**
 * One audited change of a group or of its memberships, written in the same transaction as the change
 * itself, so a committed change always has its entry and an entry never describes a change that failed.
 */
export interface HistoryEntry {
  history_id: string;
  group_uuid: string;
  enterprise_customer_uuid: string;
  /** The caller's `sub` (a job passes the sub of the caller that started it). */
  actor: string;
  at: string;
  action: HistoryAction;
  /** The bulk operation (job chunk) that made the change, when there was one. */
  op_id: string | null;
  /** Group actions: each changed client-settable field. */
  changes?: Record<string, { before: unknown; after: unknown }>;
  /** Membership actions: how `member_count` moved, and each membership's before/after. */
  member_count_delta?: number;
  members?: MemberChange[];
  /** Removal-guard actions: the job held, and what the guard found. */
  job_id?: string;
  guard?: GuardHold;
}

const AUDITED: readonly (keyof Group)[] = PROFILE_FIELDS;

function diff(before: Partial<Group> | null, after: Partial<Group> | null, fields = AUDITED) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const f of fields) {
    const b = before ? (before[f] ?? null) : null;
    const a = after ? (after[f] ?? null) : null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[f] = { before: b, after: a };
  }
  return changes;
}

type GroupRef = Pick<Group, 'group_uuid' | 'enterprise_customer_uuid'>;

const base = (group: GroupRef, actor: string, at: string, historyId: string) => ({
  history_id: historyId,
  group_uuid: group.group_uuid,
  enterprise_customer_uuid: group.enterprise_customer_uuid,
  actor,
  at,
  op_id: null,
});

export const groupCreatedEntry = (group: Group, actor: string): HistoryEntry => ({
  ...base(group, actor, group.created, `v${group.version}`),
  action: 'group_created',
  changes: diff(null, group),
});

export const groupUpdatedEntry = (before: Group, after: Group, actor: string): HistoryEntry => ({
  ...base(after, actor, after.modified, `v${after.version}`),
  action: 'group_updated',
  changes: diff(before, after),
});

export const groupDeletedEntry = (group: Group, actor: string, at: string): HistoryEntry => ({
  ...base(group, actor, at, 'deleted'),
  action: 'group_deleted',
  changes: diff(group, null, [...AUDITED, 'member_count']),
});

/** Entry of one membership transaction; its id is the first membership's, unique for that instant. */
export function membershipsChangedEntry(
  group: GroupRef,
  members: MemberChange[],
  { actor, at, opId }: { actor: string; at: string; opId?: string | undefined },
): HistoryEntry {
  const first = members[0];
  const delta = members.reduce((n, m) => n + counted(m.after) - counted(m.before), 0);
  return {
    ...base(group, actor, at, `${first?.enterprise_group_membership_uuid ?? 'none'}-${first?.outcome ?? 'none'}`),
    op_id: opId ?? null,
    action: 'memberships_changed',
    member_count_delta: delta,
    members,
  };
}

const counted = (s: MemberState | null) => (s && (s.status === 'active' || s.status === 'pending') ? 1 : 0);

/** Entry of a removal-guard action on a job's removals (held by the rules, approved or cancelled by an admin). */
export const removalGuardEntry = (
  group: GroupRef,
  action: 'removals_held' | 'removals_approved' | 'removals_cancelled',
  job: { job_id: string; guard?: GuardHold | null | undefined },
  { actor, at }: { actor: string; at: string },
): HistoryEntry => ({
  ...base(group, actor, at, `${job.job_id}-${action}`),
  action,
  job_id: job.job_id,
  ...(job.guard ? { guard: job.guard } : {}),
});
