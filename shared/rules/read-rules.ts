import { assertAdministers, type Caller } from '#shared/auth/caller';
import { ConflictError, NotFoundError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { COUNTED, refKey } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { EvaluateLearners } from './load-rule-facts';
import type { Ruleset } from './ruleset';
import type { RulesetHistoryRepository } from './ruleset-history-repository';
import { type Throttle, unthrottled } from '#shared/throttle/throttle';
import type { StartRecalculation } from './start-recalculation';

export interface ReadRulesDeps {
  groups: Pick<GroupRepository, 'get'>;
  learners: Pick<LearnerRepository, 'tenantUuids' | 'tenantCount'>;
  memberships: Pick<MembershipRepository, 'getMany' | 'list'>;
  rulesetHistory: Pick<RulesetHistoryRepository, 'list'>;
  evaluate: EvaluateLearners;
  /** Rate limits of preview (per caller and tenant). */
  throttle?: Throttle | undefined;
  /** Most learners one preview evaluates (PREVIEW_MAX_LEARNERS). */
  maxLearners?: number | undefined;
}

/** Learners evaluated per batch read (BatchGetItem takes 100 keys). */
const BATCH = 100;

/**
 * A preview evaluates at most this many learners of the tenant (the first in e-mail order), so a
 * request's work is bounded; past it the answer says `sampled: true` with `evaluated` and
 * `total_learners`, and every count is of the evaluated learners only (never extrapolated).
 */
export const PREVIEW_MAX_LEARNERS = 10_000;

async function loadAutomatic(groups: Pick<GroupRepository, 'get'>, caller: Caller, groupUuid: string) {
  const group = await loadAdministeredGroup(groups, caller, groupUuid);
  if (group.type !== 'automatic' || !group.ruleset)
    throw new ConflictError('not_automatic', `Group ${groupUuid} is a manual group; it has no rules`);
  return group as Group & { ruleset: Ruleset };
}

/**
 * POST …/recalculate: a recalculation from scratch, started by hand (see makeStartRecalculation);
 * rate-limited. An inactive group is refused (`group_inactive`) before any job starts: it accepts no
 * new members, so a run could only fail every learner it matches.
 */
export const makeRecalculateGroup =
  (groups: Pick<GroupRepository, 'get'>, start: StartRecalculation, throttle: Throttle = unthrottled) =>
  async (caller: Caller, groupUuid: string) => {
    const group = await loadAutomatic(groups, caller, groupUuid);
    if (group.status !== 'active')
      throw new ConflictError(
        'group_inactive',
        `Group ${groupUuid} is inactive and accepts no new members; make it active to recalculate it`,
      );
    await throttle('recalculate', caller, group.enterprise_customer_uuid);
    return start(caller, group);
  };

/** Every ruleset version of an automatic group (Docebo conditions history), newest first, with who and when. */
export const makeListConditionsHistory =
  ({ groups, rulesetHistory }: Pick<ReadRulesDeps, 'groups' | 'rulesetHistory'>) =>
  async (caller: Caller, groupUuid: string, page: { pageSize: number; cursor?: string | undefined }) => {
    await loadAutomatic(groups, caller, groupUuid);
    return rulesetHistory.list(groupUuid, page.pageSize, page.cursor);
  };

/**
 * A dry run of a ruleset over a tenant's learners: how many match, a sample, and against an existing
 * group who would be added (matching, not a member, not excluded by an admin) and removed (`rule`
 * members that no longer match). Reads only, and at most PREVIEW_MAX_LEARNERS learners: a bigger
 * tenant's preview is of its first learners in e-mail order and says so (`sampled`, `evaluated`,
 * `total_learners`); a recalculation (a job) applies the ruleset to all of them. Rate-limited.
 */
export const makePreviewRuleset =
  ({
    groups,
    learners,
    memberships,
    evaluate,
    throttle = unthrottled,
    maxLearners = PREVIEW_MAX_LEARNERS,
  }: Omit<ReadRulesDeps, 'rulesetHistory'>) =>
  async (
    caller: Caller,
    input: { enterprise_customer_uuid: string; ruleset: Ruleset; group_uuid?: string | undefined; sample_size: number },
  ) => {
    const tenant = input.enterprise_customer_uuid;
    assertAdministers(caller, tenant);
    const group = input.group_uuid ? await loadAdministeredGroup(groups, caller, input.group_uuid) : undefined;
    if (group && group.enterprise_customer_uuid !== tenant)
      throw new NotFoundError('group_not_found', `Group ${input.group_uuid} is not in enterprise ${tenant}`);
    await throttle('preview', caller, tenant);
    const listed = await learners.tenantUuids(tenant, maxLearners);
    const sampled = listed.length > maxLearners;
    const uuids = listed.slice(0, maxLearners);
    const totalLearners = sampled ? await learners.tenantCount(tenant) : uuids.length;
    const sample: string[] = [];
    const add: string[] = [];
    const remove: string[] = [];
    let matching = 0;
    let wouldAdd = 0;
    let wouldRemove = 0;
    const take = (list: string[], uuid: string) => list.length < input.sample_size && list.push(uuid);
    for (let i = 0; i < uuids.length; i += BATCH) {
      const batch = uuids.slice(i, i + BATCH);
      const evaluated = await evaluate(tenant, input.ruleset, batch);
      const current = group
        ? await memberships.getMany(
            group.group_uuid,
            batch.map((learnerUuid) => ({ learnerUuid })),
          )
        : new Map();
      for (const uuid of batch) {
        const matches = evaluated.get(uuid)?.evaluation.matches ?? false;
        const m = current.get(refKey({ learnerUuid: uuid }));
        const member = m !== undefined && COUNTED.includes(m.status);
        if (matches) {
          matching++;
          take(sample, uuid);
        }
        if (!group) continue;
        const excluded = m?.status === 'removed' && (m.removed_by ?? 'admin') === 'admin';
        if (matches && !member && !excluded) {
          wouldAdd++;
          take(add, uuid);
        } else if (!matches && member && m.source === 'rule') {
          wouldRemove++;
          take(remove, uuid);
        }
      }
    }
    return {
      enterprise_customer_uuid: tenant,
      learners_evaluated: uuids.length,
      sampled,
      evaluated: uuids.length,
      total_learners: totalLearners,
      matching_count: matching,
      sample: sample.map((learner_uuid) => ({ learner_uuid })),
      ...(group
        ? {
            group_uuid: group.group_uuid,
            would_add: { count: wouldAdd, sample: add.map((learner_uuid) => ({ learner_uuid })) },
            would_remove: { count: wouldRemove, sample: remove.map((learner_uuid) => ({ learner_uuid })) },
          }
        : {}),
    };
  };

/**
 * Why a learner is (not) a member of an automatic group: its membership (status, source, the
 * generation that last confirmed it, an admin exclusion), the group's ruleset version and
 * generation, and every set's and rule's result with the value observed on the learner.
 */
export const makeExplainMembership =
  ({ groups, memberships, evaluate }: Pick<ReadRulesDeps, 'groups' | 'memberships' | 'evaluate'>) =>
  async (caller: Caller, groupUuid: string, learnerUuid: string) => {
    const group = await loadAutomatic(groups, caller, groupUuid);
    const tenant = group.enterprise_customer_uuid;
    const evaluated = (await evaluate(tenant, group.ruleset, [learnerUuid])).get(learnerUuid);
    if (!evaluated) throw new NotFoundError('learner_not_found', `No learner ${learnerUuid} in enterprise ${tenant}`);
    const m = (await memberships.getMany(groupUuid, [{ learnerUuid }])).get(refKey({ learnerUuid }));
    const member = m !== undefined && COUNTED.includes(m.status);
    return {
      group_uuid: groupUuid,
      learner_uuid: learnerUuid,
      member,
      status: m?.status ?? null,
      source: m?.source ?? null,
      excluded_by_admin: m?.status === 'removed' && (m.removed_by ?? 'admin') === 'admin',
      membership_rule_generation: m?.rule_generation ?? null,
      rule_version: group.rule_version ?? null,
      rule_generation: group.rule_generation ?? null,
      rule_processing: group.rule_processing ?? null,
      operator: group.ruleset.operator,
      exclude_inactive_learners: group.ruleset.exclude_inactive_learners,
      matches: evaluated.evaluation.matches,
      excluded_inactive: evaluated.evaluation.excluded_inactive,
      sets: evaluated.evaluation.sets,
    };
  };
