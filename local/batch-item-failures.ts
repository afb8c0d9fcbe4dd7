import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

/**
 * The records a worker reported in batchItemFailures (ReportBatchItemFailures). Lambda's rule: an
 * identifier that is missing or not in the batch fails the whole batch; no response is full success.
 */
export function reportedFailures(result: unknown, event: SQSEvent): Set<string> | 'all' {
  const failures = (result as SQSBatchResponse | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return 'all';
  const ids = new Set(event.Records.map((record) => record.messageId));
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = failure?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) return 'all';
    failed.add(id);
  }
  return failed;
}
