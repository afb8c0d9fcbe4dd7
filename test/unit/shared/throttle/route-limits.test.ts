import { describe, expect, it } from 'vitest';
import { NotFoundError, RateLimitedError } from '#shared/errors';
import { makeExportGroupMembers } from '#shared/groups/export-group-members';
import type { Group } from '#shared/groups/group';
import { makeStartMembershipJob } from '#shared/jobs/start-membership-job';
import { makeListGroupLearners } from '#shared/memberships/list-group-learners';
import { makePreviewRuleset, makeRecalculateGroup } from '#shared/rules/read-rules';
import type { LimitedRoute } from '#shared/throttle/rate-limits';
import type { Throttle } from '#shared/throttle/throttle';
import { adminOf, aGroup, fixedClock, OTHER_TENANT, TENANT } from '../fakes';
import { anAutomaticGroup } from '../rules/fake-rule-groups';

/** A throttle whose `route` bucket of `tenant` is empty: every such call is refused, others pass. */
const emptyBucket =
  (route: LimitedRoute, tenant: string): Throttle =>
  async (r, _caller, t) => {
    if (r === route && t === tenant) throw new RateLimitedError(42, r, 'tenant');
  };

const groupsOf = (...all: Group[]) => {
  const get = async (id: string) => all.find((g) => g.group_uuid === id);
  return { get, getWithHomes: async (id: string) => ((group) => group && { group, homeMembers: true })(await get(id)) };
};
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const limited = { code: 'rate_limited', retryAfterSeconds: 42 };

const group = anAutomaticGroup({ member_count: 20_000 });
const members = {
  list: async () => ({ items: [], next: null, previous: null }),
  countUpTo: async () => ({ count: 0, exact: true }),
  listUpTo: async () => ({ items: [], complete: true }),
  homeGroupsOf: async () => new Map(),
  getMany: async () => new Map(),
  byEmailPrefix: async () => [],
};
const learners = {
  getMany: async () => new Map(),
  searchUuids: async () => ({ uuids: [], more: false }),
  findUuids: async () => new Map(),
};

describe('rate-limited routes', () => {
  it('refuses a preview when the tenant’s preview bucket is empty, after checking the caller may act on it', async () => {
    const preview = (throttle: Throttle) =>
      makePreviewRuleset({
        groups: groupsOf(group),
        learners: { tenantUuids: async () => [], tenantCount: async () => 0 },
        memberships: members,
        evaluate: async () => new Map(),
        throttle,
      });
    const input = { enterprise_customer_uuid: TENANT, ruleset: group.ruleset!, sample_size: 5 };
    expect(await refusal(preview(emptyBucket('preview', TENANT))(adminOf(TENANT), input))).toMatchObject(limited);
    expect(await refusal(preview(emptyBucket('export', TENANT))(adminOf(TENANT), input))).toBeUndefined();
    // Another tenant's admin is refused before any bucket is spent (403), not with a 429.
    expect(await refusal(preview(emptyBucket('preview', TENANT))(adminOf(OTHER_TENANT), input))).not.toBeInstanceOf(
      RateLimitedError,
    );
  });

  it('refuses a recalculation of a group of the limited tenant; another tenant’s admin gets 404', async () => {
    const recalculate = makeRecalculateGroup(
      groupsOf(group),
      async () => ({ job_id: 'j' }) as never,
      emptyBucket('recalculate', TENANT),
    );
    expect(await refusal(recalculate(adminOf(TENANT), group.group_uuid))).toMatchObject(limited);
    expect(await refusal(recalculate(adminOf(OTHER_TENANT), group.group_uuid))).toBeInstanceOf(NotFoundError);
  });

  it('refuses an export, and a member search or sort, but not a plain member listing', async () => {
    const manual = aGroup({ member_count: 3 });
    const exportMembers = makeExportGroupMembers({
      groups: groupsOf(manual),
      render: async () => ({ csv: '', count: 0 }),
      startJob: async () => ({ job_id: 'j' }) as never,
      recentJobs: async () => [],
      clock: fixedClock(),
      throttle: emptyBucket('export', TENANT),
    });
    const options = { columns: ['email'], includeHeader: true, delimiter: ',' };
    expect(await refusal(exportMembers(adminOf(TENANT), manual.group_uuid, options))).toMatchObject(limited);

    const list = makeListGroupLearners(groupsOf(manual), members, learners, emptyBucket('member_search', TENANT));
    const admin = adminOf(TENANT);
    expect(await refusal(list(admin, manual.group_uuid, { search: 'ada', pageSize: 10 }))).toMatchObject(limited);
    expect(await refusal(list(admin, manual.group_uuid, { sortBy: 'email', pageSize: 10 }))).toMatchObject(limited);
    expect(await list(admin, manual.group_uuid, { pageSize: 10 })).toMatchObject({ count: 3 });
  });

  it('refuses an assign or remove that becomes a job (over 1000 identifiers)', async () => {
    const manual = aGroup();
    const start = makeStartMembershipJob(
      groupsOf(manual),
      async () => ({ job_id: 'j' }) as never,
      emptyBucket('membership_job', TENANT),
    );
    const input = { learner_emails: ['a@example.com'] };
    expect(await refusal(start(adminOf(TENANT), manual.group_uuid, 'assign_learners', input))).toMatchObject(limited);
    expect(await refusal(start(adminOf(TENANT), manual.group_uuid, 'remove_learners', input))).toMatchObject(limited);
  });
});
