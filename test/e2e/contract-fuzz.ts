/**
 * Hostile requests generated from the OpenAPI document the stack serves (itself generated from the
 * zod schemas the handlers validate with): for each operation, a plausible instance of its body and
 * parameters with one part replaced by a boundary, huge, deeply nested, mistyped or odd-unicode value,
 * or a crafted pagination cursor. Deterministic for a seed, so a failure is replayed by its seed.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema documents are free-form
export type Schema = Record<string, any>;

export interface Operation {
  operationId: string;
  method: string;
  /** With `{name}` placeholders. */
  path: string;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: Schema }[];
  body?: Schema;
}

export interface FuzzRequest {
  method: string;
  /** Path and query string, encoded. */
  url: string;
  body?: string;
  /** What was mutated, for the failure message. */
  mutation: string;
}

/** Values a client may know: ids of real resources, so requests reach past the not-found checks. */
export interface KnownValues {
  [parameterName: string]: string[];
}

/** mulberry32: a small seeded generator, so every run with the same seed sends the same requests. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
export type Random = ReturnType<typeof random>;

export function operationsOf(document: Schema): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      operationId: op.operationId as string,
      method: method.toUpperCase(),
      path,
      // Header parameters (If-Match, If-None-Match) are left to the conditional-request tests.
      parameters: ((op.parameters ?? []) as { in: string }[]).filter(
        (p) => p.in === 'path' || p.in === 'query',
      ) as Operation['parameters'],
      body: op.requestBody?.content?.['application/json']?.schema as Schema | undefined,
    })),
  );
}

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const uuid = (r: Random) => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => '0123456789abcdef'[r.int(16)]!);

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0000=cmd|calc',
  '=HYPERLINK("http://x")',
  '\u202Egnp.exe',
  '\uFEFFbom',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧',
  'null',
  '../../etc/passwd',
  '%00%2e%2e',
  "' OR 1=1 --",
  '#',
  'TENANT#x#GROUPS',
  'GROUP#',
  'a\r\nSet-Cookie: x=y',
  '<script>alert(1)</script>',
  'A'.repeat(2_001),
];

/** A cursor the service issued, altered: its key moved outside the listing, retyped, cut or extended. */
function alteredCursor(r: Random, issued: string): string {
  const cursor = JSON.parse(Buffer.from(issued, 'base64url').toString('utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  const side = cursor.a ? 'a' : 'b';
  const key = { ...cursor[side] };
  const names = Object.keys(key);
  const name = r.pick(names.length > 0 ? names : ['SK']);
  r.pick<() => void>([
    () => (key[name] = 'ZZZ'),
    () => (key[name] = `${String(key[name])}~`),
    () => delete key[name],
    () => (key[name] = { S: 'x' }),
    () => (key[name] = 7),
    () => (key.extra = 'attribute'),
    () => (key[name] = hostileString(r, {})),
  ])();
  return b64({ [r.pick(['a', 'b'])]: key });
}

/** A pagination cursor that is not one the service issued. */
function craftedCursor(r: Random, issued: string[] = []): string {
  if (issued.length > 0 && r.next() < 0.7) return alteredCursor(r, r.pick(issued));
  const key = r.pick([
    { PK: 'GROUP#x', SK: 'ZZZ' },
    { PK: 'GROUP#x' },
    { PK: { S: 'x' }, SK: 'y' },
    { PK: 'GROUP#x', SK: 'MEMBER#', extra: 'attribute' },
    { PK: 'TENANT#x#GROUPS', SK: 'GROUP', GSI1PK: 1, GSI1SK: null },
    {},
  ]);
  return r.pick([
    b64({ a: key }),
    b64({ b: key }),
    b64({ a: key, b: key }),
    b64('not json'),
    b64([1, 2]),
    b64(null),
    '%%%',
    'A'.repeat(1_999),
  ]);
}

function hostileString(r: Random, schema: Schema): string {
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 256;
  return r.pick([
    ...ODD_STRINGS,
    'a'.repeat(max),
    'a'.repeat(max + 1),
    'x'.repeat(450_000),
    uuid(r),
    uuid(r).toUpperCase(),
    `${uuid(r)}@example.com`,
  ]);
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Any value of the wrong shape, or of the right shape at its limits. */
function hostileValue(r: Random, schema: Schema): unknown {
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : 100;
  return r.pick<() => unknown>([
    () => hostileString(r, schema),
    () => r.pick([0, -1, 1e300, -1e300, 2 ** 53 + 1, 0.5, -0, Number.MAX_SAFE_INTEGER]),
    () => (typeof schema.maximum === 'number' ? schema.maximum + 1 : 1e300),
    () => r.pick([true, false, null]),
    () => nested(40),
    () => [],
    () => Array.from({ length: Math.min(maxItems + 1, 5_001) }, () => instance(r, schema.items ?? {}, 2)),
    () => Array.from({ length: 3 }, () => hostileString(r, {})),
    () => ({}),
    () => ({ ...(instance(r, schema, 2) as object), unexpected_field: hostileString(r, {}) }),
    () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}'),
  ])();
}

/** A plausible instance of `schema`: what a well-meaning client would send. */
export function instance(r: Random, schema: Schema, depth = 0, known?: string[]): unknown {
  if (known?.length && r.next() < 0.7) return r.pick(known);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return r.pick(schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(options)) return instance(r, r.pick(options as Schema[]), depth);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return instance(r, schema.allOf[0] as Schema, depth);
  const type = Array.isArray(schema.type) ? r.pick(schema.type as string[]) : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return uuid(r);
      if (schema.format === 'email') return `learner-${r.int(1_000_000)}@example.com`;
      if (schema.format === 'date-time') return new Date(1_800_000_000_000 - r.int(1e10)).toISOString();
      return 'v'.repeat(Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 8, 8)));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 10, 10));
    case 'boolean':
      return r.next() < 0.5;
    case 'null':
      return null;
    case 'array': {
      if (depth > 3) return [];
      const count = Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 2, 1 + r.int(2)));
      return Array.from({ length: count }, () => instance(r, schema.items ?? {}, depth + 1));
    }
    case 'object':
    default: {
      if (!schema.properties || depth > 4) return type === 'object' ? {} : 'v';
      const required = new Set<string>(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(schema.properties as Record<string, Schema>)
          .filter(([name]) => required.has(name) || r.next() < 0.5)
          .map(([name, inner]) => [name, instance(r, inner, depth + 1)]),
      );
    }
  }
}

