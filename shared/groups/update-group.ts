import type { Caller } from '#shared/auth/caller';
import type { Job } from '#shared/jobs/job';
import type { Clock } from '#shared/clock';
import { beforeRound } from '#shared/db/backoff';
import { ConflictError, PreconditionFailedError, ValidationError } from '#shared/errors';
import { groupUpdatedEntry } from '#shared/history/history-entry';
import type { Group, GroupInput, RuleProcessing, RulePorts } from './group';
import type { GroupRepository } from './group-repository';
import { assertGroupFits } from './group-size';
import { newlyAutoEnrolled } from './learning-modules';
import { loadAdministeredGroup } from './read-group';

/** Starts the job that enrolls a group's present members in courses that just became auto-enroll modules. */
export type StartModuleEnrollment = (caller: Pick<Caller, 'sub'>, group: Group, courses: string[]) => Promise<Job>;

/**
 * What a write requires of the group's current version (HTTP's If-Match / If-None-Match, already
 * read): true when the write may go on. Undefined: no requirement.
 */
export type VersionPrecondition = (version: number) => boolean;

/** The group as updated, and the job enrolling its members in newly auto-enrolled learning modules, if any. */
export type UpdatedGroup = Group & { learning_module_enrollment?: Job | null };

/**
 * Partially updates a group. With a `precondition` (If-Match) a version it refuses is a 412; without,
 * the update applies atomically to the version it read, and again to a newer one if another writer
 * got there first. A user limit below the current member count is refused (SmarterU CG:38), and so
 * is a result larger than MAX_GROUP_BYTES. The change and its history entry commit together.
 * Automatic groups: a changed ruleset becomes the next version of the conditions history (same
 * transaction) and starts a recalculation; `rule_processing.state` pauses or resumes the rules
 * (resuming recalculates, since learner changes were not applied while paused). Learning modules
 * that start enrolling members (new, or `auto_enroll` turned on) start a job enrolling the present
 * members, after the change commits (later members are enrolled as they are added).
 */
export const makeUpdateGroup =
  (
    groups: Pick<GroupRepository, 'get' | 'update'> & Partial<Pick<GroupRepository, 'setRuleState'>>,
    clock: Clock,
    rules?: RulePorts,
    startModuleEnrollment?: StartModuleEnrollment,
  ) =>
  async (
    caller: Caller,
    groupUuid: string,
    {
      rule_processing: processing,
      ...patch
    }: Partial<GroupInput> & { rule_processing?: Pick<RuleProcessing, 'state'> },
    precondition?: VersionPrecondition,
  ): Promise<UpdatedGroup> => {
    for (let round = 0; ; round++) {
      await beforeRound(round);
      const before = await loadAdministeredGroup(groups, caller, groupUuid);
      const after = plannedUpdate(caller, before, patch, processing, precondition, clock);
      const rulesetChanged =
        patch.ruleset !== undefined && JSON.stringify(patch.ruleset) !== JSON.stringify(before.ruleset);
      after.rule_version = rulesetChanged ? (before.rule_version ?? 0) + 1 : before.rule_version;
      const version =
        rulesetChanged && after.ruleset
          ? {
              group_uuid: groupUuid,
              enterprise_customer_uuid: before.enterprise_customer_uuid,
              version: after.rule_version ?? 1,
              ruleset: after.ruleset,
              changed_by: caller.sub,
              changed_at: after.modified,
            }
          : undefined;
      try {
        await groups.update(before, after, groupUpdatedEntry(before, after, caller.sub), version);
      } catch (error) {
        // Without If-Match the client required no version: another writer's change is read again and
        // the patch applied on top of it. With If-Match, a version changed under it is the client's 412.
        if (!(error instanceof PreconditionFailedError) || precondition) throw error;
        if (round + 1 < MAX_ROUNDS) continue;
        throw new ConflictError('concurrent_modification', `Group ${groupUuid} kept changing; retry the request`);
      }
      const courses = newlyAutoEnrolled(before, after);
      const learning_module_enrollment =
        startModuleEnrollment && courses.length > 0 ? await startModuleEnrollment(caller, after, courses) : null;
      const updated = await applyRuleChanges(groups, caller, before, after, processing, rulesetChanged, rules);
      return { ...updated, learning_module_enrollment };
    }
  };

/** Read-apply rounds of a PATCH without If-Match racing other writers of the group. */
const MAX_ROUNDS = 8;

/** The group as the patch leaves it, or the 4xx that refuses the patch against this version. */
function plannedUpdate(
  caller: Caller,
  before: Group,
  patch: Partial<GroupInput>,
  processing: Pick<RuleProcessing, 'state'> | undefined,
  precondition: VersionPrecondition | undefined,
  clock: Clock,
): Group {
  if (before.type !== 'automatic' && (patch.ruleset || processing))
    throw new ValidationError('Only automatic groups have rules', [
      { path: patch.ruleset ? 'body.ruleset' : 'body.rule_processing', message: 'the group is manual' },
    ]);
  if (precondition && !precondition(before.version)) throw versionRefused(before.group_uuid, before.version);
  const limit = patch.user_limit === undefined ? before.user_limit : patch.user_limit;
  if (limit !== null && limit < before.member_count) {
    throw new ConflictError(
      'user_limit_below_member_count',
      `The group has ${before.member_count} members; user_limit ${limit} is lower`,
      [{ path: 'body.user_limit', message: `must be at least ${before.member_count}` }],
    );
  }
  const after: Group = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    name: (patch.name ?? before.name).trim(),
    modified: clock.now(),
    version: before.version + 1,
  };
  assertGroupFits(after, Object.keys(patch));
  return after;
}

/** 412: the request's preconditions refuse the group's current version. */
export const versionRefused = (groupUuid: string, version: number) =>
  new PreconditionFailedError(`Group ${groupUuid} is at version ${version}, which the request's preconditions refuse`);

/** Automatic groups: pause or resume the rules, and recalculate after a ruleset change or a resume. */
async function applyRuleChanges(
  groups: Pick<GroupRepository, 'get'> & Partial<Pick<GroupRepository, 'setRuleState'>>,
  caller: Caller,
  before: Group,
  after: Group,
  processing: Pick<RuleProcessing, 'state'> | undefined,
  rulesetChanged: boolean,
  rules: RulePorts | undefined,
): Promise<Group> {
  const groupUuid = before.group_uuid;
  if (before.type !== 'automatic' || !rules) return after;
  const wasPaused = before.rule_processing?.state === 'paused';
  const paused = processing ? processing.state === 'paused' : wasPaused;
  if (processing && processing.state !== before.rule_processing?.state)
    await groups.setRuleState?.(groupUuid, processing.state);
  const current = (await groups.get(groupUuid)) ?? after;
  if (!paused && (rulesetChanged || wasPaused)) await rules.startRecalculation(caller, current);
  return (await groups.get(groupUuid)) ?? current;
}
