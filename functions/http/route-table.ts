import { DEFAULT_ROUTE, type FunctionDefinition, type HttpMethod, type Trigger } from '#functions/catalog';

export type HttpFunction = FunctionDefinition & { trigger: Extract<Trigger, { type: 'http' }> };

export type RouteMatch =
  | { kind: 'found'; fn: HttpFunction; routeKey: string; pathParameters: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: HttpMethod[] }
  | { kind: 'not_found' };

type Segment = { literal: string } | { param: string; greedy: boolean };

interface Route {
  fn: HttpFunction;
  segments: Segment[];
}

/**
 * Routes like API Gateway HTTP API: `{param}` matches one segment, `{param+}` the rest of the path,
 * and at the first segment where two templates differ a literal beats a parameter
 * (`/legacy/{legacy_id}` beats `/{group_uuid}/learners`). Trailing slashes are optional. The catch-all
 * `$default` entry is not a path: it is what answers when nothing here matches.
 */
export function createRouteTable(functions: readonly HttpFunction[]): (method: string, rawPath: string) => RouteMatch {
  const routes = functions
    .filter((fn) => fn.trigger.path !== DEFAULT_ROUTE)
    .map((fn) => ({ fn, segments: parseTemplate(fn.trigger.path) }));
  assertNoDuplicates(routes);

  return (method, rawPath) => {
    const segments = splitPath(rawPath);
    if (!segments) return { kind: 'not_found' };
    const matching = routes
      .map((route) => ({ route, params: matchSegments(route.segments, segments) }))
      .filter((candidate): candidate is { route: Route; params: Record<string, string> } => candidate.params !== null);
    if (matching.length === 0) return { kind: 'not_found' };

    const forMethod = matching.filter(({ route }) => route.fn.trigger.method === method.toUpperCase());
    if (forMethod.length === 0) {
      return {
        kind: 'method_not_allowed',
        allowed: [...new Set(matching.map(({ route }) => route.fn.trigger.method))],
      };
    }
    const [best] = forMethod.sort((a, b) => compareSpecificity(a.route.segments, b.route.segments));
    const { fn } = best!.route;
    return { kind: 'found', fn, routeKey: `${fn.trigger.method} ${fn.trigger.path}`, pathParameters: best!.params };
  };
}

function parseTemplate(path: string): Segment[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
      return param ? { param: param[1]!, greedy: param[2] === '+' } : { literal: part };
    });
}

/** Raw path → decoded segments, or null for a path API Gateway would reject (bad percent-encoding). */
function splitPath(rawPath: string): string[] | null {
  try {
    return rawPath
      .split('/')
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}

function matchSegments(template: Segment[], path: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [index, segment] of template.entries()) {
    if ('literal' in segment) {
      if (path[index] !== segment.literal) return null;
    } else if (segment.greedy) {
      if (index >= path.length) return null;
      params[segment.param] = path.slice(index).join('/');
      return params;
    } else {
      const value = path[index];
      if (value === undefined) return null;
      params[segment.param] = value;
    }
  }
  return template.length === path.length ? params : null;
}

/** Negative when `a` is more specific: literal < parameter < greedy, segment by segment. */
function compareSpecificity(a: Segment[], b: Segment[]): number {
  const rank = (segment: Segment | undefined) => (!segment ? 3 : 'literal' in segment ? 0 : segment.greedy ? 2 : 1);
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = rank(a[index]) - rank(b[index]);
    if (difference !== 0) return difference;
  }
  return 0;
}

function assertNoDuplicates(routes: Route[]): void {
  const seen = new Map<string, string>();
  for (const { fn, segments } of routes) {
    const shape = `${fn.trigger.method} /${segments.map((s) => ('literal' in s ? s.literal : s.greedy ? '{+}' : '{}')).join('/')}`;
    const other = seen.get(shape);
    if (other) throw new Error(`routes ${other} and ${fn.name} overlap (${shape})`);
    seen.set(shape, fn.name);
  }
}
