import { parseArgs } from 'node:util';

export const SCENARIOS = [
  'assign',
  'enroll',
  'recalc',
  'latency',
  'asof',
  'isolation',
  'bundles',
  'events',
  'webhooks',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const BENCH_USAGE = `usage: npm run bench -- [--only ${SCENARIOS.join('|')}[,…]] [--sizes 10000,100000]
       [--enroll-size 10000] [--events-size 5000] [--webhooks-size 2000] [--recalc-learners 20000,100000] [--latency-seconds 8] [--connections 8]
       [--api <url> --token <staff jwt> [--dynamodb http://127.0.0.1:8000] [--table lms-groups]]`;

export interface BenchArgs {
  only: ScenarioName[];
  /** Group sizes of the bulk assign scenario. */
  sizes: number[];
  enrollSize: number;
  /** Membership changes the change-events scenario streams. */
  eventsSize: number;
  /** Membership changes the webhooks scenario streams and delivers. */
  webhooksSize: number;
  /** Tenant sizes of the recalculation scenario (half of each tenant matches). */
  recalcLearners: number[];
  latencySeconds: number;
  connections: number;
  /** A running stack instead of the bench's own one. */
  attach?: { api: string; token: string; dynamodb: string; table: string };
}

/** `npm run bench` flags; throws with the usage on anything it does not understand. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      only: { type: 'string' },
      sizes: { type: 'string', default: '10000,100000' },
      'enroll-size': { type: 'string', default: '10000' },
      'events-size': { type: 'string', default: '5000' },
      'webhooks-size': { type: 'string', default: '2000' },
      'recalc-learners': { type: 'string', default: '20000,100000' },
      'latency-seconds': { type: 'string', default: '8' },
      connections: { type: 'string', default: '8' },
      api: { type: 'string' },
      token: { type: 'string' },
      dynamodb: { type: 'string', default: 'http://127.0.0.1:8000' },
      table: { type: 'string', default: 'lms-groups' },
    },
  });
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SCENARIOS];
  for (const name of only) {
    if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`--only: unknown scenario "${name}"`);
  }
  if ((values.api === undefined) !== (values.token === undefined)) throw new Error('--api and --token go together');
  return {
    only: only as ScenarioName[],
    sizes: values.sizes.split(',').map((s) => positive('--sizes', s)),
    enrollSize: positive('--enroll-size', values['enroll-size']),
    eventsSize: positive('--events-size', values['events-size']),
    webhooksSize: positive('--webhooks-size', values['webhooks-size']),
    recalcLearners: values['recalc-learners'].split(',').map((s) => positive('--recalc-learners', s)),
    latencySeconds: positive('--latency-seconds', values['latency-seconds']),
    connections: positive('--connections', values.connections),
    ...(values.api && values.token
      ? {
          attach: {
            api: values.api.replace(/\/$/, ''),
            token: values.token,
            dynamodb: values.dynamodb,
            table: values.table,
          },
        }
      : {}),
  };
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got "${value}"`);
  return n;
}
