import type { Ruleset } from '#shared/rules/ruleset';
import type { LearningModule } from './learning-modules';

/**
 * How an automatic group's rules are being applied: `state` is the admin's switch (paused: no
 * recalculation starts, learner changes are not applied), `status` the last recalculation's, the
 * final status of its job once it ended (`error` says why when it is not `succeeded`).
 */
export interface RuleProcessing {
  state: 'on' | 'paused';
  status:
    | 'not_started'
    | 'running'
    | 'awaiting_approval'
    | 'succeeded'
    | 'completed_with_errors'
    | 'failed'
    | 'aborted'
    | 'cancelled';
  last_membership_update: string | null;
  error: string | null;
  job_id: string | null;
  /** The schedule tick (its ISO time) that last started a run; absent until a scheduled run starts one. */
  scheduled_tick?: string;
}

/** A group of learners inside one tenant (ADR 0013, extended with Docebo and SmarterU fields). */
/** A group's own description, which admins set and its history audits field by field. */
export const PROFILE_FIELDS = [
  'name',
  'description',
  'type',
  'status',
  'external_id',
  'legacy_id',
  'user_limit',
  'notification_emails',
  'tags',
  'learning_modules',
  'removal_guard',
] as const satisfies readonly (keyof Group)[];

export interface Group {
  group_uuid: string;
  name: string;
  enterprise_customer_uuid: string;
  description: string | null;
  type: 'manual' | 'automatic';
  status: 'active' | 'inactive';
  external_id: string | null;
  legacy_id: number | null;
  user_limit: number | null;
  member_count: number;
  notification_emails: string[];
  tags: { name: string; values: string[] }[];
  /** Courses attached to the group; those with `auto_enroll` enroll its members (SmarterU). */
  learning_modules: LearningModule[];
  /** Holds a change that would remove too many members for an admin's approval; null: off. */
  removal_guard: RemovalGuard | null;
  created: string;
  modified: string;
  version: number;
  /** Automatic groups only: the membership conditions (null for manual groups). */
  ruleset?: Ruleset | null;
  /** The ruleset's version: 1 when first set, +1 on every change (see conditions history). */
  rule_version?: number | null;
  /**
   * The recalculation generation: +1 for every ruleset change and every recalculation started.
   * Rule writes are conditioned on it, so only the current generation changes memberships.
   */
  rule_generation?: number | null;
  rule_processing?: RuleProcessing | null;
}

/** Fields a client may set; everything else is the service's. */
export type GroupInput = Pick<Group, 'name'> &
  Partial<
    Pick<
      Group,
      | 'description'
      | 'type'
      | 'status'
      | 'external_id'
      | 'legacy_id'
      | 'user_limit'
      | 'notification_emails'
      | 'tags'
      | 'learning_modules'
      | 'removal_guard'
      | 'ruleset'
    >
  >;

/**
 * What a learner member sees of a group: what it is, never who else is in it or who is told about
 * it (no notification e-mails, ruleset, tags, external ids, limits or rule processing).
 */
export type LearnerGroupView = Pick<
  Group,
  'group_uuid' | 'name' | 'enterprise_customer_uuid' | 'description' | 'type' | 'status'
>;

export const learnerGroupView = (g: Group): LearnerGroupView => ({
  group_uuid: g.group_uuid,
  name: g.name,
  enterprise_customer_uuid: g.enterprise_customer_uuid,
  description: g.description,
  type: g.type,
  status: g.status,
});

/**
 * The mass-removal guard (after Entra's accidental-deletions threshold): a change that would remove
 * more than `max_percent` of a group's members and at least `min_removals` of them waits for an
 * admin's approval before it removes anyone.
 */
export interface RemovalGuard {
  max_percent: number;
  min_removals: number;
}

/** The guard of a group that sets none: on, at 20% and at least 50 members. */
export const DEFAULT_REMOVAL_GUARD: RemovalGuard = { max_percent: 20, min_removals: 50 };

/** Rule processing of a new automatic group: on, nothing run yet. */
export const NEW_RULE_PROCESSING: RuleProcessing = {
  state: 'on',
  status: 'not_started',
  last_membership_update: null,
  error: null,
  job_id: null,
};

/** The port a group change uses for automatic groups: the start of a recalculation once the group is stored. */
export interface RulePorts {
  startRecalculation: (caller: { sub: string }, group: Group) => Promise<unknown>;
}

export const normalizeName = (name: string) => name.trim().toLocaleLowerCase('en-US');
