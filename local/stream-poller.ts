import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { REGION } from '#local/aws-account';
import type { LocalLog } from '#local/local-log';

/** Invokes a stream consumer: resolves to its DynamoDBBatchResponse (or nothing); a rejection fails the batch. */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<unknown>;

/** One event source mapping on the table's stream. */
export interface StreamConsumer {
  name: string;
  batchSize: number;
  /** Retries of a record that keeps failing before it is given up (the mapping's `retryAttempts`). */
  maxRetries: number;
  handler: StreamHandler;
}

/** A record given up after its retries: what AWS sends to the mapping's on-failure queue (`DDBStreamBatchInfo`). */
export interface FailedStreamRecords {
  consumer: string;
  streamArn: string;
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  batchSize: number;
}

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  /** A client of the same DynamoDB Local, to find the table's stream. */
  dynamodb: DynamoDBClient;
  consumers: StreamConsumer[];
  log: LocalLog;
  /** Wait after a read that found nothing (default 200 ms, about Lambda's four polls a second). */
  idleWaitMs?: number;
  /** Wait before a failed batch is read again (default 500 ms). */
  failureWaitMs?: number;
  /** Takes the records given up after their retries (the on-failure queue in AWS); they are logged in any case. */
  onFailure?: (failed: FailedStreamRecords) => void;
}

