import { describe, expect, it } from 'vitest';
import { ObjectReplacedError } from '#shared/imports/object-replaced-error';
import type { Caller } from '#shared/auth/caller';
import { ForbiddenError } from '#shared/errors';
import { parseImportKey } from '#shared/imports/csv-kinds';
import { makeRequestImportUpload } from '#shared/imports/request-import-upload';
import { FileName, type UploadGrant, uploadMetadata } from '#shared/imports/upload-grant';
import { makeVerifyUpload } from '#shared/imports/verify-upload';
import { adminOf, fixedClock, OTHER_TENANT, sequentialIds, staff, TENANT } from '#test/unit/shared/fakes';

const learner: Caller = { ...adminOf(TENANT), sub: 'learner-1', roles: new Set(['learner']) };

/** Grants in memory, with the repository's one-file-per-grant claim. */
function fakeGrants() {
  const grants = new Map<string, UploadGrant>();
  return {
    grants,
    put: async (grant: UploadGrant) => void grants.set(grant.upload_id, { ...grant }),
    get: async (id: string) => grants.get(id),
    claim: async (id: string, etag: string) => {
      const grant = grants.get(id);
      if (!grant || (grant.used_etag !== undefined && grant.used_etag !== etag)) return false;
      grant.used_etag = etag;
      return true;
    },
  };
}

function setup() {
  const grants = fakeGrants();
  const request = makeRequestImportUpload({
    grants,
    presignPut: async (key, metadata, contentType) => ({
      url: `https://bucket.example/${key}?signed`,
      method: 'PUT',
      headers: { 'content-type': contentType, ...metadata },
    }),
    clock: fixedClock('2026-01-01T00:00:00.000Z'),
    ids: sequentialIds(),
  });
  /** What S3 holds: each key's metadata and when it was stored. */
  const stored = new Map<string, { metadata: Record<string, string>; stored: string }>();
  const verify = makeVerifyUpload({
    objects: { describe: async (_bucket, key) => stored.get(key)! },
    grants,
  });
  const drop = (key: string, metadata: Record<string, string>, at = '2026-01-01T00:05:00.000Z', etag = 'e1') => {
    stored.set(key, { metadata, stored: at });
    return verify({ bucket: 'b', key, etag, size: 10 });
  };
  return { grants, request, drop };
}

