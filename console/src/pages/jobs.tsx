import { useEffect, useState } from 'preact/hooks';
import type { paths } from '#local/client/api-client';
import { cursorOf, run } from '../api';
import { ErrorBanner, Pager, ProgressBar, when } from '../components';
import { useConsole } from '../context';

export type Job = paths['/api/v1/jobs/{job_id}']['get']['responses'][200]['content']['application/json'];
type JobPage = paths['/api/v1/jobs']['get']['responses'][200]['content']['application/json'];
type RowResult =
  paths['/api/v1/jobs/{job_id}/results']['get']['responses'][200]['content']['application/json']['results'][number];

const ENDED = new Set(['succeeded', 'completed_with_errors', 'failed', 'aborted', 'cancelled']);
export const hasEnded = (job: Pick<Job, 'status'>) => ENDED.has(job.status);
/** A job the group's removal guard holds: it waits for an admin, so it is polled slowly. */
const isHeld = (job: Pick<Job, 'status'>) => job.status === 'awaiting_approval';

export function JobsPage() {
  const { api, session } = useConsole();
  const [cursor, setCursor] = useState<string>();
  const [page, setPage] = useState<JobPage>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    run(
      api.GET('/api/v1/jobs', {
        params: { query: { enterprise_uuid: session.tenant, page_size: 25, ...(cursor && { cursor }) } },
      }),
    ).then(
      (data) => current && (setPage(data), setError(undefined)),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [cursor, tick]);

  // While any job on the page runs, the page follows it.
  const running = page?.results.some((j) => !hasEnded(j));
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setTick((n) => n + 1), 1500);
    return () => clearTimeout(timer);
  }, [running, tick]);

  return (
    <section>
      <h1>Jobs</h1>
      <ErrorBanner error={error} />
      {page && (
        <>
          <p>{page.count} jobs, newest first</p>
          <table>
            <caption class="visually-hidden">Jobs of the tenant</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {page.results.map((j) => (
                <tr key={j.job_id}>
                  <td>
                    <a href={`#/jobs/${j.job_id}`}>{j.kind}</a>
                  </td>
                  <td class="wrap">{j.source_key}</td>
                  <td>{j.status}</td>
                  <td>
                    <ProgressBar value={j.progress} label={`Progress of job ${j.kind} ${j.job_id}`} />
                  </td>
                  <td>{when(j.created)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager first={!cursor} previous={cursorOf(page.previous)} next={cursorOf(page.next)} onPage={setCursor} />
        </>
      )}
    </section>
  );
}

/** Polls a job until it ends (every second; every 5 s while it waits for approval), then hands back its final state. */
export function useJob(jobId: string | undefined): { job?: Job; error?: unknown; refresh: (job: Job) => void } {
  const { api } = useConsole();
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!jobId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const poll = async () => {
      try {
        const next = await run(api.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id: jobId } } }));
        if (!current) return;
        setJob(next);
        if (!hasEnded(next)) timer = setTimeout(poll, isHeld(next) ? 5000 : 1000);
      } catch (failure) {
        if (current) setError(failure);
      }
    };
    poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [jobId, generation]);
  // After an approval the job runs again: polling restarts from its new state.
  const refresh = (next: Job) => {
    setJob(next);
    setGeneration((g) => g + 1);
  };
  return { job, error, refresh };
}

export function JobPage({ jobId }: { jobId: string }) {
  const { job, error, refresh } = useJob(jobId);
  return (
    <section>
      <p>
        <a href="#/jobs">← All jobs</a>
      </p>
      <h1>Job {job?.kind ?? ''}</h1>
      <ErrorBanner error={error} />
      {job && isHeld(job) && <HeldRemovals job={job} onDecided={refresh} />}
      {job && <JobProgress job={job} />}
    </section>
  );
}

/**
 * The removals a group's removal guard holds: how many of how many members, some of them, and the
 * admin's two choices. Approving lets the job make its removals as they stand when it runs (a
 * recalculation's, a bulk removal's, an import's); cancelling ends it with nobody removed.
 */
