import { useState } from 'preact/hooks';
import { ErrorBanner } from '../components';
import { type ConsoleConfig, type Session, signInLocally, startOidcSignIn } from '../session';

const EXAMPLE_TENANT = '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Local: pick a role and a tenant and get a token from the stack. AWS: the issuer's sign-in page. */
export function SignInPage({ config, onSignIn }: { config: ConsoleConfig; onSignIn: (session: Session) => void }) {
  const [role, setRole] = useState('enterprise_admin');
  const [tenant, setTenant] = useState(EXAMPLE_TENANT);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!UUID.test(tenant.trim())) {
      setError(new Error('The tenant must be a uuid (8-4-4-4-12 hexadecimal digits).'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      if (config.auth.mode === 'local') onSignIn(await signInLocally(role, tenant.trim().toLowerCase()));
      else await startOidcSignIn(config.auth, tenant.trim().toLowerCase());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sign-in">
      <h1>Sign in to the groups admin console</h1>
      <form onSubmit={submit}>
        {config.auth.mode === 'local' ? (
          <p>
            Local stack: the page asks it for a token (as <code>npm run token</code> does).
          </p>
        ) : (
          <p>You will sign in at your identity provider.</p>
        )}
        {config.auth.mode === 'local' && (
          <div class="field">
            <label for="role">Role</label>
            <select id="role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
              {config.auth.roles
                .filter((r) => r !== 'learner')
                .map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="tenant">Tenant (enterprise uuid)</label>
          <input
            id="tenant"
            value={tenant}
            onInput={(e) => setTenant(e.currentTarget.value)}
            required
            spellcheck={false}
          />
        </div>
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </section>
  );
}
