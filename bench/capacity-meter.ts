import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Operations that accept ReturnConsumedCapacity. */
const METERED = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/**
 * DynamoDB's size of an item, in bytes, from its document form: attribute names plus values
 * (strings as UTF-8, numbers about one byte per two digits plus one, booleans and nulls one byte,
 * lists and maps three bytes plus their elements and, for maps, their names).
 */
export function itemSizeBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + itemSizeBytes(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + itemSizeBytes(v), 0);
  return 3 + Object.entries(value).reduce((n, [k, v]) => n + Buffer.byteLength(k) + 1 + itemSizeBytes(v), 0);
}

const INDEX_KEYS = ['GSI1PK', 'GSI2PK'];

/**
 * The write units AWS bills for a TransactWriteItems call (DynamoDB Local reports far fewer: it prices
 * the call as if it were one item). Per item, twice the standard cost: a Put by its size (and one
 * standard write per index whose key it carries); an Update, Delete or ConditionCheck, whose stored
 * size the request does not show, as one KB.
 */
export function transactWriteUnits(input: { TransactItems?: Record<string, { Item?: Record<string, unknown> }>[] }) {
  let units = 0;
  for (const entry of input.TransactItems ?? []) {
    const put = entry.Put?.Item;
    if (!put) {
      units += 2;
      continue;
    }
    const kb = Math.max(1, Math.ceil(itemSizeBytes(put) / 1024));
    units += 2 * kb + INDEX_KEYS.filter((k) => put[k] !== undefined).length * kb;
  }
  return units;
}

/**
 * The least read units AWS bills for a GetItem or BatchGetItem: every key requested, found or not
 * (DynamoDB Local reports nothing for a missing item), one unit strongly consistent, half otherwise.
 */
export function readUnitsFloor(command: string, input: Record<string, unknown>): number {
  const unit = (consistent: unknown) => (consistent ? 1 : 0.5);
  if (command === 'GetItemCommand') return unit(input.ConsistentRead);
  if (command !== 'BatchGetItemCommand') return 0;
  const requests = Object.values(
    (input.RequestItems ?? {}) as Record<string, { Keys?: unknown[]; ConsistentRead?: boolean }>,
  );
  return requests.reduce((n, r) => n + (r.Keys?.length ?? 0) * unit(r.ConsistentRead), 0);
}

export interface OperationCount {
  /** Calls as the application made them (the SDK's retries inside one call are `attempts`). */
  calls: number;
  attempts: number;
  failed: number;
  /** Capacity units DynamoDB reported, table and indexes (write units for writes, read units for reads). */
  units: number;
}

export type CapacityCounts = Record<string, OperationCount>;

interface Consumed {
  CapacityUnits?: number;
}

/**
 * Counts the DynamoDB calls a client makes and the capacity they consume: it asks for
 * `ReturnConsumedCapacity: TOTAL` on every call that takes it and adds up what DynamoDB Local reports
 * (as AWS does for single-item and batch writes, index writes included, and for reads of items that
 * exist), except where Local reports less than AWS bills: TransactWriteItems, computed from the request
 * (`transactWriteUnits`), and keys read but not found (`readUnitsFloor`).
 */
export function meterCapacity(client: DynamoDBDocumentClient) {
  const counts: CapacityCounts = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const op = command.replace(/Command$/, '');
      const count = (counts[op] ??= { calls: 0, attempts: 0, failed: 0, units: 0 });
      count.calls++;
      const input = args.input as Record<string, unknown>;
      if (METERED.has(command)) input.ReturnConsumedCapacity ??= 'TOTAL';
      try {
        const out = await next(args);
        const output = out.output as { ConsumedCapacity?: Consumed | Consumed[]; $metadata?: { attempts?: number } };
        count.attempts += output.$metadata?.attempts ?? 1;
        const consumed = output.ConsumedCapacity;
        if (command === 'TransactWriteItemsCommand') count.units += transactWriteUnits(input);
        else {
          const reported = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
            (n, c) => n + (c.CapacityUnits ?? 0),
            0,
          );
          count.units += Math.max(reported, readUnitsFloor(command, input));
        }
        return out;
      } catch (error) {
        count.failed++;
        count.attempts += (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        throw error;
      }
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  return {
    snapshot: (): CapacityCounts => structuredClone(counts),
  };
}

export type CapacityMeter = ReturnType<typeof meterCapacity>;

/** What happened between two snapshots. */
export function countsBetween(before: CapacityCounts, after: CapacityCounts): CapacityCounts {
  const out: CapacityCounts = {};
  for (const [op, a] of Object.entries(after)) {
    const b = before[op] ?? { calls: 0, attempts: 0, failed: 0, units: 0 };
    const d = {
      calls: a.calls - b.calls,
      attempts: a.attempts - b.attempts,
      failed: a.failed - b.failed,
      units: a.units - b.units,
    };
    if (d.calls > 0) out[op] = d;
  }
  return out;
}

/** Read and write capacity units in a set of counts. */
export function unitsOf(counts: CapacityCounts): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const [op, c] of Object.entries(counts)) {
    if (READS.has(op)) read += c.units;
    else write += c.units;
  }
  return { read, write };
}
