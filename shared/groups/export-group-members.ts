import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { csvRecords } from '#shared/imports/csv-records';
import { neutralizeCell } from '#shared/imports/neutralize-cell';
import type { Job, JobStatus } from '#shared/jobs/job';
import type { Learner } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { COUNTED, type Membership } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { GroupRepository } from './group-repository';
import { type Throttle, unthrottled } from '#shared/throttle/throttle';
import { loadAdministeredGroup } from './read-group';

/** Columns an export may have, in Docebo's export-users spirit; each reads a membership and its learner. */
export const EXPORT_COLUMNS: Record<string, (m: Membership, l: Learner | undefined) => unknown> = {
  learner_uuid: (m) => m.learner_uuid,
  email: (m, l) => l?.email ?? m.pending_learner_email,
  username: (_, l) => l?.username,
  first_name: (_, l) => l?.first_name,
  last_name: (_, l) => l?.last_name,
  employee_id: (_, l) => l?.employee_id,
  state_id: (_, l) => l?.state_id,
  branch_id: (_, l) => l?.branch_id,
  status: (m) => m.status,
  source: (m) => m.source,
  membership_uuid: (m) => m.enterprise_group_membership_uuid,
  invited_at: (m) => m.invited_at,
  activated_at: (m) => m.activated_at,
  created: (m) => m.created,
};
export const DEFAULT_EXPORT_COLUMNS = [
  'learner_uuid',
  'email',
  'first_name',
  'last_name',
  'status',
  'source',
  'activated_at',
];

export interface ExportOptions {
  columns: string[];
  includeHeader: boolean;
  delimiter: string;
}

/** Members answered in the HTTP response; larger groups export through a job to a file (Lambda responses stop at 6 MB). */
export const MAX_SYNC_EXPORT = 10_000;

/**
 * The members (active and pending) of a group as CSV, in listing order. Every cell a spreadsheet
 * would run as a formula is neutralised (OWASP CSV injection).
 */
export const makeRenderMembersCsv =
  (memberships: Pick<MembershipRepository, 'list'>, learners: Pick<LearnerRepository, 'getMany'>) =>
  async (tenant: string, groupUuid: string, options: ExportOptions): Promise<{ csv: string; count: number }> => {
    const lines: string[][] = options.includeHeader ? [options.columns] : [];
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await memberships.list({ groupUuid, statuses: [...COUNTED], pageSize: 1000, cursor });
      const details = await learners.getMany(
        tenant,
        page.items.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])),
      );
      for (const m of page.items) {
        const learner = m.learner_uuid ? details.get(m.learner_uuid) : undefined;
        lines.push(options.columns.map((c) => neutralizeCell(EXPORT_COLUMNS[c]!(m, learner))));
      }
      count += page.items.length;
      cursor = page.next ?? undefined;
    } while (cursor);
    return { csv: csvRecords(lines, options.delimiter), count };
  };

/** How long a finished export job is handed out again to the same request on an unchanged group. */
export const EXPORT_REUSE_MINUTES = 10;

/** The source key of a group's export jobs (J3): what reuse and `?source_key=` find them by. */
export const exportSourceKey = (groupUuid: string) => `api:export_members:${groupUuid}`;

/** What an export job writes: the group, the request's options, and the group's state it started from. */
export interface ExportTarget {
  group_uuid: string;
  options: string;
  /** The group's version and last modification (member changes move `modified`, not `version`). */
  group_state: string;
}

export interface ExportDeps {
  groups: Pick<GroupRepository, 'get'>;
  render: ReturnType<typeof makeRenderMembersCsv>;
  startJob: (caller: Caller, tenant: string, target: ExportTarget) => Promise<Job>;
  /** Export jobs of a group created at or after `sinceIso`, newest first. */
  recentJobs: (tenant: string, groupUuid: string, sinceIso: string) => Promise<Job[]>;
  clock: Clock;
  maxSync?: number | undefined;
  throttle?: Throttle | undefined;
}

const REUSABLE: readonly JobStatus[] = ['queued', 'running', 'succeeded'];

/**
 * Exports a group the caller administers: the CSV itself, or (over `maxSync` members) the job that
 * writes it. A big group's export job is reused rather than started again: a GET answers 202 with
 * the newest export job of the group started within EXPORT_REUSE_MINUTES, with the same columns and
 * options, from the same group state (version and modified), that is queued, running or succeeded.
 * Rate-limited (`export`) per caller and tenant, after authorization.
 */
export const makeExportGroupMembers =
  ({ groups, render, startJob, recentJobs, clock, maxSync = MAX_SYNC_EXPORT, throttle = unthrottled }: ExportDeps) =>
  async (
    caller: Caller,
    groupUuid: string,
    options: ExportOptions,
  ): Promise<{ csv: string; job?: undefined } | { job: Job; csv?: undefined }> => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    const tenant = group.enterprise_customer_uuid;
    await throttle('export', caller, tenant);
    if (group.member_count <= maxSync) return { csv: (await render(tenant, groupUuid, options)).csv };
    const target: ExportTarget = {
      group_uuid: groupUuid,
      options: JSON.stringify(options),
      group_state: `${group.version}@${group.modified}`,
    };
    const since = new Date(Date.parse(clock.now()) - EXPORT_REUSE_MINUTES * 60_000).toISOString();
    const reusable = (await recentJobs(tenant, groupUuid, since)).find(
      (job) =>
        REUSABLE.includes(job.status) &&
        job.target.options === target.options &&
        job.target.group_state === target.group_state,
    );
    return { job: reusable ?? (await startJob(caller, tenant, target)) };
  };
