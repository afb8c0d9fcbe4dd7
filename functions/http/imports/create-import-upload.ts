import { learnersRoutes } from '#functions/http/contract/learners';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl } from '#shared/http/list-envelope';
import { created } from '#shared/http/responses';
import { requestImportUpload } from '#shared/imports/wired';

/** POST /api/v1/enterprise-customer/{enterprise_uuid}/imports: a presigned upload of one CSV, bound to tenant, kind and key. */
export const handler = httpHandler(learnersRoutes.CreateImportUpload, async ({ params, body, caller, event }) => {
  const { grant, upload } = await requestImportUpload()(caller, params.enterprise_uuid, body);
  const jobs = `/api/v1/jobs/?enterprise_uuid=${grant.enterprise_customer_uuid}&source_key=${encodeURIComponent(grant.key)}`;
  const status_url = absoluteUrl(event, jobs);
  // 201's Location: where the import of the file, once uploaded, is followed (the grant has no URL of its own).
  return created(
    { upload, upload_id: grant.upload_id, key: grant.key, expires_at: grant.upload_expires, status_url },
    { location: status_url },
  );
});
