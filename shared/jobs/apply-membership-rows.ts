import type { makeAssignLearners } from '#shared/memberships/assign-learners';
import type { RowApplier } from './apply-job-chunk';
import type { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { jobCaller, type JobRow, type RowResult } from './job';
import { byIndex, domainFailures, splitRejected } from './job-rows';

type Assign = ReturnType<typeof makeAssignLearners>;
type Remove = ReturnType<typeof makeRemoveLearners>;

/** A membership row: one identifier, a learner uuid or an e-mail. */
export interface IdentifierRow {
  identifier: string;
  type: 'uuid' | 'email';
}

type Summary = Awaited<ReturnType<Assign>>;

type Found = { outcome: string; message?: string | undefined; member?: string | undefined };

/** A row's result from its identifier's outcome; a pending removal keeps the group and member it names. */
export function rowResult(row: JobRow, groupUuid: string, found: Found | undefined): RowResult {
  const identifier = String(row.input.identifier);
  if (!found)
    return {
      index: row.index,
      identifier,
      outcome: 'failed',
      code: 'internal_error',
      message: 'no outcome was produced',
    };
  return {
    index: row.index,
    identifier,
    outcome: found.outcome,
    code: found.outcome,
    message: found.message,
    ...(found.member ? { pending_removal: { group_uuid: groupUuid, member: found.member } } : {}),
  };
}

/** Maps a use case's per-identifier summary back onto the rows it came from. */
export function rowsFromSummary(rows: JobRow[], summary: Summary, groupUuid: string): RowResult[] {
  const byIdentifier = new Map<string, Found>();
  for (const r of [...summary.results, ...summary.skipped, ...summary.errors]) byIdentifier.set(r.identifier, r);
  return rows.map((row) => rowResult(row, groupUuid, byIdentifier.get(String(row.input.identifier))));
}

/**
 * Applies one chunk of a large assign or remove with the same use cases as the synchronous API, under
 * the chunk's operation id: a redelivered chunk reports the same outcomes and changes nothing. A
 * decision about the whole group (deleted, inactive) fails every row with its code. In a group with a
 * removal guard a remove chunk removes no one: its members are `removal_pending` until the job's
 * finish step counts them against the guard (finish-pending-removals.ts).
 */
export const makeApplyMembershipRows =
  (assign: Assign, remove: Remove): RowApplier =>
  async (job, rows, opId) => {
    const { rejected, rest } = splitRejected(rows);
    // home_group / permissions of the original call apply to every chunk.
    const settings = job.target.settings ? (JSON.parse(job.target.settings) as Record<string, unknown>) : {};
    const input = {
      ...settings,
      learner_uuids: rest.filter((r) => r.input.type === 'uuid').map((r) => String(r.input.identifier)),
      learner_emails: rest.filter((r) => r.input.type === 'email').map((r) => String(r.input.identifier)),
    };
    const groupUuid = job.target.group_uuid!;
    try {
      const summary =
        job.kind === 'remove_learners'
          ? await remove(jobCaller(job), groupUuid, input, { opId, deferIfGuarded: true })
          : await assign(jobCaller(job), groupUuid, input, { opId });
      return [...rejected, ...rowsFromSummary(rest, summary, groupUuid)].sort(byIndex);
    } catch (error) {
      return [...rejected, ...domainFailures(rest, error)].sort(byIndex);
    }
  };
