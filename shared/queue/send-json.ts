import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

// Created on first send, not at import: esbuild keeps every module-scope statement of a module the
// bundle imports, so a client built here would ride along in every function that merely imports it.
let client: SQSClient | undefined;
const sqs = () => (client ??= new SQSClient({}));

/** Sends one small JSON message (ids, never datasets). */
export async function sendJson(queueUrl: string, body: Record<string, unknown>): Promise<void> {
  await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(body) }));
}

/** Sends many small JSON messages, 10 per call; throws if any entry is refused (nothing is dropped silently). */
export async function sendJsonBatch(queueUrl: string, bodies: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += 10) {
    let entries = bodies.slice(i, i + 10).map((body, n) => ({ Id: String(n), MessageBody: JSON.stringify(body) }));
    for (let attempt = 0; entries.length > 0; attempt++) {
      const out = await sqs().send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      const failed = new Set((out.Failed ?? []).map((f) => f.Id));
      if (failed.size > 0 && attempt === 4) throw new Error(`SQS refused ${failed.size} messages after 5 attempts`);
      entries = entries.filter((e) => failed.has(e.Id));
    }
  }
}
