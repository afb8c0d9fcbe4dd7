import type { ComponentChildren } from 'preact';
import { ApiError, fieldErrors } from './api';

/** Every API error with its message, its code and each field it names; role=alert so it is announced. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <div class="error" role="alert">
        <p>
          <strong>{error.status === 412 ? 'Changed by someone else; reload.' : 'Not saved.'}</strong> {error.message}{' '}
          <code>{error.code}</code>
        </p>
        {error.details.length > 0 && (
          <ul>
            {error.details.map((d) => (
              <li key={d.path + d.message}>
                <code>{d.path}</code>: {d.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div class="error" role="alert">
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </div>
  );
}

/** A labelled form field, with the API's problems for it (`body.<name>`) shown and announced below it. */
export function Field(props: {
  label: string;
  name: string;
  error: unknown;
  children: ComponentChildren;
  hint?: string;
}) {
  const problems = fieldErrors(props.error, props.name);
  return (
    <div class={problems.length ? 'field invalid' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.children}
      {props.hint && (
        <small id={`h-${props.name}`} class="hint">
          {props.hint}
        </small>
      )}
      {problems.map((p) => (
        <small key={p.path} id={`e-${props.name}`} class="field-error">
          {p.path.replace(/^body\./, '')}: {p.message}
        </small>
      ))}
    </div>
  );
}

/** The attributes an input needs to be tied to its label, hint and errors. */
export function inputProps(name: string, error: unknown, hint = false) {
  const invalid = fieldErrors(error, name).length > 0;
  const describedBy = [hint ? `h-${name}` : '', invalid ? `e-${name}` : ''].filter(Boolean).join(' ');
  return {
    id: `f-${name}`,
    name,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

/** A job's progress, 0–1, as an accessible progress bar with its percentage written out. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(value * 100);
  return (
    <div class="progress">
      <progress max={100} value={percent} aria-label={label} aria-valuenow={percent} />
      <span>{percent}%</span>
    </div>
  );
}

export function Pager(props: {
  previous?: string;
  next?: string;
  onPage: (cursor: string | undefined) => void;
  first: boolean;
}) {
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={props.first} onClick={() => props.onPage(undefined)}>
        First page
      </button>
      <button type="button" disabled={!props.previous} onClick={() => props.onPage(props.previous)}>
        Previous page
      </button>
      <button type="button" disabled={!props.next} onClick={() => props.onPage(props.next)}>
        Next page
      </button>
    </nav>
  );
}

export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}
