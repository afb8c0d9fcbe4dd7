import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import { type Learner, type LearnerInput, normalizeEmail } from './learner';
import { LearnerChangedError, type LearnerRepository } from './learner-repository';

export interface PutLearnerDeps {
  learners: Pick<LearnerRepository, 'getWithOrigin' | 'put'>;
  memberships: Pick<MembershipRepository, 'listByMember' | 'activate'>;
  clock: Clock;
  /**
   * Told about every learner written, after its memberships: course allowances waiting for its
   * e-mail become enrollments there. Idempotent, so a retried put finishes what a failed one began.
   */
  onLearnerWritten?: (learner: Learner, context: { actor: string }) => Promise<unknown>;
}

const RETRIES = 3;

/**
 * Creates or replaces a learner of a tenant. The uuid names the learner within the tenant only:
 * another tenant's learner with the same uuid is a different learner, untouched and unseen. E-mail, employee id and state id stay unique per
 * tenant (guards moved in the same transaction). Pending memberships invited under the learner's
 * e-mail become active memberships of the learner (`activated_at` set). Writing the same learner
 * again is harmless and finishes any activation an earlier call did not; with the `opId` of a bulk
 * chunk, a replay reports the same `created`/`updated` outcome as the first application.
 */
export const makePutLearner =
  ({ learners, memberships, clock, onLearnerWritten }: PutLearnerDeps) =>
  async (
    caller: Caller,
    tenant: string,
    learnerUuid: string,
    input: LearnerInput,
    { opId }: { opId?: string } = {},
  ): Promise<{ learner: Learner; created: boolean; activated: number }> => {
    assertAdministers(caller, tenant);
    for (let attempt = 0; ; attempt++) {
      const stored = await learners.getWithOrigin(tenant, learnerUuid);
      const before = stored?.learner;
      const now = clock.now();
      const learner: Learner = {
        learner_uuid: learnerUuid,
        enterprise_customer_uuid: tenant,
        email: normalizeEmail(input.email),
        username: input.username ?? null,
        first_name: input.first_name ?? null,
        last_name: input.last_name ?? null,
        employee_id: input.employee_id ?? null,
        state_id: input.state_id ?? null,
        branch_id: input.branch_id ?? null,
        attributes: input.attributes ?? {},
        status: input.status ?? 'active',
        created: before?.created ?? now,
        modified: now,
        version: (before?.version ?? 0) + 1,
      };
      try {
        await learners.put(learner, before, stored ? stored.createdByOp : (opId ?? null));
      } catch (error) {
        if (error instanceof LearnerChangedError && attempt < RETRIES) continue;
        throw error;
      }
      const pending = (await memberships.listByMember(tenant, { email: learner.email })).filter(
        (m) => m.status === 'pending',
      );
      let activated = 0;
      for (const m of pending) {
        if ((await memberships.activate(m, learnerUuid, now, caller.sub)) === 'activated') activated++;
      }
      await onLearnerWritten?.(learner, { actor: caller.sub });
      // A replayed bulk chunk reports `created` for the learners it created the first time.
      const created = stored === undefined || (opId !== undefined && stored.createdByOp === opId);
      return { learner, created, activated };
    }
  };
