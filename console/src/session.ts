/**
 * Who is signed in, and how: locally the page mints a token through the local stack's console route;
 * in AWS it runs the OpenID Connect authorization-code flow with PKCE against the issuer the API's JWT
 * authorizer trusts. The token lives in sessionStorage only (gone with the tab).
 */
export interface LocalAuth {
  mode: 'local';
  roles: string[];
}
export interface OidcAuth {
  mode: 'oidc';
  /** The issuer the JWT authorizer trusts; its discovery document names the endpoints. */
  issuer: string;
  client_id: string;
  scope: string;
}
export interface ConsoleConfig {
  auth: LocalAuth | OidcAuth;
  /** The API's base URL; the page's own origin when absent (local stack, or CloudFront routing /api/*). */
  api_url?: string;
  /** Local only: where a presigned upload is relayed, as the S3 emulator answers no CORS preflight. */
  upload_relay?: string;
}

export interface Session {
  token: string;
  role: string;
  /** The tenant the console works in (every listing and creation names it). */
  tenant: string;
  expiresAt: number;
}

const KEY = 'lms-console-session';

export async function loadConfig(): Promise<ConsoleConfig> {
  const answer = await fetch(new URL('config.json', document.baseURI));
  if (!answer.ok) throw new Error(`config.json → ${answer.status}`);
  return (await answer.json()) as ConsoleConfig;
}

export function readSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > Date.now() ? session : undefined;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** The claims the console reads from a token (never trusted: the API verifies it). */
export function claimsOf(token: string): { roles?: string[]; enterprise_uuids?: string[]; exp?: number } {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as { roles?: string[]; enterprise_uuids?: string[]; exp?: number };
}

export interface LocalSignInError {
  message: string;
  details?: { path: string; message: string }[];
}

/** Locally: a token for the role and tenant, minted by the stack (the same code as `npm run token`). */
export async function signInLocally(role: string, tenant: string): Promise<Session> {
  const answer = await fetch(new URL('local/token', document.baseURI), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, enterprise_uuid: role === 'staff' ? undefined : tenant }),
  });
  const body = (await answer.json()) as { token?: string; message?: string; details?: LocalSignInError['details'] };
  if (!answer.ok || !body.token) throw Object.assign(new Error(body.message ?? `sign-in → ${answer.status}`), body);
  return sessionOf(body.token, tenant);
}

export function sessionOf(token: string, tenant: string): Session {
  const claims = claimsOf(token);
  return {
    token,
    role: claims.roles?.[0] ?? 'unknown',
    tenant,
    expiresAt: (claims.exp ?? Date.now() / 1000 + 3600) * 1000,
  };
}

// --- OpenID Connect, authorization code + PKCE (RFC 7636) ---

const PKCE_KEY = 'lms-console-pkce';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function discovery(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const answer = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!answer.ok) throw new Error(`OpenID discovery → ${answer.status}`);
  return (await answer.json()) as { authorization_endpoint: string; token_endpoint: string };
}

const redirectUri = () => new URL('./', document.baseURI).toString();

/** Sends the browser to the issuer; the verifier and state wait in sessionStorage for the way back. */
export async function startOidcSignIn(auth: OidcAuth, tenant: string): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, tenant }));
  const { authorization_endpoint } = await discovery(auth.issuer);
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: auth.client_id,
    redirect_uri: redirectUri(),
    scope: auth.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On the way back from the issuer (`?code=…&state=…`): the code for a token, once; undefined when not a callback. */
export async function finishOidcSignIn(auth: OidcAuth): Promise<Session | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as {
    verifier: string;
    state: string;
    tenant: string;
  } | null;
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', redirectUri());
  if (!pending || pending.state !== params.get('state'))
    throw new Error('The sign-in answer does not match: start again');
  const { token_endpoint } = await discovery(auth.issuer);
  const answer = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: auth.client_id,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await answer.json()) as { access_token?: string; error_description?: string; error?: string };
  if (!answer.ok || !body.access_token) throw new Error(body.error_description ?? body.error ?? 'token request failed');
  return sessionOf(body.access_token, pending.tenant);
}
