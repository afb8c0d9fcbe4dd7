import { useState } from 'preact/hooks';
import type { paths } from '#local/client/api-client';
import { ApiError, run } from '../api';
import { ErrorBanner, Field, inputProps } from '../components';
import { useConsole } from '../context';
import type { Group } from './groups';
import { emptyRuleset, type Ruleset, RulesetBuilder } from './rules';

type CreateBody = paths['/api/v1/enterprise-group']['post']['requestBody']['content']['application/json'];
type UpdateBody = paths['/api/v1/enterprise-group/{group_uuid}']['patch']['requestBody']['content']['application/json'];
type Module = { course_id: string; allow_self_enroll: boolean; auto_enroll: boolean };

/** What the admin typed, as typed: kept whole across failed saves. */
interface Draft {
  name: string;
  description: string;
  type: 'manual' | 'automatic';
  status: 'active' | 'inactive';
  user_limit: string;
  external_id: string;
  legacy_id: string;
  tags: string;
  notification_emails: string;
  learning_modules: Module[];
}

function draftOf(group?: Group): Draft {
  return {
    name: group?.name ?? '',
    description: group?.description ?? '',
    type: group?.type ?? 'manual',
    status: group?.status ?? 'active',
    user_limit: group?.user_limit == null ? '' : String(group.user_limit),
    external_id: group?.external_id ?? '',
    legacy_id: group?.legacy_id == null ? '' : String(group.legacy_id),
    tags: (group?.tags ?? []).map((t) => `${t.name}: ${t.values.join(', ')}`).join('\n'),
    notification_emails: (group?.notification_emails ?? []).join('\n'),
    learning_modules: (group?.learning_modules ?? []).map(({ course_id, allow_self_enroll, auto_enroll }) => ({
      course_id,
      allow_self_enroll,
      auto_enroll,
    })),
  };
}

const list = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Numbers as typed; anything else goes to the API as it is so that its answer names the field. */
const numberOrNull = (text: string): number | null => {
  if (text.trim() === '') return null;
  const value = Number(text.trim());
  return (Number.isFinite(value) ? value : text) as number;
};

function fieldsOf(draft: Draft) {
  return {
    name: draft.name,
    description: draft.description.trim() === '' ? null : draft.description,
    status: draft.status,
    user_limit: numberOrNull(draft.user_limit),
    external_id: draft.external_id.trim() === '' ? null : draft.external_id.trim(),
    legacy_id: numberOrNull(draft.legacy_id),
    tags: draft.tags
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [name = '', values = ''] = line.split(/:(.*)/s);
        return { name: name.trim(), values: list(values) };
      }),
    notification_emails: list(draft.notification_emails),
    learning_modules: draft.learning_modules,
  };
}

/**
 * Creates a group, or edits every field of one with If-Match on the version it was read at, so a save
 * over someone else's change is a 412 that says so instead of a silent overwrite. Only changed fields
 * are sent, so the history records what the admin changed.
 */
