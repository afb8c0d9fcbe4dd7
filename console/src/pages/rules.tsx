import { useEffect, useState } from 'preact/hooks';
import type { paths } from '#local/client/api-client';
import { ApiError, run } from '../api';
import { ErrorBanner, when } from '../components';
import { useConsole } from '../context';
import type { Group } from './groups';

export type Ruleset = NonNullable<
  paths['/api/v1/enterprise-group']['post']['requestBody']['content']['application/json']['ruleset']
>;
type Rule = Ruleset['sets'][number]['rules'][number];
type AttributeOp = Extract<Rule, { type: 'attribute' }>['payload']['op'];
type Preview = paths['/api/v1/enterprise-group/preview']['post']['responses'][200]['content']['application/json'];
type Explain =
  paths['/api/v1/enterprise-group/{group_uuid}/learners/{learner_uuid}/explain']['get']['responses'][200]['content']['application/json'];
type Versions =
  paths['/api/v1/enterprise-group/{group_uuid}/conditions-history']['get']['responses'][200]['content']['application/json'];

const OPS: AttributeOp[] = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'is_empty',
  'is_not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
];
const NO_VALUE = new Set<AttributeOp>(['is_empty', 'is_not_empty']);
const LIST_VALUE = new Set<AttributeOp>(['in', 'not_in']);

const newRule = (): Rule => ({ type: 'attribute', payload: { field: 'email', op: 'contains', value: '' } });
export const emptyRuleset = (): Ruleset => ({ operator: 'AND', sets: [{ rules: [newRule()] }] });

