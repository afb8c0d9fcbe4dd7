import { useEffect, useState } from 'preact/hooks';
import type { paths } from '#local/client/api-client';
import { cursorOf, run } from '../api';
import { ErrorBanner, Pager, when } from '../components';
import { navigate, useConsole } from '../context';
import { GroupForm } from './group-form';
import { HistoryTab } from './history';
import { MembersTab } from './members';
import { RulesTab } from './rules';

type ListQuery = NonNullable<paths['/api/v1/enterprise-group']['get']['parameters']['query']>;
type GroupList = paths['/api/v1/enterprise-group']['get']['responses'][200]['content']['application/json'];
type AnyGroup = paths['/api/v1/enterprise-group/{group_uuid}']['get']['responses'][200]['content']['application/json'];
/** The admin's view of a group (the console signs in admins and staff only, never the learner projection). */
export type Group = Extract<AnyGroup, { member_count: number }>;

export function GroupsPage() {
  const { api, session } = useConsole();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<ListQuery['type'] | ''>('');
  const [status, setStatus] = useState<ListQuery['status'] | ''>('');
  const [sortBy, setSortBy] = useState<NonNullable<ListQuery['sort_by']>>('name');
  const [sortDir, setSortDir] = useState<NonNullable<ListQuery['sort_dir']>>('asc');
  const [cursor, setCursor] = useState<string>();
  const [page, setPage] = useState<GroupList>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let current = true;
    const query: ListQuery = { enterprise_uuid: session.tenant, sort_by: sortBy, sort_dir: sortDir, page_size: 25 };
    if (search.trim()) query.search = search.trim();
    if (type) query.type = type;
    if (status) query.status = status;
    if (cursor) query.cursor = cursor;
    run(api.GET('/api/v1/enterprise-group', { params: { query } })).then(
      (data) => current && (setPage(data), setError(undefined)),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [search, type, status, sortBy, sortDir, cursor]);

  // A new filter starts from the first page: a cursor belongs to the listing that handed it out.
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setCursor(undefined);
      set(value);
    };

  return (
    <section>
      <h1>Groups</h1>
      <p>
        <a class="button" href="#/groups/new">
          New group
        </a>
      </p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="group-search">Search name or description</label>
          <input
            id="group-search"
            type="search"
            value={search}
            onInput={(e) => filter(setSearch)(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="group-type">Type</label>
          <select
            id="group-type"
            value={type}
            onChange={(e) => filter(setType)(e.currentTarget.value as ListQuery['type'])}
          >
            <option value="">any</option>
            <option value="manual">manual</option>
            <option value="automatic">automatic</option>
          </select>
        </div>
        <div class="field">
          <label for="group-status">Status</label>
          <select
            id="group-status"
            value={status}
            onChange={(e) => filter(setStatus)(e.currentTarget.value as ListQuery['status'])}
          >
            <option value="">any</option>
            <option value="active">active</option>
            <option value="inactive">inactive</option>
          </select>
        </div>
        <div class="field">
          <label for="group-sort">Sort by</label>
          <select
            id="group-sort"
            value={sortBy}
            onChange={(e) => filter(setSortBy)(e.currentTarget.value as NonNullable<ListQuery['sort_by']>)}
          >
            <option value="name">name</option>
            <option value="created">created</option>
            <option value="modified">modified</option>
            <option value="member_count">members</option>
          </select>
        </div>
        <div class="field">
          <label for="group-dir">Order</label>
          <select
            id="group-dir"
            value={sortDir}
            onChange={(e) => filter(setSortDir)(e.currentTarget.value as NonNullable<ListQuery['sort_dir']>)}
          >
            <option value="asc">ascending</option>
            <option value="desc">descending</option>
          </select>
        </div>
      </form>
      <ErrorBanner error={error} />
      {page && (
        <>
          <p aria-live="polite">
            {page.count} group{page.count === 1 ? '' : 's'}
          </p>
          <table>
            <caption class="visually-hidden">Groups of the tenant</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Members</th>
                <th scope="col">Modified</th>
              </tr>
            </thead>
            <tbody>
              {page.results.map((g) => (
                <tr key={g.group_uuid}>
                  <td>
                    <a href={`#/groups/${g.group_uuid}`}>{g.name}</a>
                  </td>
                  <td>{g.type}</td>
                  <td>{g.status}</td>
                  <td>{'member_count' in g ? String(g.member_count) : '—'}</td>
                  <td>{'modified' in g ? when(g.modified as string) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            first={!cursor}
            previous={cursorOf(page.previous)}
            next={cursorOf(page.next)}
            onPage={(c) => setCursor(c)}
          />
        </>
      )}
    </section>
  );
}

export function NewGroupPage() {
  return (
    <section>
      <h1>New group</h1>
      <GroupForm onSaved={(g) => navigate(`/groups/${g.group_uuid}`)} />
    </section>
  );
}

const TABS = [
  ['settings', 'Settings'],
  ['members', 'Members'],
  ['rules', 'Automatic rules'],
  ['history', 'History'],
] as const;

export function GroupPage({ groupUuid, tab }: { groupUuid: string; tab: string }) {
  const { api } = useConsole();
  const [group, setGroup] = useState<Group>();
  const [error, setError] = useState<unknown>();

  const load = () =>
    run(api.GET('/api/v1/enterprise-group/{group_uuid}', { params: { path: { group_uuid: groupUuid } } })).then(
      (g) => (setGroup(g as Group), setError(undefined), g),
      (failure) => (setError(failure), undefined),
    );
  useEffect(() => {
    load();
  }, [groupUuid]);

  if (!group) return <section>{error ? <ErrorBanner error={error} /> : <p>Loading…</p>}</section>;
  const tabs = TABS.filter(([id]) => id !== 'rules' || group.type === 'automatic');
  return (
    <section>
      <p>
        <a href="#/groups">← All groups</a>
      </p>
      <h1>{group.name}</h1>
      <p class="meta">
        {group.type} · {group.status} · {group.member_count} member{group.member_count === 1 ? '' : 's'} · version{' '}
        {group.version}
      </p>
      <nav class="tabs" aria-label="Group sections">
        <ul>
          {tabs.map(([id, label]) => (
            <li key={id}>
              <a href={`#/groups/${groupUuid}/${id}`} aria-current={tab === id ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'settings' && <GroupForm key={group.version} group={group} onSaved={setGroup} onReload={load} />}
      {tab === 'members' && <MembersTab group={group} onChanged={load} />}
      {tab === 'rules' && group.type === 'automatic' && <RulesTab group={group} onSaved={setGroup} onReload={load} />}
      {tab === 'history' && <HistoryTab group={group} />}
    </section>
  );
}
