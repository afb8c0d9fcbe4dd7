import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { once } from '#shared/once';
import { uploadGrants } from '#shared/repositories';
import { objectStore } from './object-store';
import { presignedLinks } from './presigned-links';
import { makeRequestImportUpload } from './request-import-upload';
import { makeVerifyUpload } from './verify-upload';

/** The upload route's use case: a grant recorded, a presigned PUT into the imports bucket. */
export const requestImportUpload = /* @__PURE__ */ once(() =>
  makeRequestImportUpload({
    grants: uploadGrants(),
    presignPut: (key, metadata, contentType, seconds) =>
      presignedLinks().presignedPut(config.importsBucket, key, metadata, contentType, seconds),
    clock: systemClock,
    ids: randomIds,
  }),
);

/** The import's check that a drop came through a grant. */
export const verifyUpload = /* @__PURE__ */ once(() =>
  makeVerifyUpload({ objects: objectStore, grants: uploadGrants() }),
);
