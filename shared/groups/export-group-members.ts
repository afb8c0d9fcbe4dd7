import { stringify } from 'csv-stringify/sync';
import type { Caller } from '#shared/auth/caller';
import { neutralizeCell } from '#shared/imports/neutralize-cell';
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
    const lines: unknown[][] = options.includeHeader ? [options.columns] : [];
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
    return { csv: stringify(lines as string[][], { delimiter: options.delimiter }), count };
  };

/** Exports a group the caller administers: the CSV itself, or (big groups) the job that writes it. */
export const makeExportGroupMembers =
  <J>(
    groups: Pick<GroupRepository, 'get'>,
    render: ReturnType<typeof makeRenderMembersCsv>,
    startExportJob: (caller: Caller, groupUuid: string, tenant: string, options: ExportOptions) => Promise<J>,
    maxSync = MAX_SYNC_EXPORT,
    throttle: Throttle = unthrottled,
  ) =>
  async (
    caller: Caller,
    groupUuid: string,
    options: ExportOptions,
  ): Promise<{ csv: string; job?: undefined } | { job: J; csv?: undefined }> => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    await throttle('export', caller, group.enterprise_customer_uuid);
    if (group.member_count > maxSync)
      return { job: await startExportJob(caller, groupUuid, group.enterprise_customer_uuid, options) };
    return { csv: (await render(group.enterprise_customer_uuid, groupUuid, options)).csv };
  };
