import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '#local/paths';
import type { BenchRow } from './bench-row';

const fmt = (n: number | null) =>
  n === null || Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);

/** The table every run prints: per scenario the figure, the raw reference of the same run, the ratio. */
export function printTable(rows: BenchRow[]): void {
  const lines = rows.map((r) => [
    r.scenario,
    `${fmt(r.measured)} ${r.unit}`,
    r.raw === null ? '—' : `${fmt(r.raw)} ${r.raw_label}`,
    fmt(r.ratio),
    r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const header = ['scenario', 'measured', 'raw reference (same run)', 'ratio', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(line(l));
}

export function machine() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpu_model: cpu[0]?.model ?? 'unknown',
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Writes bench/results/latest.json (git-ignored; only .gitkeep is committed). */
export async function writeResults(content: Record<string, unknown>): Promise<string> {
  const dir = join(repoRoot, 'bench/results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