export interface StreamPoller {
  /** Resolves once a full pass over every shard found no record left and no batch runs. */
  idle(options?: { timeoutMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A shard's failing batch: the record it resumes at, the batch size it is read with (halved from the
 * consumer's), the retries at that record, and the last record of the batch that first failed: the
 * halved size holds until a batch gets past it, as AWS retries both halves of a bisected batch.
 */
interface Retrying {
  at: string;
  limit: number;
  retries: number;
  through: string;
}
const SHARD_REFRESH_MS = 2_000;

/**
 * Local stand-in for Lambda's DynamoDB event source mapping: reads every shard of the table's stream
 * from its oldest record (a child shard only once its parent is read to its end), in order, and hands
 * each batch to the consumer as the Lambda event it would get. A batch answered with a
 * batchItemFailure resumes at that record; a thrown (or timed-out) batch is read again from its first
 * record, after a pause. As the AWS mapping does (bisect on error, `retryAttempts`): a batch that keeps
 * failing at one record is halved until that record is read alone (halving counts no retry), then
 * retried `maxRetries` times, then given up: logged as an error and handed to `onFailure`, and the shard
 * goes on after it, so one record that can never succeed does not hold its shard forever.
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const { consumers, log, tableName } = options;
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const idleWaitMs = options.idleWaitMs ?? 200;
  const failureWaitMs = options.failureWaitMs ?? 500;
  let stopping = false;
  /** Per consumer: passes over the shards started, and the last one that found nothing. */
  const passes = new Map(consumers.map((c) => [c.name, { started: 0, quiet: 0 }]));
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function streamArn(): Promise<string> {
    const { Table } = await options.dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`table ${tableName} has no stream`);
    return Table.LatestStreamArn;
  }

  async function listShards(arn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  async function iteratorAt(
    arn: string,
    shardId: string,
    sequenceNumber?: string,
    after = false,
  ): Promise<string | undefined> {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: arn,
        ShardId: shardId,
        ...(sequenceNumber
          ? {
              ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'AT_SEQUENCE_NUMBER',
              SequenceNumber: sequenceNumber,
            }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  async function deliver(consumer: StreamConsumer, arn: string, records: StreamRecord[]): Promise<string | null> {
    const event: DynamoDBStreamEvent = { Records: records.map((r) => lambdaRecord(r, arn)) };
    try {
      const result = (await consumer.handler(event)) as DynamoDBBatchResponse | undefined | null;
      const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed === undefined) return null;
      const known = records.some((r) => r.dynamodb?.SequenceNumber === failed);
      if (!known) log.warn(`${consumer.name}: invalid batchItemFailures, the whole batch is retried`);
      return known ? failed : records[0]!.dynamodb!.SequenceNumber!;
    } catch (error) {
      log.error(`${consumer.name}: stream batch of ${records.length} failed, it will be retried:`, error);
      return records[0]!.dynamodb!.SequenceNumber!;
    }
  }

  function giveUp(consumer: StreamConsumer, streamArn: string, shardId: string, sequenceNumber: string) {
    log.error(
      `${consumer.name}: stream record ${sequenceNumber} of shard ${shardId} still failed after ${consumer.maxRetries} retries; given up (the on-failure queue in AWS)`,
    );
    options.onFailure?.({
      consumer: consumer.name,
      streamArn,
      shardId,
      startSequenceNumber: sequenceNumber,
      endSequenceNumber: sequenceNumber,
      batchSize: 1,
    });
  }

  async function run(consumer: StreamConsumer): Promise<void> {
    let arn: string | undefined;
    /** Shards read to their end; the iterator of each shard being read. */
    const finished = new Set<string>();
    const iterators = new Map<string, string>();
    const retrying = new Map<string, Retrying>();
    let shards: Shard[] = [];
    let refreshedAt = 0;
    const pass = passes.get(consumer.name)!;
    while (!stopping) {
      const current = ++pass.started;
      try {
        arn ??= await streamArn();
        if (Date.now() - refreshedAt > SHARD_REFRESH_MS) {
          shards = await listShards(arn);
          refreshedAt = Date.now();
        }
        let found = 0;
        let failed = false;
        for (const shard of shards) {
          const id = shard.ShardId!;
          if (finished.has(id) || stopping) continue;
          const parent = shard.ParentShardId;
          if (parent && !finished.has(parent) && shards.some((s) => s.ShardId === parent)) continue;
          const iterator = iterators.get(id) ?? (await iteratorAt(arn, id));
          if (!iterator) {
            finished.add(id);
            continue;
          }
          const { Records = [], NextShardIterator } = await streams.send(
            new GetRecordsCommand({ ShardIterator: iterator, Limit: retrying.get(id)?.limit ?? consumer.batchSize }),
          );
          if (Records.length === 0) {
            if (NextShardIterator) iterators.set(id, NextShardIterator);
            else finished.add(id);
            continue;
          }
          found += Records.length;
          const resumeAt = await deliver(consumer, arn, Records);
          const last = Records.at(-1)!.dynamodb!.SequenceNumber!;
          if (resumeAt === null) {
            if (pastFailure(retrying.get(id), last)) retrying.delete(id);
            if (NextShardIterator) iterators.set(id, NextShardIterator);
            else finished.add(id);
          } else if (failedAgain(retrying, id, { at: resumeAt, through: last }, consumer)) {
            giveUp(consumer, arn, id, resumeAt);
            retrying.delete(id);
            iterators.set(id, (await iteratorAt(arn, id, resumeAt, true))!);
          } else {
            iterators.set(id, (await iteratorAt(arn, id, resumeAt))!);
            failed = true;
          }
        }
        if (found === 0 && !failed) pass.quiet = current;
        if (failed) await sleep(failureWaitMs);
        else if (found === 0) await sleep(idleWaitMs);
      } catch (error) {
        if (stopping) return;
        log.warn(`${consumer.name}: reading the stream failed (${(error as Error).message}); retrying in 1s`);
        arn = undefined;
        iterators.clear();
        await sleep(1_000);
      }
    }
  }

  const loops = consumers.map((consumer) => run(consumer));
  let stopped: Promise<void> | undefined;
  return {
    async idle({ timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      // A pass that started before the caller's writes proves nothing: wait for a quiet one started after.
      const after = new Map([...passes].map(([name, p]) => [name, p.started]));
      while (![...passes].every(([name, p]) => p.quiet > after.get(name)!)) {
        if (Date.now() > deadline) throw new Error(`stream not drained within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        wake?.();
        await Promise.all(loops);
        streams.destroy();
      })();
      return stopped;
    },
  };
}

/**
 * A stream record as Lambda delivers it, which is JSON: binary values in base64, the creation time in
 * epoch seconds, the source ARN on each record.
 */
export function lambdaRecord(record: StreamRecord, arn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, Keys, NewImage, OldImage, ...rest } = record.dynamodb ?? {};
  const dynamodb = {
    ...rest,
    ...(Keys ? { Keys: asJson(Keys) } : {}),
    ...(NewImage ? { NewImage: asJson(NewImage) } : {}),
    ...(OldImage ? { OldImage: asJson(OldImage) } : {}),
  };
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: REGION,
    eventSourceARN: arn,
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ApproximateCreationDateTime: ApproximateCreationDateTime
        ? Math.floor(ApproximateCreationDateTime.getTime() / 1000)
        : undefined,
    },
  } as DynamoDBRecord;
}

type Value = Record<string, unknown>;

/**
 * An image's attribute values as Lambda's JSON has them: binary ones (B, BS, nested) as base64 strings,
 * and an empty map as `{M: {}}`, which the DynamoDB Streams client reads as a value of no type at all.
 */
function asJson(image: Record<string, unknown>): Record<string, Value> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, attributeAsJson(value as Value)]));
}

function attributeAsJson(value: Value): Value {
  const base64 = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString('base64');
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: (value.BS as unknown[]).map(base64) };
  if (value.M !== undefined) return { M: asJson(value.M as Value) };
  if (value.L !== undefined) return { L: (value.L as Value[]).map(attributeAsJson) };
  if (Object.keys(value).length === 0) return { M: {} };
  return value;
}

/** Sequence numbers are decimal strings of any length. */
const laterOrSame = (a: string, b: string) => BigInt(a) >= BigInt(b);

/** Whether a batch that succeeded up to `last` took its shard past the batch that failed (if any). */
const pastFailure = (state: Retrying | undefined, last: string) => !state || laterOrSame(last, state.through);

/**
 * Counts a failure of a shard's batch at `at`: halves the batch while it holds more than that record,
 * else counts a retry. True once the record alone has failed past the consumer's `maxRetries`.
 */
function failedAgain(
  retrying: Map<string, Retrying>,
  shardId: string,
  failure: { at: string; through: string },
  consumer: StreamConsumer,
) {
  const before = retrying.get(shardId);
  const state = before
    ? { ...before, ...(before.at === failure.at ? {} : { at: failure.at, retries: 0 }) }
    : { ...failure, limit: consumer.batchSize, retries: 0 };
  if (state.limit > 1) state.limit = Math.ceil(state.limit / 2);
  else state.retries++;
  retrying.set(shardId, state);
  return state.retries > consumer.maxRetries;
}
