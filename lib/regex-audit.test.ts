import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression written in the app's source is checked for catastrophic backtracking
 * (nested quantifiers, overlapping alternations) by recheck, which decides it from the pattern's
 * automaton: exact and the same on every run. Their inputs may be Kafka data, error messages or
 * request data. Users' own patterns never reach RegExp: they go through lib/user-regex.ts (RE2).
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = ['lib', 'app', 'components', 'server', 'proxy.ts'];

/** Reviewed exceptions, with why their input cannot be hostile. Keyed by `file: /source/flags`. */
const REVIEWED = new Map<string, string>([
  ['lib/auth/session.ts: /=+$/', 'quadratic only in a run of "=", and it trims btoa() of our own bytes, which ends in at most two'],
]);

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (/\.(tsx?|mjs)$/.test(entry)) return [entry];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(tsx?|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join(entry, name));
}

interface Found {
  file: string;
  line: number;
  text: string;
}

/** Regex literals, and any call of RegExp (which would compile text at run time), from the syntax tree. */
function findRegexes(file: string): { literals: (Found & { source: string; flags: string })[]; constructed: Found[] } {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const literals: (Found & { source: string; flags: string })[] = [];
  const constructed: Found[] = [];
  const where = (node: ts.Node) => ({ file, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText() });
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const slash = literal.lastIndexOf('/');
      literals.push({ ...where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      constructed.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return { literals, constructed };
}

const files = SOURCES.flatMap(sourceFiles);
const found = files.map(findRegexes);
const literals = found.flatMap((f) => f.literals);

describe('regular expressions in the source', () => {
  it('are found (the scan reads the real files)', () => {
    expect(files).toContain(path.join('lib', 'tail-params.ts'));
    expect(files).toContain(path.join('server', 'allowed-hosts.mjs'));
    expect(literals.length).toBeGreaterThan(20);
  });

  it('never compile text at run time with RegExp: user patterns go through compileUserRegex (RE2)', () => {
    expect(found.flatMap((f) => f.constructed)).toEqual([]);
  });

  it('none backtracks catastrophically', async () => {
    const problems: string[] = [];
    for (const { file, line, source, flags } of literals) {
      const key = `${file}: /${source}/${flags}`;
      const diagnostics = await check(source, flags, { checker: 'automaton', timeout: 20_000 });
      if (diagnostics.status === 'safe' || REVIEWED.has(key)) continue;
      const detail =
        diagnostics.status === 'vulnerable'
          ? `${diagnostics.complexity.type}, attack ${JSON.stringify(diagnostics.attack.pattern)}`
          : `unknown: ${diagnostics.error.kind}`;
      problems.push(`${file}:${line} /${source}/${flags} is ${diagnostics.status} (${detail})`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('has no stale reviewed exception', () => {
    const keys = new Set(literals.map(({ file, source, flags }) => `${file}: /${source}/${flags}`));
    expect([...REVIEWED.keys()].filter((key) => !keys.has(key))).toEqual([]);
  });
});
