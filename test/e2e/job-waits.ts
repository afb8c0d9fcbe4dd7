/**
 * Waiting on jobs and on the notification outbox over HTTP, bounded: what e2e suites poll for. Each
 * throws with the last answer once its time is up, so a stuck job fails the test that waited on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { api, outboxFile } from './client';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response fields
type Json = any;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ended = (status: string) => !['queued', 'running'].includes(status);

/** Polls a job (its id, or its status URL as a 202 gives it) until it ends; its last answer. */
export async function jobEnded(token: string, job: string, timeoutMs = 240_000, everyMs = 250): Promise<Json> {
  const url = job.includes('/') ? job : `/api/v1/jobs/${job}/`;
  for (const deadline = Date.now() + timeoutMs; ; await pause(everyMs)) {
    const answer = await api('GET', url, { token });
    expect(answer.status, answer.text).toBe(200);
    if (ended(answer.json.status)) return answer.json;
    if (Date.now() > deadline)
      throw new Error(`job still ${answer.json.status} after ${timeoutMs} ms: ${JSON.stringify(answer.json)}`);
  }
}

/** The newest job of a source key (a dropped file's S3 key) in a tenant, once it is listed. */
export const jobOfSource = (token: string, tenant: string, sourceKey: string, timeoutMs = 60_000) =>
  newestOfSource(token, tenant, sourceKey, timeoutMs, () => true);

/** The newest job of a source key in a tenant, once it has ended. */
export const endedJobOfSource = (token: string, tenant: string, sourceKey: string, timeoutMs = 60_000) =>
  newestOfSource(token, tenant, sourceKey, timeoutMs, (job) => ended(job.status));

async function newestOfSource(
  token: string,
  tenant: string,
  sourceKey: string,
  timeoutMs: number,
  done: (job: Json) => boolean,
): Promise<Json> {
  const url = `/api/v1/jobs/?enterprise_uuid=${tenant}&source_key=${encodeURIComponent(sourceKey)}`;
  for (const deadline = Date.now() + timeoutMs; ; await pause(250)) {
    const job = (await api('GET', url, { token })).json.results?.[0] as Json | undefined;
    if (job && done(job)) return job;
    if (Date.now() > deadline)
      throw new Error(`no such job for ${sourceKey} after ${timeoutMs} ms: ${JSON.stringify(job)}`);
  }
}

export interface Notice {
  to: string;
  template: string;
  context: Record<string, unknown>;
}

/** The outbox's messages to `address`, once there is one (or none after the timeout). */
export async function noticesTo(address: string, timeoutMs = 30_000): Promise<Notice[]> {
  for (const deadline = Date.now() + timeoutMs; ; await pause(200)) {
    const found = existsSync(outboxFile)
      ? readFileSync(outboxFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Notice)
          .filter((m) => m.to === address)
      : [];
    if (found.length > 0 || Date.now() > deadline) return found;
  }
}