function HeldRemovals({ job, onDecided }: { job: Job; onDecided: (job: Job) => void }) {
  const { api } = useConsole();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const guard = job.guard;
  const decide = async (decision: 'approve' | 'cancel') => {
    setBusy(true);
    setError(undefined);
    try {
      const path = { job_id: job.job_id };
      const next =
        decision === 'approve'
          ? await run(api.POST('/api/v1/jobs/{job_id}/approve', { params: { path } }))
          : await run(api.POST('/api/v1/jobs/{job_id}/cancel', { params: { path } }));
      onDecided(next);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="held" role="region" aria-label="Removals awaiting approval">
      <h2>Removals awaiting approval</h2>
      {guard && (
        <p>
          This job would remove <strong>{guard.would_remove}</strong> of {guard.member_count} members ({guard.percent}
          %), past the group's guard of {guard.max_percent}% and at least {guard.min_removals}. Nobody has been removed
          yet.
        </p>
      )}
      {guard && guard.sample.length > 0 && (
        <ul>
          {guard.sample.map((m) => (
            <li key={m.learner_uuid}>{m.email ?? m.learner_uuid}</li>
          ))}
        </ul>
      )}
      <ErrorBanner error={error} />
      <p>
        <button type="button" disabled={busy} onClick={() => decide('approve')}>
          Approve the removals
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => decide('cancel')}>
          Cancel them
        </button>
      </p>
    </div>
  );
}

/** A job's bar, counters, results file and failed rows (once it has ended). */
export function JobProgress({ job }: { job: Job }) {
  return (
    <div class="job">
      <ProgressBar value={job.progress} label="Job progress" />
      <p role="status" aria-live="polite">
        Status: <strong>{job.status}</strong> · {job.processed} of {job.total} rows processed · {job.succeeded}{' '}
        succeeded · {job.skipped} skipped · {job.failed} failed
      </p>
      {job.error && <p class="error">{job.error}</p>}
      <dl class="counts">
        <dt>Source</dt>
        <dd class="wrap">{job.source_key}</dd>
        <dt>Started</dt>
        <dd>{when(job.started)}</dd>
        <dt>Finished</dt>
        <dd>{when(job.finished)}</dd>
        {Object.entries(job.outcome_counts).map(([outcome, n]) => (
          <>
            <dt key={`t-${outcome}`}>{outcome}</dt>
            <dd key={`d-${outcome}`}>{n}</dd>
          </>
        ))}
      </dl>
      {job.results_file?.download_url && (
        <p>
          <a href={job.results_file.download_url} download>
            Download the results file
          </a>
        </p>
      )}
      {hasEnded(job) && job.failed > 0 && <FailedRows jobId={job.job_id} fileLines={job.source.type === 's3'} />}
    </div>
  );
}

/** An import's rows are numbered by their line in the file; an API job's by their place in the request. */
function FailedRows({ jobId, fileLines }: { jobId: string; fileLines: boolean }) {
  const { api } = useConsole();
  const [rows, setRows] = useState<RowResult[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    run(
      api.GET('/api/v1/jobs/{job_id}/results', {
        params: { path: { job_id: jobId }, query: { outcome: 'failed', page_size: 1000 } },
      }),
    ).then((page) => setRows(page.results), setError);
  }, [jobId]);
  return (
    <div>
      <ErrorBanner error={error} />
      {rows && (
        <table class="row-errors">
          <caption>Rows that failed</caption>
          <thead>
            <tr>
              <th scope="col">{fileLines ? 'Line' : 'Row'}</th>
              <th scope="col">Identifier</th>
              <th scope="col">Code</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.index}>
                <td>{fileLines ? r.index : r.index + 1}</td>
                <td>{r.identifier}</td>
                <td>{r.code ?? r.outcome}</td>
                <td>{r.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
