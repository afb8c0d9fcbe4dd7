import type { Caller } from '#shared/auth/caller';
import type { IdGenerator } from '#shared/clock';
import { TooManyIdentifiersError } from '#shared/errors';
import type { ParticipantsChunk } from './apply-batch-participants';
import type { BatchRepository } from './batch-repository';
import { type ParticipantResult, summarizeParticipants } from './participant-outcomes';
import { loadAdministeredBatch } from './read-batch';
import { type IdentifierType, MAX_SYNC_PAIRS } from './schemas';

export interface ChangeParticipantsDeps {
  batches: Pick<BatchRepository, 'get'>;
  apply: (chunk: ParticipantsChunk) => Promise<ParticipantResult[]>;
  ids: IdGenerator;
}

/**
 * participants/add and participants/remove of a batch the caller administers, up to MAX_SYNC_PAIRS
 * identifiers (`too_many_identifiers` beyond, before anything is written). Answers every
 * identifier's outcome and the batch's exact `participant_count` afterwards.
 */
export const makeChangeBatchParticipants =
  ({ batches, apply, ids }: ChangeParticipantsDeps) =>
  async (
    caller: Caller,
    batchId: string,
    action: 'add' | 'remove',
    input: { identifiers: string[]; identifier_type: IdentifierType },
  ) => {
    await loadAdministeredBatch(batches, caller, batchId);
    if (input.identifiers.length > MAX_SYNC_PAIRS)
      throw new TooManyIdentifiersError(MAX_SYNC_PAIRS, input.identifiers.length, 'body.identifiers');
    const rows = await apply({
      batchId,
      action,
      identifierType: input.identifier_type,
      identifiers: input.identifiers,
      actor: caller.sub,
      opId: ids.uuid(),
    });
    const after = await batches.get(batchId);
    return { batch_id: batchId, participant_count: after?.participant_count ?? 0, ...summarizeParticipants(rows) };
  };
