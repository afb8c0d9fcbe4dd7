import type { BenchArgs } from './bench-args';
import type { BenchTarget } from './bench-target';
import { type CapacityCounts, countsBetween } from './capacity-meter';
import { type FunctionTimes, timesBetween } from './invocation-timer';
import type { LearnerFixtures } from './seed-learners';

/** One line of the bench's table: a measured figure, the raw reference of the same run, their ratio. */
export interface BenchRow {
  scenario: string;
  measured: number;
  unit: string;
  /** The raw engine (or empty-module) reference measured in the same run; null where there is none. */
  raw: number | null;
  raw_label: string;
  /** measured / raw. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  /** What the stack did meanwhile (own stack only): DynamoDB calls and units, handler time per function. */
  observed?: { items: number; dynamodb: CapacityCounts; functions: FunctionTimes; sqs_messages?: number };
  details?: Record<string, unknown>;
}

export interface ScenarioContext {
  args: BenchArgs;
  target: BenchTarget;
  fixtures: LearnerFixtures;
}

export type Scenario = (context: ScenarioContext) => Promise<BenchRow[]>;

/** Meters the stack's DynamoDB calls and function time while `work` runs (nothing with `--api`). */
export async function observe<T>(
  target: BenchTarget,
  work: () => Promise<T>,
): Promise<{ result: T; dynamodb: CapacityCounts; functions: FunctionTimes }> {
  const before = { db: target.meter?.snapshot() ?? {}, fn: target.invocations?.snapshot() ?? {} };
  const result = await work();
  return {
    result,
    dynamodb: countsBetween(before.db, target.meter?.snapshot() ?? {}),
    functions: timesBetween(before.fn, target.invocations?.snapshot() ?? {}),
  };
}
