import type { BenchRow } from './bench-row';
import { unitsOf } from './capacity-meter';

/**
 * Public on-demand list prices, us-east-1, as published in 2025 (DynamoDB after its November 2024
 * on-demand reduction; Lambda arm64). Check the pricing pages before relying on them.
 */
export const PRICES = {
  region: 'us-east-1',
  as_of: '2025 list prices',
  dynamodb_write_unit_per_million: 0.625,
  dynamodb_read_unit_per_million: 0.125,
  sqs_request_per_million: 0.4,
  lambda_gb_second_arm64: 0.0000133334,
  lambda_request_per_million: 0.2,
} as const;

/** Functions the bench calls to watch a job, which a client need not: not part of the work's cost. */
const OBSERVERS = new Set(['GetJob']);
/** SQS event source mapping batch size of ApplyJobChunk (functions/catalog.ts). */
const CHUNKS_PER_BATCH = 2;

export interface CostLine {
  scenario: string;
  per_million_items: {
    dynamodb_write_units: number;
    dynamodb_read_units: number;
    sqs_requests: number;
    lambda_invocations: number;
    lambda_gb_seconds: number;
  };
  usd: { dynamodb: number; sqs: number; lambda: number; total: number };
}

/**
 * What 1M items of each metered scenario would cost in AWS, scaled from what the bench observed:
 * DynamoDB units as DynamoDB (Local) reported them (transactions computed from the requests), SQS
 * requests from the job's chunk count (one SendMessageBatch per 10 chunks; per batch of two chunks
 * one ReceiveMessage and one DeleteMessageBatch by the event source mapping), and Lambda GB-s from
 * the handlers' measured durations (an upper bound: locally they share one event loop and two cores).
 */
export function costModel(rows: BenchRow[]): CostLine[] {
  return rows.flatMap((row): CostLine[] => {
    const o = row.observed;
    if (!o || Object.keys(o.dynamodb).length === 0) return [];
    const scale = 1_000_000 / o.items;
    const units = unitsOf(o.dynamodb);
    const chunks = o.sqs_messages ?? 0;
    const sqs = Math.ceil(chunks / 10) + 2 * Math.ceil(chunks / CHUNKS_PER_BATCH);
    const fns = Object.entries(o.functions).filter(([name]) => !OBSERVERS.has(name));
    const invocations = fns.reduce((n, [, f]) => n + f.invocations, 0);
    const gbSeconds = fns.reduce((n, [, f]) => n + (f.ms / 1000) * (f.memory_mb / 1024), 0);
    const per = {
      dynamodb_write_units: units.write * scale,
      dynamodb_read_units: units.read * scale,
      sqs_requests: sqs * scale,
      lambda_invocations: invocations * scale,
      lambda_gb_seconds: gbSeconds * scale,
    };
    const dynamodb =
      (per.dynamodb_write_units / 1e6) * PRICES.dynamodb_write_unit_per_million +
      (per.dynamodb_read_units / 1e6) * PRICES.dynamodb_read_unit_per_million;
    const sqsUsd = (per.sqs_requests / 1e6) * PRICES.sqs_request_per_million;
    const lambda =
      per.lambda_gb_seconds * PRICES.lambda_gb_second_arm64 +
      (per.lambda_invocations / 1e6) * PRICES.lambda_request_per_million;
    return [
      {
        scenario: row.scenario,
        per_million_items: per,
        usd: { dynamodb, sqs: sqsUsd, lambda, total: dynamodb + sqsUsd + lambda },
      },
    ];
  });
}
