import { useEffect, useState } from 'preact/hooks';
import type { paths } from '#local/client/api-client';
import { cursorOf, run } from '../api';
import { ErrorBanner, Pager, when } from '../components';
import { useConsole } from '../context';
import type { Group } from './groups';

type Query = NonNullable<paths['/api/v1/enterprise-group/{group_uuid}/learners']['get']['parameters']['query']>;
type Page =
  paths['/api/v1/enterprise-group/{group_uuid}/learners']['get']['responses'][200]['content']['application/json'];
type Member = Page['results'][number];
type AssignAnswer =
  paths['/api/v1/enterprise-group/{group_uuid}/assign_learners']['post']['responses'][200]['content']['application/json'];
type Permission = NonNullable<
  paths['/api/v1/enterprise-group/{group_uuid}/assign_learners']['post']['requestBody']['content']['application/json']['permissions']
>[number];
interface Outcome {
  identifier: string;
  outcome: string;
  message?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERMISSIONS: Permission[] = [
  'MANAGE_GROUP',
  'MANAGE_GROUP_COURSES',
  'MANAGE_GROUP_USERS',
  'MANAGE_USERS',
  'PROCTOR',
  'MARKER',
  'INSTRUCTOR',
  'VIEW_LEARNER_RESULTS',
];

/** Identifiers as typed: uuids are learners, anything else an e-mail (the API judges each one). */
function splitIdentifiers(text: string) {
  const all = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { learner_uuids: all.filter((s) => UUID.test(s)), learner_emails: all.filter((s) => !UUID.test(s)) };
}

export function MembersTab({ group, onChanged }: { group: Group; onChanged: () => void }) {
  const { api } = useConsole();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Query['status'] | ''>('');
  const [source, setSource] = useState<Query['source'] | ''>('');
  const [cursor, setCursor] = useState<string>();
  const [page, setPage] = useState<Page>();
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reload, setReload] = useState(0);
  const path = { group_uuid: group.group_uuid };

