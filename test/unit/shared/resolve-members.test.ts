import { describe, expect, it } from 'vitest';
import { resolveMembers } from '#shared/memberships/resolve-members';
import { aLearner, fakeLearners, OTHER_TENANT, TENANT } from './fakes';

const ada = aLearner();
const bob = aLearner({ learner_uuid: 'bbbbbbbb-0000-4000-8000-000000000002', email: 'bob@example.com' });
const eve = aLearner({
  learner_uuid: 'eeeeeeee-0000-4000-8000-000000000003',
  email: 'eve@other.com',
  enterprise_customer_uuid: OTHER_TENANT,
});
const learners = fakeLearners([ada, bob, eve]);

describe('resolveMembers', () => {
  it('gives every identifier exactly one target or rejection', async () => {
    const input = {
      learner_uuids: [
        ada.learner_uuid,
        'not-a-uuid',
        eve.learner_uuid,
        'ffffffff-0000-4000-8000-000000000009',
        ada.learner_uuid,
      ],
      learner_emails: ['  BOB@Example.com ', 'new@example.com', 'nope', 'new@example.com'],
    };
    const { targets, rejected } = await resolveMembers(learners, TENANT, input);
    expect(targets.length + rejected.length).toBe(9);
    expect(targets.map((t) => t.ref)).toEqual([
      { learnerUuid: ada.learner_uuid },
      { learnerUuid: bob.learner_uuid },
      { email: 'new@example.com' },
    ]);
    expect(Object.fromEntries(rejected.map((r) => [r.identifier, r.outcome]))).toEqual({
      'not-a-uuid': 'invalid',
      [eve.learner_uuid]: 'not_found',
      'ffffffff-0000-4000-8000-000000000009': 'not_found',
      [ada.learner_uuid]: 'duplicate_in_request',
      nope: 'invalid',
      'new@example.com': 'duplicate_in_request',
    });
  });

  it('treats a learner named by uuid and by e-mail as one member', async () => {
    const { targets, rejected } = await resolveMembers(learners, TENANT, {
      learner_uuids: [ada.learner_uuid],
      learner_emails: ['ada@example.com'],
    });
    expect(targets).toHaveLength(1);
    expect(rejected).toEqual([
      expect.objectContaining({ identifier: 'ada@example.com', outcome: 'duplicate_in_request' }),
    ]);
  });

  it("answers another tenant's learner uuid exactly as an unknown uuid", async () => {
    const unknown = 'ffffffff-0000-4000-8000-000000000009';
    const { rejected } = await resolveMembers(learners, TENANT, { learner_uuids: [eve.learner_uuid, unknown] });
    const [foreign, missing] = rejected;
    expect({ ...foreign, identifier: unknown }).toEqual(missing);
    expect(missing).toEqual({ identifier: unknown, outcome: 'not_found', message: 'no learner with this uuid' });
  });
});
