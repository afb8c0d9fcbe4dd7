import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import type { Batch } from './batch';
import type { BatchRepository } from './batch-repository';

export interface CreateBatchInput {
  name: string;
  enrollment_type: Batch['enrollment_type'];
  enterprise_customer_uuid: string;
}

/** Creates an empty batch of a course for a tenant the caller administers. */
export const makeCreateBatch =
  (batches: Pick<BatchRepository, 'create'>, clock: Clock, ids: IdGenerator) =>
  async (caller: Caller, courseId: string, input: CreateBatchInput): Promise<Batch> => {
    assertAdministers(caller, input.enterprise_customer_uuid);
    const now = clock.now();
    const batch: Batch = {
      batch_id: ids.uuid(),
      course_id: courseId,
      enterprise_customer_uuid: input.enterprise_customer_uuid,
      name: input.name,
      enrollment_type: input.enrollment_type,
      participant_count: 0,
      created_by: caller.sub,
      created: now,
      modified: now,
    };
    await batches.create(batch);
    return batch;
  };
