import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The production code's imports form no cycle, type-only imports included: every module stands above
 * what it imports, so it can be read, tested and bundled from the bottom up. Reads every import and
 * re-export of functions/, shared/, local/, infra/ and bench/ with TypeScript's own pre-processor,
 * resolving the `#folder/*` aliases of tsconfig.json.
 */
const root = resolve(import.meta.dirname, '../../..');
const FOLDERS = ['functions', 'shared', 'local', 'infra', 'bench'];
const ALIASES: Record<string, string> = Object.fromEntries(
  ['shared', 'functions', 'local', 'infra', 'test', 'bench'].map((f) => [`#${f}/`, `${f}/`]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return name === 'results' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(a));
  let base: string;
  if (alias) base = ALIASES[alias] + specifier.slice(alias.length);
  else if (specifier.startsWith('.')) base = relative(root, resolve(root, dirname(from), specifier));
  else return undefined;
  const candidates = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  return candidates.find((c) => c.endsWith('.ts') && existsSync(join(root, c)));
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap(sourceFiles)) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles.flatMap(({ fileName }) => resolveImport(file, fileName) ?? []);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import structure', () => {
  const graph = importGraph();

  it('reads the whole production tree and resolves its aliases', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('functions/workers/plan-job.ts')).toContain('shared/jobs/wired.ts');
    expect(graph.get('shared/imports/start-csv-import.ts')).toContain('shared/imports/import-events.ts');
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle, type-only imports included', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const info = ts.preProcessFile("import type { X } from './x';\nexport { y } from '#shared/y';", true, true);
    expect(info.importedFiles.map((f) => f.fileName)).toEqual(['./x', '#shared/y']);
  });
});