/** Replaces one value somewhere inside `value` (per `schema`) by a hostile one; says where. */
function mutateBody(r: Random, value: unknown, schema: Schema, where = 'body'): [unknown, string] {
  const props = schema.properties as Record<string, Schema> | undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && props && r.next() < 0.75) {
    const name = r.pick(Object.keys(props));
    const [inner, path] = mutateBody(r, (value as Record<string, unknown>)[name], props[name]!, `${where}.${name}`);
    return [{ ...(value as object), [name]: inner }, path];
  }
  if (Array.isArray(value) && value.length > 0 && schema.items && r.next() < 0.5) {
    const index = r.int(value.length);
    const [inner, path] = mutateBody(r, value[index], schema.items as Schema, `${where}.${index}`);
    return [value.map((item, i) => (i === index ? inner : item)), path];
  }
  return [hostileValue(r, schema), where];
}

/** A URL carries no lone surrogate: a client sends U+FFFD in its place, as URLSearchParams does. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** One hostile request for `op`: parameters from `known` where they exist, one part made hostile. */
export function fuzzRequest(r: Random, op: Operation, known: KnownValues): FuzzRequest {
  const values = new Map<string, string>();
  for (const p of op.parameters) {
    if (p.name === 'cursor') continue; // a cursor is only ever the mutated part
    if (p.in === 'path' || p.required || r.next() < 0.3) {
      values.set(p.name, String(instance(r, p.schema, 0, known[p.name])));
    }
  }
  let body = op.body ? instance(r, op.body) : undefined;
  const targets = [...op.parameters.map((p) => `${p.in}.${p.name}`), ...(op.body ? ['body', 'body', 'body'] : [])];
  const target = targets.length > 0 ? r.pick(targets) : 'none';
  let mutation = target;
  if (target === 'body') {
    [body, mutation] = mutateBody(r, body, op.body!);
  } else if (target !== 'none') {
    const name = target.slice(target.indexOf('.') + 1);
    const schema = op.parameters.find((p) => p.name === name)!.schema;
    const cursor = name === 'cursor' || r.next() < 0.15;
    values.set(name, cursor ? craftedCursor(r, known.cursor) : String(hostileValue(r, schema)));
  }
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    const value = values.get(p.name);
    if (value === undefined) continue;
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(wellFormed(value)) || '%20');
    else query.set(p.name, value);
  }
  const search = query.toString();
  return {
    method: op.method,
    url: search ? `${path}?${search}` : path,
    ...(body !== undefined && { body: JSON.stringify(body) }),
    mutation,
  };
}
