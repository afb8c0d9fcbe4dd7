import { describe, expect, it } from 'vitest';
import type { Branch } from '#shared/branches/branch';
import { makePutBranch, type OnTreeChanged } from '#shared/branches/put-branch';
import { branchScopesDiffer } from '#shared/rules/evaluate-ruleset';
import { makeRecalculateOnBranchMove } from '#shared/rules/recalculate-on-branch-move';
import { Ruleset } from '#shared/rules/ruleset';
import { adminOf, fixedClock, TENANT } from '../fakes';
import { anAutomaticGroup, fakeRuleGroups, recalculations } from './fake-rule-groups';

const b = (branch_id: string, parent_id: string | null): Branch => ({
  branch_id,
  parent_id,
  name: branch_id,
  enterprise_customer_uuid: TENANT,
  created: '',
  modified: '',
});
/** emea > fr > paris; apac > jp; de has no branch item yet. */
const tree = [b('emea', null), b('fr', 'emea'), b('paris', 'fr'), b('apac', null), b('jp', 'apac')];
const moved = (id: string, parent: string | null) => [...tree.filter((x) => x.branch_id !== id), b(id, parent)];

const branchRule = (branch_ids: string[], include_descendants: boolean) =>
  Ruleset.parse({
    operator: 'AND',
    sets: [{ rules: [{ type: 'branch', payload: { branch_ids, include_descendants } }] }],
  });
const attributeRule = Ruleset.parse({
  operator: 'OR',
  sets: [{ rules: [{ type: 'attribute', payload: { field: 'branch_id', op: 'equals', value: 'fr' } }] }],
});

describe('which rulesets a branch move concerns', () => {
  it('concerns a descendants rule whose subtree gains or loses branches', () => {
    expect(branchScopesDiffer(branchRule(['apac'], true), tree, moved('fr', 'apac'))).toBe(true);
    expect(branchScopesDiffer(branchRule(['emea'], true), tree, moved('fr', 'apac'))).toBe(true);
    expect(branchScopesDiffer(branchRule(['emea'], true), tree, [...tree, b('de', 'emea')])).toBe(true);
  });

  it('leaves alone rules the move does not reach', () => {
    expect(branchScopesDiffer(branchRule(['apac'], true), tree, moved('paris', 'emea'))).toBe(false);
    expect(branchScopesDiffer(branchRule(['fr'], false), tree, moved('fr', 'apac'))).toBe(false);
    expect(branchScopesDiffer(branchRule(['paris'], true), tree, moved('fr', 'apac'))).toBe(false);
    expect(branchScopesDiffer(attributeRule, tree, moved('fr', 'apac'))).toBe(false);
  });
});

describe('recalculation on a branch move', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, 'b')}`;
  const groups = () =>
    fakeRuleGroups([
      anAutomaticGroup({ group_uuid: uuid(1), ruleset: branchRule(['apac'], true) }),
      anAutomaticGroup({ group_uuid: uuid(2), ruleset: branchRule(['fr'], false) }),
      anAutomaticGroup({ group_uuid: uuid(3), ruleset: attributeRule }),
      anAutomaticGroup({
        group_uuid: uuid(4),
        ruleset: branchRule(['emea'], true),
        rule_processing: {
          state: 'paused',
          status: 'succeeded',
          last_membership_update: null,
          error: null,
          job_id: null,
        },
      }),
      anAutomaticGroup({ group_uuid: uuid(5), ruleset: branchRule(['emea'], true), status: 'inactive' }),
    ]);

  it('starts one recalculation per active group whose branch rules the move changes, and answers them', async () => {
    const store = groups();
    const { start, started } = recalculations(store, ['l1', 'l2']);
    const recalc = makeRecalculateOnBranchMove({ groups: store, start });
    const runs = await recalc(adminOf(TENANT), TENANT, { before: tree, after: moved('fr', 'apac') });
    expect(runs).toEqual([{ group_uuid: uuid(1), job_id: started[0]!.spec.jobId }]);
    expect(started.map((s) => s.spec.target)).toEqual([{ group_uuid: uuid(1), generation: '1' }]);
    expect(started[0]!.rows).toHaveLength(2);
  });

  it('tells the recalculation hook about a new parent, and not about a rename or a repeat', async () => {
    const heard: { before: Branch[]; after: Branch[] }[] = [];
    let stored = tree;
    const repo = {
      loadTree: async () => ({ branches: stored, version: 1 }),
      put: async (branch: Branch) => {
        stored = [...stored.filter((x) => x.branch_id !== branch.branch_id), branch];
        return true;
      },
    };
    const hook: OnTreeChanged = async (_caller, _tenant, trees) => {
      heard.push(trees);
      return [{ group_uuid: uuid(1), job_id: 'job-1' }];
    };
    const put = makePutBranch(repo, fixedClock(), hook);
    const result = await put(adminOf(TENANT), TENANT, 'fr', { name: 'France', parent_id: 'apac' });
    expect(result.recalculations).toEqual([{ group_uuid: uuid(1), job_id: 'job-1' }]);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.before.find((x) => x.branch_id === 'fr')?.parent_id).toBe('emea');
    expect(heard[0]!.after.find((x) => x.branch_id === 'fr')?.parent_id).toBe('apac');
    expect(heard[0]!.after).toHaveLength(tree.length);

    expect(await put(adminOf(TENANT), TENANT, 'fr', { name: 'Frankreich', parent_id: 'apac' })).toMatchObject({
      recalculations: [],
    });
    expect(await put(adminOf(TENANT), TENANT, 'root2', { name: 'New root' })).toMatchObject({
      created: true,
      recalculations: [],
    });
    expect(heard).toHaveLength(1);
    await put(adminOf(TENANT), TENANT, 'de', { name: 'Germany', parent_id: 'emea' });
    expect(heard).toHaveLength(2);
  });
});
