import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { clientFor } from './api';
import { ErrorBanner } from './components';
import { ConsoleContext } from './context';
import { GroupPage, GroupsPage, NewGroupPage } from './pages/groups';
import { JobPage, JobsPage } from './pages/jobs';
import { SignInPage } from './pages/sign-in';
import { UploadPage } from './pages/upload';
import {
  clearSession,
  type ConsoleConfig,
  finishOidcSignIn,
  loadConfig,
  readSession,
  saveSession,
  type Session,
} from './session';
import './styles.css';

function useHashPath(): string {
  const read = () => location.hash.replace(/^#/, '') || '/groups';
  const [path, setPath] = useState(read);
  useEffect(() => {
    const onChange = () => setPath(read());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

function Page({ path }: { path: string }) {
  const parts = path.split('/').filter(Boolean);
  const [first, id, tab] = parts;
  if (first === 'groups' && id === 'new') return <NewGroupPage />;
  if (first === 'groups' && id) return <GroupPage groupUuid={id} tab={tab ?? 'settings'} />;
  if (first === 'upload') return <UploadPage />;
  if (first === 'jobs' && id) return <JobPage jobId={id} />;
  if (first === 'jobs') return <JobsPage />;
  return <GroupsPage />;
}

const NAV = [
  ['/groups', 'Groups'],
  ['/upload', 'CSV upload'],
  ['/jobs', 'Jobs'],
] as const;

function App() {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [session, setSession] = useState<Session | undefined>(readSession);
  const [error, setError] = useState<unknown>();
  const path = useHashPath();

  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.auth.mode === 'oidc') {
          const returned = await finishOidcSignIn(loaded.auth);
          if (returned) signIn(returned);
        }
      })
      .catch(setError);
  }, []);

  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
  };
  const signOut = () => {
    clearSession();
    setSession(undefined);
  };
  const api = useMemo(
    () =>
      session && config
        ? clientFor(session, config, () => {
            setError(new Error('Your session has ended: sign in again.'));
            signOut();
          })
        : undefined,
    [session, config],
  );

  useEffect(() => {
    const title = NAV.find(([href]) => path.startsWith(href))?.[1] ?? 'Groups';
    document.title = `${session ? title : 'Sign in'} · Groups admin console`;
  }, [path, session]);

  if (!config) {
    return <main id="main">{error ? <ErrorBanner error={error} /> : <p>Loading…</p>}</main>;
  }
  if (!session || !api) {
    return (
      <main id="main">
        <ErrorBanner error={error} />
        <SignInPage config={config} onSignIn={(s) => (setError(undefined), signIn(s))} />
      </main>
    );
  }
  return (
    <ConsoleContext.Provider value={{ api, session, config }}>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header>
        <span class="brand">Groups admin</span>
        <nav aria-label="Sections">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <a href={`#${href}`} aria-current={path.startsWith(href) ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          {session.role} · tenant <code>{session.tenant}</code>{' '}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBanner error={error} />
        <Page path={path} />
      </main>
    </ConsoleContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
