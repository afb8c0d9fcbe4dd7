import { useEffect, useState } from 'preact/hooks';
import type { paths } from '#local/client/api-client';
import { ApiError, run } from '../api';
import { ErrorBanner } from '../components';
import { useConsole } from '../context';
import { JobProgress, useJob } from './jobs';

type Kind =
  paths['/api/v1/enterprise-customer/{enterprise_uuid}/imports']['post']['requestBody']['content']['application/json']['kind'];
const KINDS: [Kind, string][] = [
  ['group-members', 'group members (group, identifier, action)'],
  ['learners', 'learners (email, first_name, …)'],
  ['enrollments', 'enrollments (course_id, identifier, action)'],
  ['batch-participants', 'batch participants (batch_id, identifier, action)'],
];

/** A base name the upload route accepts: letters, digits, `.`, `_`, `-`, spaces; ends .csv. */
function uploadName(name: string): string {
  const base = name
    .replace(/\.csv$/i, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '');
  return `${(base || 'upload').slice(0, 190)}.csv`;
}

/**
 * Picks a file and kind, asks the API for an upload grant, PUTs the file to the granted link with its
 * signed headers, then finds the import's job (by the key) and follows it to the end.
 */
export function UploadPage() {
  const { api, session, config } = useConsole();
  const [file, setFile] = useState<File>();
  const [kind, setKind] = useState<Kind>('group-members');
  const [stage, setStage] = useState<'idle' | 'uploading' | 'waiting' | 'following'>('idle');
  const [key, setKey] = useState<string>();
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const { job, error: jobError } = useJob(jobId);

  const upload = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      setError(new ApiError(400, 'no_file', 'Pick a CSV file first.', [{ path: 'body.file', message: 'required' }]));
      return;
    }
    setError(undefined);
    setJobId(undefined);
    setStage('uploading');
    try {
      const grant = await run(
        api.POST('/api/v1/enterprise-customer/{enterprise_uuid}/imports', {
          params: { path: { enterprise_uuid: session.tenant } },
          body: { kind, file_name: uploadName(file.name) },
        }),
      );
      const target = new URL(grant.upload.url);
      // Locally the S3 emulator is another origin without CORS: the stack relays the same signed PUT.
      const url = config.upload_relay ? `${config.upload_relay}${target.pathname}${target.search}` : target.toString();
      const put = await fetch(url, { method: grant.upload.method, headers: grant.upload.headers, body: file });
      if (!put.ok) throw new ApiError(put.status, 'upload_refused', `The storage refused the file (${put.status})`);
      setKey(grant.key);
      setStage('waiting');
    } catch (failure) {
      setError(failure);
      setStage('idle');
    }
  };

  // The import's job appears once storage has told the service about the file.
  useEffect(() => {
    if (stage !== 'waiting' || !key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const look = async () => {
      try {
        const page = await run(
          api.GET('/api/v1/jobs', { params: { query: { enterprise_uuid: session.tenant, source_key: key } } }),
        );
        if (!current) return;
        const found = page.results[0];
        if (found) {
          setJobId(found.job_id);
          setStage('following');
        } else timer = setTimeout(look, 700);
      } catch (failure) {
        if (!current) return;
        setError(failure);
        setStage('idle');
      }
    };
    look();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [stage, key]);

  return (
    <section>
      <h1>CSV upload</h1>
      <form onSubmit={upload} class="upload">
        <div class="field">
          <label for="upload-file">CSV file</label>
          <input
            id="upload-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.currentTarget.files?.[0])}
          />
        </div>
        <div class="field">
          <label for="upload-kind">Kind</label>
          <select id="upload-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <ErrorBanner error={error ?? jobError} />
        <button type="submit" disabled={stage === 'uploading' || stage === 'waiting'}>
          Upload
        </button>
      </form>
      {stage === 'uploading' && <p role="status">Uploading…</p>}
      {stage === 'waiting' && <p role="status">Uploaded; waiting for the import to start…</p>}
      {job && <JobProgress job={job} />}
    </section>
  );
}
