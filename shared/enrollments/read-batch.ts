import { administers, type Caller } from '#shared/auth/caller';
import { NotFoundError } from '#shared/errors';
import type { Batch } from './batch';
import type { BatchRepository } from './batch-repository';

export const batchNotFound = (batchId: string) => new NotFoundError('batch_not_found', `No batch ${batchId}`);

/** The batch, if the caller administers its tenant; other tenants' batches read as missing. */
export async function loadAdministeredBatch(
  batches: Pick<BatchRepository, 'get'>,
  caller: Caller,
  batchId: string,
): Promise<Batch> {
  const batch = await batches.get(batchId);
  if (!batch || !administers(caller, batch.enterprise_customer_uuid)) throw batchNotFound(batchId);
  return batch;
}

export const makeGetBatch = (batches: Pick<BatchRepository, 'get'>) => (caller: Caller, batchId: string) =>
  loadAdministeredBatch(batches, caller, batchId);
