import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReliabilityStack, startReliabilityStack } from './in-process-stack';
import { expectGroupConsistent, expectJobHonest } from './invariants';

/**
 * An admin approves the removals a group's guard holds while another admin changes the group's
 * ruleset, through the API, with the real queue workers. Whichever lands first, nobody is removed
 * except by a job that says it removed them, no job is left waiting for nothing or running, and the
 * group's counter is its counted members.
 */
let s: ReliabilityStack;

beforeAll(async () => {
  s = await startReliabilityStack();
});

afterAll(async () => {
  await s?.stop();
});

const GROUPS = '/api/v1/enterprise-group';
const attribute = (field: string, op: string, value: unknown) => ({ type: 'attribute', payload: { field, op, value } });
const everyone = { operator: 'AND', sets: [{ rules: [attribute('level', 'gte', 0)] }] };
const onlyA = { operator: 'AND', sets: [{ rules: [attribute('department', 'equals', 'a')] }] };
/** The same 80 members as `onlyA`, written differently: a new run that also wants to remove 120. */
const onlyAAgain = {
  operator: 'AND',
  sets: [{ rules: [attribute('department', 'equals', 'a'), attribute('level', 'gte', 0)] }],
};

/** A tenant of 200 learners (80 of department `a`), an automatic group of all of them, then a held edit. */
async function heldGroup() {
  const tenant = randomUUID();
  const token = await s.adminToken(tenant);
  await s.seedLearners(tenant, 200, (i) => ({ attributes: { department: i < 80 ? 'a' : 'b', level: 1 } }));
  const created = await s.api('POST', `${GROUPS}/`, {
    token,
    body: { name: `Approval race ${tenant}`, enterprise_customer_uuid: tenant, type: 'automatic', ruleset: everyone },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const group = created.json.group_uuid as string;
  await s.idle(120_000);
  const narrowed = await s.api('PATCH', `${GROUPS}/${group}/`, { token, body: { ruleset: onlyA } });
  expect(narrowed.status, JSON.stringify(narrowed.json)).toBe(200);
  await s.idle(120_000);
  const read = await s.api('GET', `${GROUPS}/${group}/`, { token });
  expect(read.json).toMatchObject({ member_count: 200, rule_processing: { status: 'awaiting_approval' } });
  return { token, group, held: read.json.rule_processing.job_id as string };
}

async function job(id: string, token: string) {
  const answer = await s.api('GET', `/api/v1/jobs/${id}/`, { token });
  expect(answer.status).toBe(200);
  return answer.json;
}

describe('approving held removals while the ruleset changes', () => {
  it.each([
    { edit: 'back to everyone', ruleset: everyone, approveFirst: true },
    { edit: 'back to everyone', ruleset: everyone, approveFirst: false },
    { edit: 'another narrowing', ruleset: onlyAAgain, approveFirst: true },
    { edit: 'another narrowing', ruleset: onlyAAgain, approveFirst: false },
  ])(
    'removes only what a job reports removed (edit: $edit, approval sent first: $approveFirst)',
    async ({ ruleset, approveFirst }) => {
      const { token, group, held } = await heldGroup();
      const approve = () => s.api('POST', `/api/v1/jobs/${held}/approve`, { token });
      const edit = () => s.api('PATCH', `${GROUPS}/${group}/`, { token, body: { ruleset } });
      const [approved, edited] = approveFirst
        ? await Promise.all([approve(), edit()])
        : await Promise.all([edit(), approve()]).then(([e, a]) => [a, e]);
      expect(edited!.status, JSON.stringify(edited!.json)).toBe(200);
      // The approval either lands, or finds the held run already superseded by the edit.
      if (approved!.status !== 202) {
        expect(approved!.status).toBe(409);
        expect(['job_superseded', 'job_not_awaiting_approval']).toContain(approved!.json.code);
      }
      await s.idle(120_000);

      const after = (await s.api('GET', `${GROUPS}/${group}/`, { token })).json;
      const newRun = after.rule_processing.job_id as string;
      expect(newRun).not.toBe(held);
      const runs = [await job(held, token), await job(newRun, token)];
      for (const run of runs) expect(['succeeded', 'cancelled', 'awaiting_approval']).toContain(run.status);
      expect(runs[0].status, 'the held run waits no more').not.toBe('awaiting_approval');
      const removed = runs.reduce((n, run) => n + (run.outcome_counts.removed ?? 0), 0);
      const members = await expectGroupConsistent(s.repositories, group);
      expect(after.member_count).toBe(members.length);
      expect(members.length, 'nobody removed but by a job that says so').toBe(200 - removed);
      for (const run of runs.filter((r) => r.status === 'succeeded'))
        await expectJobHonest(s.repositories.jobs, run.job_id);

      if (ruleset === everyone) {
        // The last ruleset wants everyone: whatever the approval removed, the new run brought back.
        expect(runs[1].status).toBe('succeeded');
        expect(members.length).toBe(200);
      } else if (runs[1].status === 'awaiting_approval') {
        // The new run holds what is left to remove; the members are all still there.
        expect(runs[1].guard.would_remove).toBe(members.length - 80);
      } else {
        // The approval removed the 120 first; the new run found nothing left to remove.
        expect(runs[1].status).toBe('succeeded');
        expect(members.length).toBe(80);
      }
    },
    300_000,
  );
});