  useEffect(() => {
    let current = true;
    const query: Query = { page_size: 25 };
    if (search.trim()) query.search = search.trim();
    if (status) query.status = status;
    if (source) query.source = source;
    if (cursor) query.cursor = cursor;
    run(api.GET('/api/v1/enterprise-group/{group_uuid}/learners', { params: { path, query } })).then(
      (data) => current && (setPage(data), setError(undefined)),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [search, status, source, cursor, reload]);

  const changed = () => {
    setSelected(new Set());
    setReload((n) => n + 1);
    onChanged();
  };

  const removeSelected = async () => {
    const chosen = page?.results.filter((m) => selected.has(m.enterprise_group_membership_uuid)) ?? [];
    const body = {
      learner_uuids: chosen.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])),
      learner_emails: chosen.flatMap((m) =>
        !m.learner_uuid && m.pending_learner_email ? [m.pending_learner_email] : [],
      ),
    };
    try {
      await run(api.POST('/api/v1/enterprise-group/{group_uuid}/remove_learners', { params: { path }, body }));
      changed();
    } catch (failure) {
      setError(failure);
    }
  };

  const exportCsv = async () => {
    try {
      const csv = await run(
        api.GET('/api/v1/enterprise-group/{group_uuid}/export', {
          params: { path, query: { include_header: 'true' } },
          parseAs: 'text',
        }),
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv as string], { type: 'text/csv' }));
      link.download = `${group.name.replace(/[^\w.-]+/g, '_')}-members.csv`;
      link.click();
      // Revoked once the browser has surely read it (revoking at once can cancel the download).
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (failure) {
      setError(failure);
    }
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div>
      <h2>Members</h2>
      {group.type === 'manual' && <AddMembers group={group} onAdded={changed} />}
      <h3>Current members</h3>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="member-search">Search e-mail or name</label>
          <input
            id="member-search"
            type="search"
            value={search}
            onInput={(e) => (setCursor(undefined), setSearch(e.currentTarget.value))}
          />
        </div>
        <div class="field">
          <label for="member-status">Status</label>
          <select
            id="member-status"
            value={status}
            onChange={(e) => (setCursor(undefined), setStatus(e.currentTarget.value as Query['status']))}
          >
            <option value="">active and pending</option>
            <option value="active">active</option>
            <option value="pending">pending</option>
            <option value="removed">removed</option>
          </select>
        </div>
        <div class="field">
          <label for="member-source">Source</label>
          <select
            id="member-source"
            value={source}
            onChange={(e) => (setCursor(undefined), setSource(e.currentTarget.value as Query['source']))}
          >
            <option value="">any</option>
            <option value="manual">added by hand</option>
            <option value="rule">by the rules</option>
            <option value="import">by an import</option>
          </select>
        </div>
      </form>
      <p>
        <button type="button" onClick={exportCsv}>
          Export as CSV
        </button>{' '}
        <button type="button" disabled={selected.size === 0} onClick={removeSelected}>
          Remove selected ({selected.size})
        </button>
      </p>
      <ErrorBanner error={error} />
      {page && (
        <>
          <p aria-live="polite">
            {page.count} member{page.count === 1 ? '' : 's'}
          </p>
          <table>
            <caption class="visually-hidden">Members of {group.name}</caption>
            <thead>
              <tr>
                <th scope="col">Select</th>
                <th scope="col">E-mail</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Source</th>
                <th scope="col">Home group</th>
                <th scope="col">Permissions</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {page.results.map((m: Member) => {
                const email = m.member_details.user_email ?? m.pending_learner_email ?? m.learner_uuid ?? '';
                return (
                  <tr key={m.enterprise_group_membership_uuid}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${email}`}
                        checked={selected.has(m.enterprise_group_membership_uuid)}
                        onChange={() => toggle(m.enterprise_group_membership_uuid)}
                      />
                    </td>
                    <td>{email}</td>
                    <td>{m.member_details.user_name ?? '—'}</td>
                    <td>{m.status}</td>
                    <td>{m.source}</td>
                    <td>{m.home_group ? 'yes' : 'no'}</td>
                    <td>{m.permissions.join(', ') || '—'}</td>
                    <td>{when(m.activated_at ?? m.invited_at)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager first={!cursor} previous={cursorOf(page.previous)} next={cursorOf(page.next)} onPage={setCursor} />
        </>
      )}
    </div>
  );
}

type AddKind = 'learners' | 'branches' | 'groups';

function AddMembers({ group, onAdded }: { group: Group; onAdded: () => void }) {
  const { api } = useConsole();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<AddKind>('learners');
  const [homeGroup, setHomeGroup] = useState(false);
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [answer, setAnswer] = useState<AssignAnswer>();
  const [jobUrl, setJobUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setAnswer(undefined);
    setJobUrl(undefined);
    const ids = text.split(/[\s,;]+/).filter(Boolean);
    const targets =
      kind === 'learners' ? splitIdentifiers(text) : kind === 'branches' ? { branch_ids: ids } : { group_uuids: ids };
    try {
      const result = await run(
        api.POST('/api/v1/enterprise-group/{group_uuid}/assign_learners', {
          params: { path: { group_uuid: group.group_uuid } },
          body: { ...targets, ...(homeGroup && { home_group: true }), ...(permissions.length > 0 && { permissions }) },
        }),
      );
      // Over 1000 identifiers the API answers 202 with a job instead of the outcomes.
      if ('job_id' in result) setJobUrl(`#/jobs/${String(result.job_id)}`);
      else setAnswer(result as AssignAnswer);
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const outcomes: Outcome[] = answer ? [...answer.results, ...answer.skipped, ...answer.errors] : [];
  return (
    <form class="add-members" onSubmit={add}>
      <h3>Add members</h3>
      <div class="field">
        <label for="add-kind">Add</label>
        <select id="add-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AddKind)}>
          <option value="learners">learners by e-mail or uuid</option>
          <option value="branches">every learner of branches</option>
          <option value="groups">the members of other groups</option>
        </select>
      </div>
      <div class="field">
        <label for="add-identifiers">
          {kind === 'learners' ? 'E-mails or learner uuids' : kind === 'branches' ? 'Branch ids' : 'Group uuids'}
        </label>
        <textarea
          id="add-identifiers"
          aria-describedby="add-hint"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          rows={4}
        />
        <small id="add-hint" class="hint">
          One per line, or separated by commas or spaces. Unknown e-mails are invited (pending).
        </small>
      </div>
      <div class="field">
        <label>
          <input type="checkbox" checked={homeGroup} onChange={(e) => setHomeGroup(e.currentTarget.checked)} /> home
          group
        </label>
      </div>
      <fieldset>
        <legend>Permissions in the group</legend>
        {PERMISSIONS.map((p) => (
          <label key={p} class="inline">
            <input
              type="checkbox"
              checked={permissions.includes(p)}
              onChange={(e) =>
                setPermissions((all) => (e.currentTarget.checked ? [...all, p] : all.filter((x) => x !== p)))
              }
            />{' '}
            {p}
          </label>
        ))}
      </fieldset>
      <ErrorBanner error={error} />
      <button type="submit" disabled={busy || text.trim() === ''}>
        Add
      </button>
      {jobUrl && (
        <p role="status">
          A large request: it runs as a job. <a href={jobUrl}>Follow the job</a> for each identifier's outcome.
        </p>
      )}
      {answer && (
        <div class="outcomes">
          <p role="status">
            {answer.count} changed, {answer.skipped.length} skipped, {answer.errors.length} refused.
          </p>
          <table>
            <caption>Outcome per identifier</caption>
            <thead>
              <tr>
                <th scope="col">Identifier</th>
                <th scope="col">Outcome</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o, i) => (
                <tr key={i} class={`outcome-${o.outcome}`}>
                  <td>{o.identifier}</td>
                  <td>{o.outcome}</td>
                  <td>{o.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