describe('requesting an upload', () => {
  it('records a grant for the caller, tenant, kind and a key of its own, and signs its metadata into the link', async () => {
    const { grants, request } = setup();
    const { grant, upload } = await request(adminOf(TENANT), TENANT, { kind: 'learners', file_name: 'people.csv' });
    expect(grant).toMatchObject({
      enterprise_customer_uuid: TENANT,
      kind: 'learners',
      key: `imports/${TENANT}/learners/${grant.upload_id}/people.csv`,
      uploader_issuer: 'https://idp.test',
      uploader_sub: 'admin-1',
      upload_expires: '2026-01-01T00:15:00.000Z',
    });
    expect(grants.grants.get(grant.upload_id)).toEqual(grant);
    expect(upload.headers).toEqual({ 'content-type': 'text/csv', ...uploadMetadata(grant) });
    expect(parseImportKey(grant.key)).toEqual({
      tenant: TENANT,
      kind: 'learners',
      file: `${grant.upload_id}/people.csv`,
    });
  });

  it('refuses an admin of another tenant and a learner, and records nothing; staff may', async () => {
    const { grants, request } = setup();
    await expect(request(adminOf(OTHER_TENANT), TENANT, { kind: 'learners', file_name: 'a.csv' })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(request(learner, TENANT, { kind: 'learners', file_name: 'a.csv' })).rejects.toThrow(ForbiddenError);
    expect(grants.grants.size).toBe(0);
    await request(staff, TENANT, { kind: 'learners', file_name: 'a.csv' });
    expect(grants.grants.size).toBe(1);
  });

  it('accepts only a safe base name ending in .csv, of at most 200 characters', () => {
    for (const name of ['people.csv', 'Q3 export_v2-final.CSV', `${'a'.repeat(196)}.csv`])
      expect(FileName.safeParse(name).success, name).toBe(true);
    for (const name of [
      '../x.csv',
      'a/b.csv',
      '.hidden.csv',
      'people.txt',
      'a\u0000.csv',
      `${'a'.repeat(197)}.csv`,
      '',
    ])
      expect(FileName.safeParse(name).success, name).toBe(false);
  });
});

describe('verifying a dropped file', () => {
  it('trusts a file stored under its grant, and names the uploader', async () => {
    const { request, drop } = setup();
    const { grant } = await request(adminOf(TENANT), TENANT, { kind: 'learners', file_name: 'p.csv' });
    expect(await drop(grant.key, uploadMetadata(grant))).toEqual({
      granted: true,
      grant: expect.objectContaining({ uploader_sub: 'admin-1' }),
    });
    // The same object again (a redelivered event) still passes.
    expect((await drop(grant.key, uploadMetadata(grant))).granted).toBe(true);
  });

  it('refuses a file replaced after its upload event, reading the metadata of the announced version only', async () => {
    const { grants, request } = setup();
    const { grant } = await request(adminOf(TENANT), TENANT, { kind: 'learners', file_name: 'p.csv' });
    const versions: string[] = [];
    const verify = makeVerifyUpload({
      objects: {
        describe: async (_bucket, _key, etag) => {
          versions.push(String(etag));
          throw new ObjectReplacedError('replaced');
        },
      },
      grants,
    });
    expect(await verify({ bucket: 'b', key: grant.key, etag: 'e1', size: 10 })).toEqual({
      granted: false,
      reason: expect.stringMatching(/replaced after its upload event/),
    });
    expect(versions).toEqual(['e1']);
    await expect(grants.get(grant.upload_id)).resolves.not.toHaveProperty('used_etag');
  });

  it('refuses a file without grant metadata, or naming an upload id that was never granted', async () => {
    const { drop } = setup();
    const key = `imports/${TENANT}/learners/direct.csv`;
    expect(await drop(key, {})).toMatchObject({ granted: false, reason: expect.stringMatching(/no upload grant/) });
    const forged = {
      'upload-id': '99999999-9999-4999-8999-999999999999',
      'enterprise-uuid': TENANT,
      kind: 'learners',
      'uploader-issuer': 'https://idp.test',
      'uploader-sub': 'admin-1',
    };
    expect(await drop(key, forged)).toMatchObject({ granted: false, reason: expect.stringMatching(/not granted/) });
  });

  it("refuses a grant's metadata on another key, tenant or kind, altered metadata, a late file and a second file", async () => {
    const { request, drop } = setup();
    const { grant } = await request(adminOf(TENANT), TENANT, { kind: 'learners', file_name: 'p.csv' });
    const metadata = uploadMetadata(grant);
    for (const key of [
      `imports/${OTHER_TENANT}/learners/${grant.upload_id}/p.csv`,
      `imports/${TENANT}/group-members/${grant.upload_id}/p.csv`,
      `imports/${TENANT}/learners/${grant.upload_id}/other.csv`,
    ])
      expect(await drop(key, metadata), key).toMatchObject({
        granted: false,
        reason: expect.stringMatching(/another key/),
      });
    expect(await drop(grant.key, { ...metadata, 'uploader-sub': 'someone-else' })).toMatchObject({
      granted: false,
      reason: expect.stringMatching(/does not match/),
    });
    expect(await drop(grant.key, metadata, '2026-01-01T00:15:01.000Z')).toMatchObject({
      granted: false,
      reason: expect.stringMatching(/after upload .* expired/),
    });
    expect((await drop(grant.key, metadata, undefined, 'first')).granted).toBe(true);
    expect(await drop(grant.key, metadata, undefined, 'second')).toMatchObject({
      granted: false,
      reason: expect.stringMatching(/already used/),
    });
  });

  it('reads a tenant only from a real uuid in the key', () => {
    expect(parseImportKey(`imports/${TENANT}/learners/a.csv`)?.tenant).toBe(TENANT);
    expect(parseImportKey(`imports/${'-'.repeat(36)}/learners/a.csv`)).toBeUndefined();
    expect(parseImportKey(`imports/${'a'.repeat(36)}/learners/a.csv`)).toBeUndefined();
    expect(parseImportKey(`imports/${TENANT.replaceAll('-', 'f')}/learners/a.csv`)).toBeUndefined();
  });
});
