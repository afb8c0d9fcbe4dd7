import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, type LocalStackOptions } from '#local/stack';
import { IntervalError, parseInterval } from '#local/schedule-interval';
import { StartupError } from '#local/startup-error';

export const START_USAGE =
  'usage: npm start -- [--persist] [--port 3000] [--dynamodb-port 8000] [--messaging-port 4566] [--recalc-interval 24h|off] [--change-stream on|off] [--keys-dir .local/keys] [--timeout-scale 1] [--quiet]';

/**
 * `npm start` flags, with PORT / DYNAMODB_PORT / MESSAGING_PORT / RECALC_INTERVAL / CHANGE_STREAM /
 * LOCAL_KEYS_DIR / LOCAL_TIMEOUT_SCALE as defaults.
 */
export function parseStartArgs(argv: string[], environment: NodeJS.ProcessEnv): LocalStackOptions | 'help' {
  const values = parse(argv);
  if (values.help) return 'help';
  return {
    port: portOption('--port/PORT', values.port ?? environment.PORT, DEFAULT_PORTS.api),
    dynamoPort: portOption(
      '--dynamodb-port/DYNAMODB_PORT',
      values['dynamodb-port'] ?? environment.DYNAMODB_PORT,
      DEFAULT_PORTS.dynamodb,
    ),
    messagingPort: portOption(
      '--messaging-port/MESSAGING_PORT',
      values['messaging-port'] ?? environment.MESSAGING_PORT,
      DEFAULT_PORTS.messaging,
    ),
    persist: values.persist ?? false,
    ...recalcInterval(values['recalc-interval'] ?? environment.RECALC_INTERVAL),
    ...changeStream(values['change-stream'] ?? environment.CHANGE_STREAM),
    keysDir: values['keys-dir'] ?? environment.LOCAL_KEYS_DIR,
    quiet: values.quiet ?? false,
    ...timeoutScale(values['timeout-scale'] ?? environment.LOCAL_TIMEOUT_SCALE),
  };
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        persist: { type: 'boolean' },
        port: { type: 'string' },
        'dynamodb-port': { type: 'string' },
        'messaging-port': { type: 'string' },
        'recalc-interval': { type: 'string' },
        'change-stream': { type: 'string' },
        'keys-dir': { type: 'string' },
        quiet: { type: 'boolean' },
        'timeout-scale': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new StartupError(`${(error as Error).message.split('\n')[0]} (${START_USAGE})`);
  }
}

function portOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(`${name} must be a port number (0-65535, 0 picks a free one), got "${value}"`);
  }
  return port;
}

/** Whether the stack reads its change stream; unset keeps the stack's default (it does). */
function changeStream(value: string | undefined): Pick<LocalStackOptions, 'changeStream'> {
  if (value === undefined || value === '') return {};
  if (value === 'on' || value === 'off') return { changeStream: value === 'on' };
  throw new StartupError(`--change-stream/CHANGE_STREAM must be on or off, got "${value}"`);
}

/** The scheduled recalculation's local interval; unset keeps the stack's default (that of `rate(1 day)`). */
function recalcInterval(value: string | undefined): Pick<LocalStackOptions, 'schedules'> {
  if (value === undefined || value === '') return {};
  try {
    return { schedules: { recalculation: parseInterval(value, '--recalc-interval/RECALC_INTERVAL') } };
  } catch (error) {
    if (error instanceof IntervalError) throw new StartupError(error.message);
    throw error;
  }
}

/** How much longer than deployed the local functions may run (1, as in AWS, when unset). */
function timeoutScale(value: string | undefined): Pick<LocalStackOptions, 'timeoutScale'> {
  if (value === undefined || value === '') return {};
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale < 1 || scale > 20) {
    throw new StartupError(`--timeout-scale/LOCAL_TIMEOUT_SCALE must be a number from 1 to 20, got "${value}"`);
  }
  return { timeoutScale: scale };
}
