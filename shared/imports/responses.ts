import * as z from 'zod';
import { apiUrl, isoTime } from '#shared/http/response-schemas';

/** A presigned upload of one CSV: PUT the file to upload.url with exactly upload.headers before expires_at. */
export const ImportUploadAnswer = z
  .looseObject({
    upload: z.looseObject({ url: z.url(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
    upload_id: z.string(),
    key: z.string(),
    expires_at: isoTime,
    status_url: apiUrl,
  })
  .meta({
    examples: [
      {
        upload: {
          url: 'https://lms-groups-imports.s3.amazonaws.com/imports/4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10/group-members/members.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=3f1c9a',
          method: 'PUT',
          headers: { 'content-type': 'text/csv', 'x-amz-meta-upload-id': 'u-1f2e3d' },
        },
        upload_id: 'u-1f2e3d',
        key: 'imports/4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10/group-members/members.csv',
        expires_at: '2026-11-30T09:30:00.000Z',
        status_url:
          'https://api.example.com/api/v1/jobs/?enterprise_uuid=4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10&source_key=imports%2F4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10%2Fgroup-members%2Fmembers.csv',
      },
    ],
  });
