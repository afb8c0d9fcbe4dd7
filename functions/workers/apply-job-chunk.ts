import { queues } from '#functions/resources';
import { applyJobChunk } from '#shared/jobs/wired-chunk-workers';
import { chunkWorker } from './chunk-worker';

/** Applies one chunk of a bulk job (API bulk calls, recalculations, reverts) per record. */
export const handler = chunkWorker(queues.jobChunks, applyJobChunk, 'job chunk');