export function GroupForm(props: { group?: Group; onSaved: (group: Group) => void; onReload?: () => void }) {
  const { api, session } = useConsole();
  const [draft, setDraft] = useState(() => draftOf(props.group));
  const [ruleset, setRuleset] = useState<Ruleset>(emptyRuleset);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const fields = fieldsOf(draft);
      let group: Group;
      if (props.group) {
        const before = fieldsOf(draftOf(props.group));
        const changed = Object.fromEntries(
          Object.entries(fields).filter(
            ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
          ),
        ) as UpdateBody;
        if (Object.keys(changed).length === 0) {
          setSaved(true);
          return;
        }
        group = await run(
          api.PATCH('/api/v1/enterprise-group/{group_uuid}', {
            params: {
              path: { group_uuid: props.group.group_uuid },
              header: { 'If-Match': `"${props.group.version}"` },
            },
            body: changed,
          }),
        );
      } else {
        const body: CreateBody = { ...fields, enterprise_customer_uuid: session.tenant, type: draft.type };
        if (draft.type === 'automatic') body.ruleset = ruleset;
        group = (await run(api.POST('/api/v1/enterprise-group', { body }))) as Group;
      }
      setSaved(true);
      props.onSaved(group);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const stale = error instanceof ApiError && error.status === 412;
  const text = (name: keyof Draft, label: string, hint?: string, numeric = false) => (
    <Field label={label} name={name} error={error} hint={hint}>
      <input
        {...inputProps(name, error, !!hint)}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        value={draft[name] as string}
        onInput={(e) => set(name, e.currentTarget.value as never)}
      />
    </Field>
  );

  return (
    <form class="group-form" onSubmit={save} noValidate>
      {text('name', 'Name')}
      <Field label="Description" name="description" error={error}>
        <textarea
          {...inputProps('description', error)}
          value={draft.description}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
      </Field>
      {!props.group && (
        <Field label="Type" name="type" error={error}>
          <select
            {...inputProps('type', error)}
            value={draft.type}
            onChange={(e) => set('type', e.currentTarget.value as Draft['type'])}
          >
            <option value="manual">manual (members added by hand)</option>
            <option value="automatic">automatic (members by rules)</option>
          </select>
        </Field>
      )}
      <Field label="Status" name="status" error={error}>
        <select
          {...inputProps('status', error)}
          value={draft.status}
          onChange={(e) => set('status', e.currentTarget.value as Draft['status'])}
        >
          <option value="active">active</option>
          <option value="inactive">inactive (accepts no new members)</option>
        </select>
      </Field>
      {text('user_limit', 'User limit', 'Empty: no limit', true)}
      {text('external_id', 'External id', 'Unique in the tenant (SmarterU GroupID)')}
      {text('legacy_id', 'Legacy id', 'A number, unique in the tenant', true)}
      <Field label="Tags" name="tags" error={error} hint="One per line: name: value, value">
        <textarea
          {...inputProps('tags', error, true)}
          value={draft.tags}
          onInput={(e) => set('tags', e.currentTarget.value)}
        />
      </Field>
      <Field
        label="Notification e-mails"
        name="notification_emails"
        error={error}
        hint="One per line or comma-separated"
      >
        <textarea
          {...inputProps('notification_emails', error, true)}
          value={draft.notification_emails}
          onInput={(e) => set('notification_emails', e.currentTarget.value)}
        />
      </Field>
      <ModulesEditor modules={draft.learning_modules} onChange={(m) => set('learning_modules', m)} error={error} />
      {!props.group && draft.type === 'automatic' && (
        <fieldset>
          <legend>Rules</legend>
          <RulesetBuilder ruleset={ruleset} onChange={setRuleset} error={error} />
        </fieldset>
      )}
      <ErrorBanner error={error} />
      {stale && (
        <p role="status">
          This group was changed by someone else since you opened it. Your edits are kept here;{' '}
          <button type="button" onClick={props.onReload}>
            Reload the group
          </button>{' '}
          to see the current values (your edits are then replaced).
        </p>
      )}
      {saved && <p role="status">Saved: the group is up to date.</p>}
      <button type="submit" disabled={busy}>
        {props.group ? 'Save changes' : 'Create group'}
      </button>
    </form>
  );
}

function ModulesEditor(props: { modules: Module[]; onChange: (modules: Module[]) => void; error: unknown }) {
  const update = (index: number, change: Partial<Module>) =>
    props.onChange(props.modules.map((m, i) => (i === index ? { ...m, ...change } : m)));
  return (
    <fieldset class="modules">
      <legend>Learning modules</legend>
      {props.modules.length === 0 && <p>No learning modules.</p>}
      {props.modules.map((m, i) => (
        <div class="module" key={i}>
          <Field label={`Course id ${i + 1}`} name={`learning_modules.${i}`} error={props.error}>
            <input
              {...inputProps(`learning_modules.${i}`, props.error)}
              value={m.course_id}
              onInput={(e) => update(i, { course_id: e.currentTarget.value })}
            />
          </Field>
          <label>
            <input
              type="checkbox"
              checked={m.allow_self_enroll}
              onChange={(e) => update(i, { allow_self_enroll: e.currentTarget.checked })}
            />{' '}
            self-enroll
          </label>
          <label>
            <input
              type="checkbox"
              checked={m.auto_enroll}
              onChange={(e) => update(i, { auto_enroll: e.currentTarget.checked })}
            />{' '}
            auto-enroll members
          </label>
          <button type="button" onClick={() => props.onChange(props.modules.filter((_, j) => j !== i))}>
            Remove course {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          props.onChange([...props.modules, { course_id: '', allow_self_enroll: false, auto_enroll: false }])
        }
      >
        Add a course
      </button>
    </fieldset>
  );
}
