import type { Job } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { type GroupMemberPorts, resolveGroup } from './apply-group-member-rows';

/**
 * The groups a group-members import named: its rows' `group` cells, each resolved once as the import
 * resolved it (a uuid of the tenant's, else an external id, else a name); cells naming no group are left out.
 */
export const makeImportedGroups =
  (ports: Pick<GroupMemberPorts, 'getGroup' | 'findGroup'> & { jobs: Pick<JobRepository, 'getChunk'> }) =>
  async (job: Job): Promise<string[]> => {
    const cells = new Set<string>();
    for (let chunk = 0; chunk < (job.chunks_total ?? 0); chunk++)
      for (const row of (await ports.jobs.getChunk(job.job_id, chunk)) ?? [])
        cells.add(String(row.input.group ?? '').trim());
    const found = new Set<string>();
    for (const cell of cells) {
      const group = cell ? await resolveGroup(ports, job.enterprise_customer_uuid, cell) : undefined;
      if (group) found.add(group.group_uuid);
    }
    return [...found];
  };
