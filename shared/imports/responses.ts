import * as z from 'zod';
import { apiUrl, isoTime } from '#shared/http/response-schemas';

/** A presigned upload of one CSV: PUT the file to upload.url with exactly upload.headers before expires_at. */
export const ImportUploadAnswer = z.looseObject({
  upload: z.looseObject({ url: z.url(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
  upload_id: z.string(),
  key: z.string(),
  expires_at: isoTime,
  status_url: apiUrl,
});
