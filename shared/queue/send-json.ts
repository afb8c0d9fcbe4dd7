import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { backoff } from '#shared/db/backoff';

// Created on first send, not at import: esbuild keeps every module-scope statement of a module the
// bundle imports, so a client built here would ride along in every function that merely imports it.
let client: SQSClient | undefined;
const sqs = () => (client ??= new SQSClient({}));
const ATTEMPTS = 5;

/** Sends one small JSON message (ids, never datasets). */
export async function sendJson(queueUrl: string, body: Record<string, unknown>): Promise<void> {
  await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(body) }));
}

/**
 * Sends many small JSON messages, 10 per call. The entries SQS reports as failed are sent again
 * after a jittered backoff (a message may then arrive twice: consumers are idempotent); still failing
 * after the last attempt, it throws, so nothing is dropped silently.
 */
export async function sendJsonBatch(queueUrl: string, bodies: object[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += 10) {
    let entries = bodies.slice(i, i + 10).map((body, n) => ({ Id: String(n), MessageBody: JSON.stringify(body) }));
    for (let attempt = 0; entries.length > 0; attempt++) {
      if (attempt === ATTEMPTS) throw new Error(`SQS refused ${entries.length} messages after ${ATTEMPTS} attempts`);
      if (attempt > 0) await backoff(attempt, { baseMs: 25, capMs: 1000 });
      const out = await sqs().send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      const failed = new Set((out.Failed ?? []).map((f) => f.Id));
      entries = entries.filter((e) => failed.has(e.Id));
    }
  }
}
