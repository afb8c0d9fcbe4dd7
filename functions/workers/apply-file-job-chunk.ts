import { queues } from '#functions/resources';
import { applyFileJobChunk } from '#shared/jobs/wired-chunk-workers';
import { chunkWorker } from './chunk-worker';

/** Applies one chunk of a file job (a CSV import, an export) per record, and writes an import's results file when it finishes one. */
export const handler = chunkWorker(queues.fileJobChunks, applyFileJobChunk, 'file job chunk');
