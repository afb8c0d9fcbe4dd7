import { useEffect, useState } from 'preact/hooks';
import type { paths } from '#local/client/api-client';
import { cursorOf, run } from '../api';
import { ErrorBanner, Pager, when } from '../components';
import { useConsole } from '../context';
import type { Group } from './groups';

type Page =
  paths['/api/v1/enterprise-group/{group_uuid}/history']['get']['responses'][200]['content']['application/json'];
type Entry = Page['results'][number];

const show = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

/** The group's audit trail, newest first, as a timeline. */
export function HistoryTab({ group }: { group: Group }) {
  const { api } = useConsole();
  const [cursor, setCursor] = useState<string>();
  const [page, setPage] = useState<Page>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    run(
      api.GET('/api/v1/enterprise-group/{group_uuid}/history', {
        params: { path: { group_uuid: group.group_uuid }, query: { page_size: 20, ...(cursor && { cursor }) } },
      }),
    ).then(setPage, setError);
  }, [cursor, group.version]);
  return (
    <div>
      <h2>History</h2>
      <ErrorBanner error={error} />
      {page && (
        <>
          <ol class="timeline">
            {page.results.map((entry: Entry, i) => (
              <li key={i}>
                <p>
                  <strong>{entry.action.replace(/_/g, ' ')}</strong> · <time dateTime={entry.at}>{when(entry.at)}</time>{' '}
                  by <code>{entry.actor}</code>
                </p>
                {'changes' in entry && entry.changes && (
                  <ul>
                    {Object.entries(entry.changes as Record<string, { before: unknown; after: unknown }>).map(
                      ([field, c]) => (
                        <li key={field}>
                          {field}: {show(c.before)} → {show(c.after)}
                        </li>
                      ),
                    )}
                  </ul>
                )}
                {'members' in entry && Array.isArray(entry.members) && (
                  <ul>
                    {entry.members.map((m, j) => (
                      <li key={j}>
                        {m.outcome}: {m.pending_learner_email ?? m.learner_uuid ?? '—'}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <Pager first={!cursor} previous={cursorOf(page.previous)} next={cursorOf(page.next)} onPage={setCursor} />
        </>
      )}
    </div>
  );
}
