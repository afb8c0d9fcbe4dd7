import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBranchRepository } from '#shared/branches/branch-repository';
import { randomIds, systemClock } from '#shared/clock';
import { DomainError } from '#shared/errors';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeDeleteLearner } from '#shared/learners/delete-learner';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from '#test/integration/dynamo';
import { allMemberships, expectGroupConsistent } from './invariants';

/**
 * The membership state machine, as a model: members are learners (by uuid) or e-mails waiting for
 * their learner, each `counted` (active or pending) or `removed`. Random sequences of assign (by uuid
 * or e-mail), remove, revive (assign after remove), learner create (activating its pending e-mail)
 * and learner delete run through the real use cases on DynamoDB Local; every answer and the stored
 * state must be the model's. Each step may be delivered twice under the same operation id, as a
 * redelivered job chunk is: the second delivery reports the same outcomes and changes nothing.
 */

const SIZE = 3;

type Op =
  | { kind: 'assign_uuid' | 'assign_email' | 'remove_uuid' | 'remove_email' | 'create' | 'delete'; who: number }
  | { kind: 'replay' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'assign_uuid',
        'assign_email',
        'assign_email',
        'remove_uuid',
        'remove_email',
        'create',
        'create',
        'delete',
      ),
      who: fc.nat({ max: SIZE - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'replay' as const }) },
);

type Status = 'counted' | 'removed';

class Model {
  readonly learners = new Set<number>();
  /** `L<i>`: learner i's membership; `E<i>`: the invitation of learner i's e-mail. */
  readonly members = new Map<string, Status>();
  constructor(readonly limit: number | null) {}

  get count() {
    return [...this.members.values()].filter((s) => s === 'counted').length;
  }

  /** The outcome an assign of member `key` reports, applying it; `full` when the limit refuses it. */
  assign(key: string): string {
    const current = this.members.get(key);
    if (current === 'counted') return 'already_member';
    if (this.limit !== null && this.count >= this.limit) return 'full';
    this.members.set(key, 'counted');
    return current === 'removed' ? 'revived' : key.startsWith('L') ? 'added' : 'invited';
  }

  remove(key: string): string {
    if (this.members.get(key) !== 'counted') return 'not_member';
    this.members.set(key, 'removed');
    return 'removed';
  }

  /** What a step answers: the identifier's outcome, or an error code. */
  step(o: Exclude<Op, { kind: 'replay' }>): string {
    const exists = this.learners.has(o.who);
    const learner = `L${o.who}`;
    const email = `E${o.who}`;
    switch (o.kind) {
      case 'assign_uuid':
        return exists ? this.assign(learner) : 'not_found';
      case 'assign_email':
        return this.assign(exists ? learner : email);
      case 'remove_uuid':
        return exists ? this.remove(learner) : 'not_found';
      case 'remove_email':
        return this.remove(exists ? learner : email);
      case 'create': {
        this.learners.add(o.who);
        // The pending invitation becomes the learner's membership (reviving a removed one): same seat.
        if (this.members.get(email) === 'counted') {
          this.members.delete(email);
          this.members.set(learner, 'counted');
        }
        return 'written';
      }
      case 'delete':
        if (!exists) return 'learner_not_found';
        this.learners.delete(o.who);
        if (this.members.get(learner) === 'counted') this.members.set(learner, 'removed');
        return 'deleted';
    }
  }
}

let system: ReturnType<typeof wire>;

function wire(db: ReturnType<typeof documentClient>, table: string) {
  const repos = {
    groups: makeGroupRepository(db, table),
    memberships: makeMembershipRepository(db, table),
    learners: makeLearnerRepository(db, table),
    branches: makeBranchRepository(db, table),
    history: makeHistoryRepository(db, table),
  };
  const deps = { ...repos, clock: systemClock, ids: randomIds };
  return {
    repos,
    createGroup: makeCreateGroup(repos.groups, systemClock, randomIds),
    assign: makeAssignLearners(deps),
    remove: makeRemoveLearners(deps),
    putLearner: makePutLearner(deps),
    deleteLearner: makeDeleteLearner(repos.learners, repos.memberships, repos.groups, systemClock),
  };
}

beforeAll(async () => {
  system = wire(documentClient(), await createTestTable('model'));
});

