import * as z from 'zod';
import type { RowApplier } from '#shared/jobs/apply-job-chunk';
import type { UniqueKind } from '#shared/db/keys';
import { DomainError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import { normalizeName } from '#shared/groups/group';
import { jobCaller, type JobRow, type RowResult } from '#shared/jobs/job';
import { splitRejected } from '#shared/jobs/job-rows';
import { normalizeEmail } from '#shared/learners/learner';
import type { makeAssignLearners } from '#shared/memberships/assign-learners';
import type { makeRemoveLearners } from '#shared/memberships/remove-learners';

export interface GroupMemberPorts {
  assign: ReturnType<typeof makeAssignLearners>;
  remove: ReturnType<typeof makeRemoveLearners>;
  getGroup: (groupUuid: string) => Promise<Group | undefined>;
  findGroup: (tenant: string, kind: UniqueKind, value: string) => Promise<Group | undefined>;
  /** Learner uuids by e-mail, employee id or state id, in a tenant. */
  findLearners: (
    tenant: string,
    kind: 'EMAIL' | 'EMPLOYEE_ID' | 'STATE_ID',
    values: string[],
  ) => Promise<Map<string, string>>;
}

const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** A `group` cell: a group uuid, an external id, or an exact (case-insensitive) name, of the job's tenant. */
export async function resolveGroup(
  ports: Pick<GroupMemberPorts, 'getGroup' | 'findGroup'>,
  tenant: string,
  cell: string,
): Promise<Group | undefined> {
  if (isUuid(cell)) {
    const group = await ports.getGroup(cell.toLowerCase());
    return group?.enterprise_customer_uuid === tenant ? group : undefined;
  }
  return (
    (await ports.findGroup(tenant, 'GROUP_EXTERNAL_ID', cell)) ??
    ports.findGroup(tenant, 'GROUP_NAME', normalizeName(cell))
  );
}

interface Planned {
  row: JobRow;
  identifier: string;
  type: 'uuid' | 'email';
}

/**
 * Applies a chunk of a `group-members` CSV: each row names a group (uuid, external id or name), an
 * identifier (learner uuid, e-mail, employee id or state id) and an action (add, the default, or
 * remove). Rows are grouped by group and action and applied with the API's own use cases under the
 * chunk's operation id, so a replay reports the same outcomes. Bad rows fail alone.
 */
export const makeApplyGroupMemberRows =
  (ports: GroupMemberPorts): RowApplier =>
  async (job, rows, opId) => {
    const tenant = job.enterprise_customer_uuid;
    const { rejected, rest } = splitRejected(rows);
    const results: RowResult[] = [...rejected];
    const fail = (row: JobRow, code: string, message: string) =>
      results.push({
        index: row.index,
        identifier: String(row.input.identifier ?? ''),
        outcome: code === 'not_found' ? 'not_found' : 'failed',
        code,
        message,
      });

    const cells = rest.map((r) => String(r.input.identifier ?? '').trim());
    const others = cells.filter((id) => id && !isUuid(id) && !id.includes('@'));
    // E-mails of existing learners resolve here too, so that a learner named on two rows (by e-mail and
    // by uuid, say) is applied on its first row and the later one is the duplicate, as the file reads.
    const emails = cells.filter((id) => id.includes('@')).map(normalizeEmail);
    const [byEmployee, byState, byEmail] = await Promise.all([
      ports.findLearners(tenant, 'EMPLOYEE_ID', others),
      ports.findLearners(tenant, 'STATE_ID', others),
      ports.findLearners(tenant, 'EMAIL', emails),
    ]);
    const groups = new Map<string, Group | undefined>();
    const buckets = new Map<string, { group: Group; action: 'add' | 'remove'; planned: Planned[] }>();
    for (const row of rest) {
      const groupCell = String(row.input.group ?? '').trim();
      const raw = String(row.input.identifier ?? '').trim();
      const action =
        String(row.input.action ?? '')
          .trim()
          .toLowerCase() || 'add';
      if (!groupCell) {
        fail(row, 'validation_error', 'the group column is empty');
        continue;
      }
      if (!raw) {
        fail(row, 'validation_error', 'the identifier column is empty');
        continue;
      }
      if (action !== 'add' && action !== 'remove') {
        fail(row, 'validation_error', `action must be add or remove, not "${action}"`);
        continue;
      }
      if (!groups.has(groupCell)) groups.set(groupCell, await resolveGroup(ports, tenant, groupCell));
      const group = groups.get(groupCell);
      if (!group) {
        fail(row, 'group_not_found', `no group "${groupCell}" in this enterprise`);
        continue;
      }
      const learner = isUuid(raw)
        ? raw.toLowerCase()
        : raw.includes('@')
          ? byEmail.get(normalizeEmail(raw))
          : (byEmployee.get(raw) ?? byState.get(raw));
      if (!isUuid(raw) && !raw.includes('@') && !learner) {
        fail(row, 'not_found', `no learner with employee id or state id "${raw}"`);
        continue;
      }
      const planned: Planned = learner
        ? { row, identifier: learner, type: 'uuid' }
        : { row, identifier: normalizeEmail(raw), type: 'email' };
      const key = `${group.group_uuid}#${action}`;
      const bucket = buckets.get(key) ?? { group, action, planned: [] };
      buckets.set(key, bucket);
      if (bucket.planned.some((p) => p.identifier === planned.identifier)) {
        results.push({
          index: row.index,
          identifier: raw,
          outcome: 'duplicate_in_request',
          code: 'duplicate_in_request',
          message: 'an earlier row of this file says the same',
        });
      } else bucket.planned.push(planned);
    }

    for (const { group, action, planned } of buckets.values()) {
      const input = {
        learner_uuids: planned.filter((p) => p.type === 'uuid').map((p) => p.identifier),
        learner_emails: planned.filter((p) => p.type === 'email').map((p) => p.identifier),
      };
      const bucketOp = `${opId}#${group.group_uuid}#${action}`;
      try {
        // A removal in a group with a removal guard waits for the job's finish step to count it.
        const summary =
          action === 'add'
            ? await ports.assign(jobCaller(job), group.group_uuid, input, { opId: bucketOp })
            : await ports.remove(jobCaller(job), group.group_uuid, input, { opId: bucketOp, deferIfGuarded: true });
        const byIdentifier = new Map<string, { outcome: string; message?: string | undefined; member?: string }>(
          [...summary.results, ...summary.skipped, ...summary.errors].map((r) => [r.identifier, r]),
        );
        for (const p of planned) {
          const r = byIdentifier.get(p.identifier);
          results.push({
            index: p.row.index,
            identifier: String(p.row.input.identifier),
            outcome: r?.outcome ?? 'failed',
            code: r?.outcome ?? 'internal_error',
            message: r?.message,
            ...(r?.member ? { pending_removal: { group_uuid: group.group_uuid, member: r.member } } : {}),
          });
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const p of planned) fail(p.row, error.code, error.message);
      }
    }
    return results.sort((a, b) => a.index - b.index);
  };
