import { describe, expect, it } from 'vitest';
import type { Clock } from '#shared/clock';
import { makeExportGroupMembers } from '#shared/groups/export-group-members';
import type { Group } from '#shared/groups/group';
import type { Job } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { adminOf, aGroup, TENANT } from '../fakes';

function setup(initial: Group) {
  let ms = Date.parse('2026-01-01T12:00:00.000Z');
  const clock: Clock = { now: () => new Date(ms).toISOString() };
  let group = initial;
  const jobs: Job[] = [];
  const run = makeExportGroupMembers({
    groups: { get: async () => group },
    render: async () => ({ csv: 'small', count: 0 }),
    startJob: async (caller, tenant, target) => {
      const job = newJob(
        {
          tenant,
          kind: 'export_members',
          target: { ...target },
          source: { type: 'api', route: 'export_members', caller: caller.sub },
          sourceKey: 'k',
          createdBy: caller.sub,
        },
        `job-${jobs.length + 1}`,
        clock.now(),
      );
      jobs.unshift({ ...job, status: 'running' });
      return jobs[0]!;
    },
    recentJobs: async (_tenant, _group, since) => jobs.filter((j) => j.created >= since),
    clock,
    maxSync: 100,
  });
  return {
    jobs,
    exportAs: (columns = ['email']) =>
      run(adminOf(TENANT), initial.group_uuid, { columns, includeHeader: true, delimiter: ',' }),
    advanceMinutes: (m: number) => void (ms += m * 60_000),
    changeGroup: (g: Partial<Group>) => void (group = { ...group, ...g }),
  };
}

describe('export of a big group', () => {
  it('answers a repeated GET with the job already running, instead of starting another', async () => {
    const s = setup(aGroup({ member_count: 101 }));
    const first = await s.exportAs();
    const again = await s.exportAs();
    expect(again.job?.job_id).toBe(first.job?.job_id);
    expect(s.jobs).toHaveLength(1);
  });

  it('reuses a succeeded job for up to ten minutes, then starts a new one', async () => {
    const s = setup(aGroup({ member_count: 101 }));
    const first = await s.exportAs();
    s.jobs[0]!.status = 'succeeded';
    s.advanceMinutes(9);
    expect((await s.exportAs()).job?.job_id).toBe(first.job?.job_id);
    s.advanceMinutes(2);
    expect((await s.exportAs()).job?.job_id).not.toBe(first.job?.job_id);
  });

  it('starts a new job for other columns, a changed group, or after a failed one', async () => {
    const s = setup(aGroup({ member_count: 101 }));
    const first = (await s.exportAs()).job!.job_id;
    const otherColumns = (await s.exportAs(['email', 'status'])).job!.job_id;
    expect(otherColumns).not.toBe(first);
    s.changeGroup({ modified: '2026-01-01T12:00:01.000Z', member_count: 102 });
    const afterChange = (await s.exportAs()).job!.job_id;
    expect(afterChange).not.toBe(first);
    s.jobs[0]!.status = 'failed';
    expect((await s.exportAs()).job!.job_id).not.toBe(afterChange);
    expect(s.jobs).toHaveLength(4);
  });

  it('answers a small group with the CSV itself', async () => {
    const s = setup(aGroup({ member_count: 100 }));
    expect(await s.exportAs()).toEqual({ csv: 'small' });
    expect(s.jobs).toHaveLength(0);
  });
});