/** Runs one step through the use cases; the answer in the model's terms. */
async function run(
  o: Exclude<Op, { kind: 'replay' }>,
  world: { tenant: string; groupUuid: string; uuids: string[]; opId: string },
): Promise<string> {
  const admin = adminOf(world.tenant);
  const uuid = world.uuids[o.who]!;
  const email = `m${o.who}-${world.tenant}@example.com`;
  const options = { opId: world.opId };
  const outcome = (summary: {
    results: { outcome: string }[];
    skipped: { outcome: string }[];
    errors: { outcome: string }[];
  }) => [...summary.results, ...summary.skipped, ...summary.errors].map((r) => r.outcome).join(',');
  try {
    switch (o.kind) {
      case 'assign_uuid':
        return outcome(
          await system.assign(admin, world.groupUuid, { learner_uuids: [uuid] }, { ...options, refuseWhenFull: true }),
        );
      case 'assign_email':
        return outcome(
          await system.assign(
            admin,
            world.groupUuid,
            { learner_emails: [email] },
            { ...options, refuseWhenFull: true },
          ),
        );
      case 'remove_uuid':
        return outcome(await system.remove(admin, world.groupUuid, { learner_uuids: [uuid] }, options));
      case 'remove_email':
        return outcome(await system.remove(admin, world.groupUuid, { learner_emails: [email] }, options));
      case 'create':
        await system.putLearner(admin, world.tenant, uuid, { email }, options);
        return 'written';
      case 'delete':
        await system.deleteLearner(admin, world.tenant, uuid);
        return 'deleted';
    }
  } catch (error) {
    if (error instanceof DomainError) return error.code === 'user_limit_exceeded' ? 'full' : error.code;
    throw error;
  }
}

/** The stored memberships of the group, in the model's terms. */
async function stored(world: { groupUuid: string; uuids: string[]; tenant: string }) {
  const out = new Map<string, Status>();
  for (const m of await allMemberships(system.repos, world.groupUuid)) {
    const who = m.learner_uuid
      ? world.uuids.indexOf(m.learner_uuid)
      : Number(/^m(\d+)-/.exec(m.pending_learner_email ?? '')?.[1]);
    const key = `${m.learner_uuid ? 'L' : 'E'}${who}`;
    expect(out.has(key), `one membership per member (${key})`).toBe(false);
    out.set(key, m.status === 'active' || m.status === 'pending' ? 'counted' : 'removed');
    if (m.status !== 'removed') expect(m.status).toBe(m.learner_uuid ? 'active' : 'pending');
  }
  return out;
}

describe('the membership state machine against DynamoDB Local', () => {
  it('answers and stores what the model says, redelivered steps included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(null, 3), fc.array(op, { minLength: 12, maxLength: 30 }), async (limit, ops) => {
        const tenant = randomUUID();
        const group = await system.createGroup(adminOf(tenant), tenant, { name: 'Model', user_limit: limit });
        const world = {
          tenant,
          groupUuid: group.group_uuid,
          uuids: Array.from({ length: SIZE }, () => randomUUID()),
          opId: '',
        };
        const model = new Model(limit);
        let last: { step: Exclude<Op, { kind: 'replay' }>; answer: string; opId: string } | undefined;
        for (const o of ops) {
          if (o.kind === 'replay') {
            // A redelivery of the previous step's chunk: same operation id, same answer, no change.
            if (!last || !['assign_uuid', 'assign_email', 'remove_uuid', 'remove_email'].includes(last.step.kind))
              continue;
            const before = await stored(world);
            expect(await run(last.step, { ...world, opId: last.opId })).toBe(last.answer);
            expect(await stored(world)).toEqual(before);
            continue;
          }
          world.opId = randomUUID();
          const expected = model.step(o);
          const answer = await run(o, world);
          expect(answer, `${o.kind} ${o.who} after ${JSON.stringify(ops.slice(0, ops.indexOf(o)))}`).toBe(expected);
          last = { step: o, answer, opId: world.opId };
        }
        expect(await stored(world)).toEqual(model.members);
        await expectGroupConsistent(system.repos, group.group_uuid);
      }),
      { numRuns: 20 },
    );
  });
});
