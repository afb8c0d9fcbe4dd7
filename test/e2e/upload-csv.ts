import { expect } from 'vitest';
import { api } from './client';

/** The 201 answer of POST /api/v1/enterprise-customer/{enterprise_uuid}/imports. */
export interface ImportUpload {
  upload: { url: string; method: 'PUT'; headers: Record<string, string> };
  upload_id: string;
  key: string;
  expires_at: string;
  status_url: string;
}

/** Asks the API for an upload of one CSV, as `token`. */
export async function requestUpload(token: string, tenant: string, kind: string, fileName: string) {
  const answer = await api('POST', `/api/v1/enterprise-customer/${tenant}/imports`, {
    token,
    body: { kind, file_name: fileName },
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.json as ImportUpload;
}

/**
 * Drops a CSV the way a client does: an upload from the API, then a plain PUT of the file to its
 * link with its signed headers. Returns the key the import job is found by (its `source_key`).
 */
export async function uploadCsv(
  token: string,
  tenant: string,
  kind: string,
  body: string | Uint8Array,
  fileName = 'drop.csv',
): Promise<string> {
  const { upload, key } = await requestUpload(token, tenant, kind, fileName);
  const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body });
  expect(put.status, await put.text()).toBe(200);
  return key;
}
