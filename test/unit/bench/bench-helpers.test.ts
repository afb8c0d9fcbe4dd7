import { describe, expect, it } from 'vitest';
import { parseBenchArgs, SCENARIOS } from '#bench/bench-args';
import { countsBetween, itemSizeBytes, readUnitsFloor, transactWriteUnits, unitsOf } from '#bench/capacity-meter';
import { costModel, PRICES } from '#bench/cost-model';
import { percentile, summarize } from '#bench/stats';

describe('percentile', () => {
  it('takes the nearest rank of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('reports rate, p50, p99 and max of a run', () => {
    const latencies = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(summarize(latencies, 3, 4)).toEqual({
      requests: 200,
      errors: 3,
      per_second: 50,
      p50_ms: 100,
      p99_ms: 198,
      max_ms: 200,
    });
  });
});

describe('parseBenchArgs', () => {
  it('runs every scenario with the default sizes', () => {
    const args = parseBenchArgs([]);
    expect(args.only).toEqual([...SCENARIOS]);
    expect(args.sizes).toEqual([10000, 100000]);
    expect(args.recalcLearners).toEqual([20000, 100000]);
    expect(args.webhooksSize).toBe(2000);
    expect(args.attach).toBeUndefined();
  });

  it('takes the webhooks scenario with its size', () => {
    const args = parseBenchArgs(['--only', 'webhooks', '--webhooks-size', '300']);
    expect(args.only).toEqual(['webhooks']);
    expect(args.webhooksSize).toBe(300);
  });

  it('takes one scenario and a running stack', () => {
    const args = parseBenchArgs(['--only', 'recalc', '--api', 'http://127.0.0.1:3200/', '--token', 't']);
    expect(args.only).toEqual(['recalc']);
    expect(args.attach).toEqual({
      api: 'http://127.0.0.1:3200',
      token: 't',
      dynamodb: 'http://127.0.0.1:8000',
      table: 'lms-groups',
    });
  });

  it('refuses an unknown scenario, a bad size and --api without --token', () => {
    expect(() => parseBenchArgs(['--only', 'nope'])).toThrow(/unknown scenario "nope"/);
    expect(() => parseBenchArgs(['--sizes', '10,x'])).toThrow(/--sizes must be a positive integer/);
    expect(() => parseBenchArgs(['--recalc-learners', '0'])).toThrow(/--recalc-learners must be a positive integer/);
    expect(() => parseBenchArgs(['--webhooks-size', '1.5'])).toThrow(/--webhooks-size must be a positive integer/);
    expect(() => parseBenchArgs(['--api', 'http://x'])).toThrow(/--api and --token go together/);
  });
});

describe('capacity arithmetic', () => {
  it('sizes an item as DynamoDB does: names plus values', () => {
    expect(itemSizeBytes({ PK: 'GROUP#1', n: 12345 })).toBe(3 + (2 + 1 + 7) + (1 + 1 + 4));
    expect(itemSizeBytes({ ok: true, none: null, list: ['ab'] })).toBe(
      3 + (2 + 1 + 1) + (4 + 1 + 1) + (4 + 1 + 3 + 1 + 2),
    );
  });

  it('prices a transaction at twice the standard units, index writes included', () => {
    const put = { PK: 'GROUP#g', SK: 'MEMBER#L#1', GSI1PK: 'MEMBERSHIPS#e#L#1', GSI1SK: 'GROUP#g' };
    const big = { PK: 'JOB#j', SK: 'RESULT#0', rows: 'x'.repeat(3000) };
    const units = transactWriteUnits({
      TransactItems: [{ Put: { Item: put } }, { Put: { Item: big } }, { Update: {} }, { ConditionCheck: {} }],
    });
    expect(units).toBe(2 + 1 + 2 * 3 + 2 + 2);
  });

  it('splits units into reads and writes and diffs snapshots', () => {
    const before = { Query: { calls: 1, attempts: 1, failed: 0, units: 2 } };
    const after = {
      Query: { calls: 3, attempts: 3, failed: 0, units: 10 },
      BatchWriteItem: { calls: 2, attempts: 2, failed: 0, units: 50 },
    };
    const between = countsBetween(before, after);
    expect(between).toEqual({
      Query: { calls: 2, attempts: 2, failed: 0, units: 8 },
      BatchWriteItem: { calls: 2, attempts: 2, failed: 0, units: 50 },
    });
    expect(unitsOf(between)).toEqual({ read: 8, write: 50 });
  });
});

describe('costModel', () => {
  it('scales what a scenario observed to 1M items and prices it', () => {
    const [line] = costModel([
      {
        scenario: 'assign',
        measured: 1,
        unit: 'items/s',
        raw: 1,
        raw_label: '',
        ratio: 1,
        target: '',
        met: true,
        observed: {
          items: 1000,
          dynamodb: {
            TransactWriteItems: { calls: 10, attempts: 10, failed: 0, units: 3000 },
            BatchGetItem: { calls: 10, attempts: 10, failed: 0, units: 500 },
          },
          functions: {
            ApplyJobChunk: { invocations: 1, ms: 2000, memory_mb: 512 },
            GetJob: { invocations: 50, ms: 5000, memory_mb: 512 },
          },
          sqs_messages: 2,
        },
      },
    ]);
    expect(line!.per_million_items).toEqual({
      dynamodb_write_units: 3_000_000,
      dynamodb_read_units: 500_000,
      sqs_requests: 3000,
      lambda_invocations: 1000,
      lambda_gb_seconds: 1000,
    });
    expect(line!.usd.dynamodb).toBeCloseTo(
      3 * PRICES.dynamodb_write_unit_per_million + 0.5 * PRICES.dynamodb_read_unit_per_million,
    );
  });
});

describe('readUnitsFloor', () => {
  it('bills every key read, found or not', () => {
    const keys = Array.from({ length: 100 }, (_, i) => ({ PK: `L#${i}` }));
    expect(readUnitsFloor('BatchGetItemCommand', { RequestItems: { t: { Keys: keys, ConsistentRead: true } } })).toBe(
      100,
    );
    expect(readUnitsFloor('BatchGetItemCommand', { RequestItems: { t: { Keys: keys } } })).toBe(50);
    expect(readUnitsFloor('GetItemCommand', { ConsistentRead: true })).toBe(1);
    expect(readUnitsFloor('QueryCommand', {})).toBe(0);
  });
});
