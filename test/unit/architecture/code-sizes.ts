import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** One named function or method and how many lines it spans, first to last. */
export interface Sized {
  file: string;
  name: string;
  lines: number;
}

/** The `.ts` files under `dir` of the tree at `root`, as paths relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export const lineCount = (root: string, file: string) => readFileSync(join(root, file), 'utf8').split('\n').length - 1;

/** A function-like node's name when it has one: a method, a property or variable holding it, a declaration. */
function nameOf(node: ts.Node): string | undefined {
  if (ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isGetAccessor(node))
    return node.name?.getText();
  const holder = node.parent;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && holder) {
    if (ts.isPropertyAssignment(holder) || ts.isVariableDeclaration(holder)) return holder.name.getText();
  }
  return undefined;
}

/**
 * The named functions and methods of a module (callbacks count as part of the function that holds
 * them), but its factories (`make…`): a repository factory is the closure its methods share.
 */
export function functionSizes(root: string, file: string): Sized[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const out: Sized[] = [];
  const visit = (node: ts.Node) => {
    const name = ts.isFunctionLike(node) ? nameOf(node) : undefined;
    if (name && !name.startsWith('make'))
      out.push({ file, name, lines: line(node.getEnd()) - line(node.getStart(source)) + 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The methods of every repository of the tree at `root` (`shared/**\/*-repository.ts`) longer than `limit` lines. */
export const longRepositoryMethods = (root: string, limit: number) =>
  sourceFiles(root, 'shared')
    .filter((f) => f.endsWith('-repository.ts'))
    .flatMap((f) => functionSizes(root, f))
    .filter((m) => m.lines > limit)
    .sort((a, b) => b.lines - a.lines);