function ruleOfType(type: Rule['type']): Rule {
  if (type === 'branch') return { type, payload: { branch_ids: [], include_descendants: false } };
  if (type === 'enrollment_status') return { type, payload: { course_id: '', status: 'enrolled' } };
  return newRule();
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Sets of rules (every rule of a set holds) combined by AND/OR, every rule type, keyboard-editable. */
export function RulesetBuilder(props: { ruleset: Ruleset; onChange: (ruleset: Ruleset) => void; error: unknown }) {
  const { ruleset, onChange } = props;
  const setRule = (s: number, r: number, rule: Rule) =>
    onChange({
      ...ruleset,
      sets: ruleset.sets.map((set, i) => (i === s ? { rules: set.rules.map((x, j) => (j === r ? rule : x)) } : set)),
    });
  const removeRule = (s: number, r: number) =>
    onChange({
      ...ruleset,
      sets: ruleset.sets
        .map((set, i) => (i === s ? { rules: set.rules.filter((_, j) => j !== r) } : set))
        .filter((set) => set.rules.length > 0),
    });
  const addRule = (s: number) =>
    onChange({
      ...ruleset,
      sets: ruleset.sets.map((set, i) => (i === s ? { rules: [...set.rules, newRule()] } : set)),
    });

  return (
    <div class="ruleset">
      <div class="field">
        <label for="rs-operator">Combine the sets with</label>
        <select
          id="rs-operator"
          value={ruleset.operator}
          onChange={(e) => onChange({ ...ruleset, operator: e.currentTarget.value as Ruleset['operator'] })}
        >
          <option value="AND">AND: a learner must match every set</option>
          <option value="OR">OR: a learner must match one set</option>
        </select>
      </div>
      <div class="field">
        <label>
          <input
            type="checkbox"
            checked={ruleset.exclude_inactive_learners ?? true}
            onChange={(e) => onChange({ ...ruleset, exclude_inactive_learners: e.currentTarget.checked })}
          />{' '}
          leave inactive learners out
        </label>
      </div>
      {ruleset.sets.map((set, s) => (
        <fieldset key={s} class="rule-set">
          <legend>
            Set {s + 1} (every rule holds){s > 0 ? ` · ${ruleset.operator} the sets above` : ''}
          </legend>
          {set.rules.map((rule, r) => (
            <RuleEditor
              key={r}
              id={`s${s}r${r}`}
              label={`Set ${s + 1}, rule ${r + 1}`}
              rule={rule}
              onChange={(next) => setRule(s, r, next)}
              onRemove={() => removeRule(s, r)}
            />
          ))}
          <button type="button" onClick={() => addRule(s)}>
            Add a rule to set {s + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange({ ...ruleset, sets: [...ruleset.sets, { rules: [newRule()] }] })}>
        Add a set
      </button>
    </div>
  );
}

function RuleEditor(props: {
  id: string;
  label: string;
  rule: Rule;
  onChange: (r: Rule) => void;
  onRemove: () => void;
}) {
  const { id, rule, onChange } = props;
  return (
    <div class="rule" role="group" aria-label={props.label}>
      <div class="field">
        <label for={`${id}-type`}>{props.label}: type</label>
        <select
          id={`${id}-type`}
          value={rule.type}
          onChange={(e) => onChange(ruleOfType(e.currentTarget.value as Rule['type']))}
        >
          <option value="attribute">learner attribute</option>
          <option value="branch">branch</option>
          <option value="enrollment_status">enrollment status</option>
        </select>
      </div>
      {rule.type === 'attribute' && (
        <>
          <div class="field">
            <label for={`${id}-field`}>Field</label>
            <input
              id={`${id}-field`}
              value={rule.payload.field}
              list="learner-fields"
              onInput={(e) => onChange({ ...rule, payload: { ...rule.payload, field: e.currentTarget.value } })}
            />
          </div>
          <div class="field">
            <label for={`${id}-op`}>Operator</label>
            <select
              id={`${id}-op`}
              value={rule.payload.op}
              onChange={(e) => {
                const op = e.currentTarget.value as AttributeOp;
                const { value: _drop, ...rest } = rule.payload;
                onChange({
                  ...rule,
                  payload: NO_VALUE.has(op) ? { ...rest, op } : { ...rest, op, value: rule.payload.value ?? '' },
                });
              }}
            >
              {OPS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
          </div>
          {!NO_VALUE.has(rule.payload.op) && (
            <div class="field">
              <label for={`${id}-value`}>
                {LIST_VALUE.has(rule.payload.op) ? 'Values (comma-separated)' : 'Value'}
              </label>
              <input
                id={`${id}-value`}
                value={
                  Array.isArray(rule.payload.value) ? rule.payload.value.join(', ') : String(rule.payload.value ?? '')
                }
                onInput={(e) => {
                  const text = e.currentTarget.value;
                  onChange({
                    ...rule,
                    payload: { ...rule.payload, value: LIST_VALUE.has(rule.payload.op) ? splitList(text) : text },
                  });
                }}
              />
            </div>
          )}
        </>
      )}
      {rule.type === 'branch' && (
        <>
          <div class="field">
            <label for={`${id}-branches`}>Branch ids (comma-separated)</label>
            <input
              id={`${id}-branches`}
              value={rule.payload.branch_ids.join(', ')}
              onInput={(e) =>
                onChange({ ...rule, payload: { ...rule.payload, branch_ids: splitList(e.currentTarget.value) } })
              }
            />
          </div>
          <label>
            <input
              type="checkbox"
              checked={rule.payload.include_descendants ?? false}
              onChange={(e) =>
                onChange({ ...rule, payload: { ...rule.payload, include_descendants: e.currentTarget.checked } })
              }
            />{' '}
            and their sub-branches
          </label>
        </>
      )}
      {rule.type === 'enrollment_status' && (
        <>
          <div class="field">
            <label for={`${id}-course`}>Course id</label>
            <input
              id={`${id}-course`}
              value={rule.payload.course_id}
              onInput={(e) => onChange({ ...rule, payload: { ...rule.payload, course_id: e.currentTarget.value } })}
            />
          </div>
          <div class="field">
            <label for={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              value={rule.payload.status}
              onChange={(e) =>
                onChange({
                  ...rule,
                  payload: { ...rule.payload, status: e.currentTarget.value as typeof rule.payload.status },
                })
              }
            >
              <option value="enrolled">enrolled</option>
              <option value="completed">completed</option>
              <option value="not_enrolled">not enrolled</option>
            </select>
          </div>
        </>
      )}
      <button type="button" onClick={props.onRemove}>
        Remove {props.label.toLowerCase()}
      </button>
      <datalist id="learner-fields">
        {['email', 'username', 'first_name', 'last_name', 'employee_id', 'state_id', 'branch_id', 'status'].map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
    </div>
  );
}

/** The group's rules: builder with a live preview, save with If-Match, explain, and every past version. */
export function RulesTab(props: { group: Group; onSaved: (group: Group) => void; onReload: () => void }) {
  const { api, session } = useConsole();
  const { group } = props;
  const [ruleset, setRuleset] = useState<Ruleset>(() => (group.ruleset as Ruleset | null) ?? emptyRuleset());
  const [preview, setPreview] = useState<Preview>();
  const [previewError, setPreviewError] = useState<unknown>();
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  // A preview per pause in typing: the route is rate-limited (20 a minute per caller).
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      run(
        api.POST('/api/v1/enterprise-group/preview', {
          body: { enterprise_customer_uuid: session.tenant, group_uuid: group.group_uuid, ruleset, sample_size: 5 },
        }),
      ).then(
        (answer) => current && (setPreview(answer), setPreviewError(undefined)),
        (failure) => current && setPreviewError(failure),
      );
    }, 500);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [JSON.stringify(ruleset)]);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaveError(undefined);
    setSaved(false);
    try {
      const next = await run(
        api.PATCH('/api/v1/enterprise-group/{group_uuid}', {
          params: { path: { group_uuid: group.group_uuid }, header: { 'If-Match': `"${group.version}"` } },
          body: { ruleset },
        }),
      );
      setSaved(true);
      props.onSaved(next);
    } catch (failure) {
      setSaveError(failure);
    }
  };

  const paused = group.rule_processing?.state === 'paused';
  /** Pauses or resumes the rules (resuming recalculates), with If-Match like every edit. */
  const setProcessing = async (state: 'on' | 'paused') => {
    setSaveError(undefined);
    try {
      props.onSaved(
        await run(
          api.PATCH('/api/v1/enterprise-group/{group_uuid}', {
            params: { path: { group_uuid: group.group_uuid }, header: { 'If-Match': `"${group.version}"` } },
            body: { rule_processing: { state } },
          }),
        ),
      );
    } catch (failure) {
      setSaveError(failure);
    }
  };

  return (
    <div>
      <h2>Automatic rules</h2>
      <p class="meta" data-testid="rule-processing">
        Rule version {group.rule_version ?? '—'} · processing {group.rule_processing?.state ?? '—'} (
        {group.rule_processing?.status ?? '—'}){' '}
        <button type="button" onClick={() => setProcessing(paused ? 'on' : 'paused')}>
          {paused ? 'Resume rule processing' : 'Pause rule processing'}
        </button>
      </p>
      <form onSubmit={save}>
        <RulesetBuilder ruleset={ruleset} onChange={(r) => (setSaved(false), setRuleset(r))} error={saveError} />
        <section class="preview" aria-labelledby="preview-title">
          <h3 id="preview-title">Live preview</h3>
          <ErrorBanner error={previewError} />
          {preview && (
            <dl aria-live="polite" class="counts">
              <dt>Matching learners</dt>
              <dd data-testid="preview-matching">{preview.matching_count}</dd>
              <dt>Would be added</dt>
              <dd data-testid="preview-add">{preview.would_add?.count ?? 0}</dd>
              <dt>Would be removed</dt>
              <dd data-testid="preview-remove">{preview.would_remove?.count ?? 0}</dd>
              <dt>Learners evaluated</dt>
              <dd>
                {preview.evaluated}
                {preview.sampled ? ` of ${preview.total_learners} (first ones by e-mail)` : ''}
              </dd>
            </dl>
          )}
        </section>
        <ErrorBanner error={saveError} />
        {saveError instanceof ApiError && saveError.status === 412 && (
          <p role="status">
            The rules were changed by someone else. Your rules are kept here;{' '}
            <button type="button" onClick={props.onReload}>
              Reload the group
            </button>{' '}
            to see theirs.
          </p>
        )}
        {saved && <p role="status">Saved: a recalculation has started.</p>}
        <button type="submit">Save the rules</button>
      </form>
      <Explain group={group} />
      <ConditionsHistory group={group} />
    </div>
  );
}

function Explain({ group }: { group: Group }) {
  const { api } = useConsole();
  const [learner, setLearner] = useState('');
  const [answer, setAnswer] = useState<Explain>();
  const [error, setError] = useState<unknown>();
  const ask = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setAnswer(undefined);
    try {
      setAnswer(
        await run(
          api.GET('/api/v1/enterprise-group/{group_uuid}/learners/{learner_uuid}/explain', {
            params: { path: { group_uuid: group.group_uuid, learner_uuid: learner.trim() } },
          }),
        ),
      );
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={ask} class="explain">
      <h3>Why is this learner (not) a member?</h3>
      <div class="field">
        <label for="explain-learner">Learner uuid</label>
        <input id="explain-learner" value={learner} onInput={(e) => setLearner(e.currentTarget.value)} />
      </div>
      <button type="submit" disabled={!learner.trim()}>
        Explain
      </button>
      <ErrorBanner error={error} />
      {answer && (
        <div role="status">
          <p>
            <strong>{answer.member ? 'A member' : 'Not a member'}</strong>
            {answer.status ? ` (${answer.status}, by ${answer.source ?? 'unknown'})` : ''}; the rules{' '}
            {answer.matches ? 'match' : 'do not match'}
            {answer.excluded_inactive ? '; left out as inactive' : ''}
            {answer.excluded_by_admin ? '; removed by an admin, so the rules do not add it back' : ''}.
          </p>
          <ol>
            {answer.sets.map((set, i) => (
              <li key={i}>
                Set {i + 1}: {set.result ? 'holds' : 'does not hold'}
                <ul>
                  {set.rules.map((rule, j) => (
                    <li key={j}>
                      <code>{JSON.stringify(rule.payload)}</code>: {rule.result ? 'true' : 'false'}
                      {rule.observed !== undefined ? ` (observed ${JSON.stringify(rule.observed)})` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </form>
  );
}

function ConditionsHistory({ group }: { group: Group }) {
  const { api } = useConsole();
  const [versions, setVersions] = useState<Versions>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    run(
      api.GET('/api/v1/enterprise-group/{group_uuid}/conditions-history', {
        params: { path: { group_uuid: group.group_uuid }, query: { page_size: 20 } },
      }),
    ).then(setVersions, setError);
  }, [group.version]);
  return (
    <section aria-labelledby="conditions-title">
      <h3 id="conditions-title">Conditions history</h3>
      <ErrorBanner error={error} />
      <ol class="timeline">
        {versions?.results.map((v) => (
          <li key={v.version}>
            <p>
              Version {v.version}, {when(v.changed_at)} by <code>{v.changed_by}</code>
            </p>
            <pre>{JSON.stringify(v.ruleset, null, 1)}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
