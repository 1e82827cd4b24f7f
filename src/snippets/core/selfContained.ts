/**
 * Makes a snippet self-contained for where it lands: an untitled editor (Open Snippet) or the user's own file
 * (Insert Snippet, the `mlip-` editor snippets). The files in snippets/ import their helpers from each other
 * (`import { matmul } from './tensor'`), which exists nowhere in the user's project; here each relative import is
 * replaced by the helper declarations the snippet actually uses (and what those use in turn), copied verbatim from
 * the tested files, so the code is the same code that is checked against PyTorch.
 *
 * The opened copy keeps its demo, as a plain block: `require.main === module` needs Node's type definitions, which an
 * untitled editor does not have. Plain data in, text out; no vscode import.
 */
/** The line that starts every snippet's demo; everything from it to the end of the file is the demo. */
export const DEMO_GUARD = 'if (require.main === module) {';

/** The source without its trailing demo block and the blank lines before it ('\n' line endings). */
export function stripDemo(source: string, fileName = 'snippet'): string {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const guard = lines.indexOf(DEMO_GUARD);
  if (guard < 0) throw new Error(`${fileName} has no demo block: expected a line "${DEMO_GUARD}"`);
  const afterGuard = lines.slice(guard + 1).filter((line) => line.trim() !== '');
  if (afterGuard[afterGuard.length - 1] !== '}') {
    throw new Error(`${fileName}: the demo block must be the last thing in the file, closed by "}" at column 1`);
  }
  const kept = lines.slice(0, guard);
  while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
  return kept.join('\n');
}

/** Reads snippets/<id>.ts. */
export type SnippetReader = (id: string) => string;

interface Declaration {
  name: string;
  /** The declaration's text with its leading comment, '\n' line endings. */
  text: string;
}

interface ParsedModule {
  header: string;
  imports: { names: string[]; from: string }[];
  declarations: Declaration[];
  /** The demo block's lines (inside the guard), if any. */
  demo: string[] | undefined;
}

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([a-z0-9-]+)';\s*$/;
const DECLARATION = /^(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|interface|type|const|let|class|enum)\s+([A-Za-z_$][\w$]*)/;

/** Splits a snippet file into its header comment, its relative imports, its top-level declarations and its demo. */
export function parseSnippetModule(source: string): ParsedModule {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let index = 0;
  const headerLines: string[] = [];
  if (lines[0]?.startsWith('/**')) {
    while (index < lines.length) {
      headerLines.push(lines[index]);
      if (lines[index].includes('*/')) {
        index++;
        break;
      }
      index++;
    }
  }
  const imports: ParsedModule['imports'] = [];
  const guard = lines.indexOf(DEMO_GUARD);
  const end = guard >= 0 ? guard : lines.length;
  const rest: string[] = [];
  for (; index < end; index++) {
    const match = IMPORT.exec(lines[index]);
    if (match) {
      const names = match[1]
        .split(',')
        .map((name) => name.trim().replace(/^type\s+/, ''))
        .filter(Boolean);
      imports.push({ names, from: match[2] });
    } else {
      rest.push(lines[index]);
    }
  }
  // A declaration starts at column 0; the comment lines just above it belong to it.
  const declarations: Declaration[] = [];
  let pending: string[] = [];
  for (const line of rest) {
    const match = DECLARATION.exec(line);
    if (match) {
      const leading: string[] = [];
      const current = declarations[declarations.length - 1];
      // Move the trailing comment block (and nothing else) of the previous chunk to this declaration.
      while (pending.length > 0 && /^\s*(\/\*\*|\*|\/\/)/.test(pending[pending.length - 1] ?? '')) leading.unshift(pending.pop() as string);
      if (current) current.text = trimBlank([current.text, ...pending].join('\n'));
      pending = [];
      declarations.push({ name: match[1], text: [...leading, line].join('\n') });
    } else {
      pending.push(line);
    }
  }
  const last = declarations[declarations.length - 1];
  if (last) last.text = trimBlank([last.text, ...pending].join('\n'));
  const demo = guard >= 0 ? lines.slice(guard + 1, lastClosingBrace(lines)) : undefined;
  return { header: headerLines.join('\n'), imports, declarations, demo };
}

function lastClosingBrace(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i] === '}') return i;
  return lines.length;
}

function trimBlank(text: string): string {
  return text.replace(/^\s*\n/, '').replace(/\s+$/, '');
}

function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
}

/**
 * The helper declarations a snippet needs from the files it imports, dependencies first, grouped by file. Only what
 * is used is taken: `checkMatrix` brings `describe` (which it calls), not `matmul`.
 */
export function neededHelpers(id: string, read: SnippetReader): { from: string; declarations: Declaration[] }[] {
  const modules = new Map<string, ParsedModule>();
  const parse = (name: string) => {
    let parsed = modules.get(name);
    if (!parsed) {
      parsed = parseSnippetModule(read(name));
      modules.set(name, parsed);
    }
    return parsed;
  };
  const needed = new Map<string, Set<string>>();
  const need = (from: string, name: string) => {
    const set = needed.get(from) ?? new Set<string>();
    if (set.has(name)) return;
    set.add(name);
    needed.set(from, set);
    const module = parse(from);
    const declaration = module.declarations.find((candidate) => candidate.name === name);
    if (!declaration) throw new Error(`${from}.ts has no top-level declaration "${name}"`);
    for (const other of module.declarations) if (other.name !== name && mentions(declaration.text, other.name)) need(from, other.name);
    for (const imported of module.imports) for (const importedName of imported.names) if (mentions(declaration.text, importedName)) need(imported.from, importedName);
  };
  for (const imported of parse(id).imports) for (const name of imported.names) need(imported.from, name);
  // Files another needed file depends on come first.
  const order: string[] = [];
  const visit = (from: string) => {
    if (order.includes(from)) return;
    for (const imported of parse(from).imports) if (needed.has(imported.from)) visit(imported.from);
    order.push(from);
  };
  for (const from of needed.keys()) visit(from);
  return order.map((from) => {
    const names = needed.get(from) ?? new Set<string>();
    return { from, declarations: parse(from).declarations.filter((declaration) => names.has(declaration.name)) };
  });
}

export interface SelfContainedOptions {
  /** Keep the demo (as a plain block that runs when the file runs), for an opened copy; inserts leave it out. */
  demo: boolean;
  /** Names already declared where the code lands: helpers of those names are not inserted a second time. */
  existingNames?: ReadonlySet<string>;
}

/** The snippet with its helpers in place of its relative imports: it type-checks and runs on its own. */
export function selfContainedSnippet(id: string, read: SnippetReader, options: SelfContainedOptions): string {
  const module = parseSnippetModule(read(id));
  const parts: string[] = [];
  if (module.header) parts.push(module.header);
  for (const group of neededHelpers(id, read)) {
    const declarations = group.declarations.filter((declaration) => !options.existingNames?.has(declaration.name));
    if (declarations.length === 0) continue;
    parts.push(`// ── From ${group.from}.ts (ML Interview Prep), so that this code runs on its own ──\n\n${declarations.map((d) => d.text).join('\n\n')}`);
  }
  if (module.declarations.length > 0) parts.push(module.declarations.map((d) => d.text).join('\n\n'));
  if (options.demo && module.demo) {
    parts.push(`// Demo: runs when you run this file (▷ in the editor title, or ML Interview: Run Snippet).\n{\n${module.demo.join('\n')}\n}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Top-level names a TypeScript/JavaScript text declares (functions, types, consts, classes). */
export function declaredNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const match = DECLARATION.exec(line);
    if (match) names.add(match[1]);
  }
  return names;
}
