import { describe, expect, it } from 'vitest';
import type { Group } from '#shared/groups/group';
import { makeImportedGroups } from '#shared/imports/imported-groups';
import type { Job, JobRow } from '#shared/jobs/job';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER = '99999999-9999-4999-8999-999999999999';
const byUuid = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const byExternalId = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const byName = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const foreign = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const group = (group_uuid: string, tenant = TENANT) => ({ group_uuid, enterprise_customer_uuid: tenant }) as Group;

describe('makeImportedGroups', () => {
  it("resolves each distinct group cell of an import's rows once, as the import did, leaving out what names no group", async () => {
    const chunks: JobRow[][] = [
      [
        { index: 0, input: { group: byUuid.toUpperCase(), email: 'a@x.org' } },
        { index: 1, input: { group: ' hr-1 ', email: 'b@x.org' } },
      ],
      [
        { index: 2, input: { group: 'Sales Team', email: 'c@x.org' } },
        { index: 3, input: { group: 'hr-1', email: 'd@x.org' } },
        { index: 4, input: { group: foreign, email: 'e@x.org' } },
        { index: 5, input: { group: '', email: 'f@x.org' } },
        { index: 6, input: { group: 'nobody', email: 'g@x.org' } },
      ],
    ];
    const lookups: string[] = [];
    const groupsOf = makeImportedGroups({
      jobs: { getChunk: async (_job, chunk) => chunks[chunk] },
      getGroup: async (id) => (id === byUuid ? group(byUuid) : id === foreign ? group(foreign, OTHER) : undefined),
      findGroup: async (_tenant, kind, value) => {
        lookups.push(`${kind}:${value}`);
        if (kind === 'GROUP_EXTERNAL_ID' && value === 'hr-1') return group(byExternalId);
        if (kind === 'GROUP_NAME' && value === 'sales team') return group(byName);
        return undefined;
      },
    });
    const job = { job_id: 'j', enterprise_customer_uuid: TENANT, chunks_total: 2 } as Job;
    expect((await groupsOf(job)).sort()).toEqual([byUuid, byExternalId, byName].sort());
    expect(lookups.filter((l) => l === 'GROUP_EXTERNAL_ID:hr-1')).toHaveLength(1);
  });
});
