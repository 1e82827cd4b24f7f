/**
 * TypeScript → CommonJS JavaScript with sucrase, plus mapping of JS stack positions
 * back to the TypeScript source.
 *
 * Sucrase only strips types and rewrites imports; it keeps every statement on its
 * original line (removed declarations leave blank lines), so a JS line number is
 * the TS line number. Columns do shift (`: number` disappears), so columns go
 * through the token-level source map that sucrase also produces.
 */
import { SourceMap, type SourceMapPayload } from 'node:module';
import { transform } from 'sucrase';
import type { SourceFrame, SourceLocation } from './protocol';

export interface TranspiledModule {
  code: string;
  sourceMap: SourceMap;
}

/** A TypeScript syntax error found while transpiling, with its position in the source. */
export class TranspileError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation | undefined,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** Shape of the errors sucrase's parser throws: a message ending in "(line:column)" and a loc. */
interface SucraseSyntaxError extends Error {
  loc?: { line: number; column: number };
}

export function transpileTypeScript(source: string, fileName: string): TranspiledModule {
  try {
    const result = transform(source, {
      transforms: ['typescript', 'imports'],
      filePath: fileName,
      // Node 20 runs modern syntax natively; leaving it untouched keeps columns closer to the source.
      disableESTransforms: true,
      sourceMapOptions: { compiledFilename: fileName },
    });
    if (!result.sourceMap) throw new Error('sucrase returned no source map');
    const payload: SourceMapPayload = { ...result.sourceMap, sourceRoot: '', sourcesContent: [source] };
    return { code: result.code, sourceMap: new SourceMap(payload) };
  } catch (error) {
    const { loc, message } = error as SucraseSyntaxError;
    if (loc) {
      // sucrase says "Error transforming FILE: Unexpected token (L:C)"; the location is reported separately.
      const prefix = `Error transforming ${fileName}: `;
      const reason = (message.startsWith(prefix) ? message.slice(prefix.length) : message).replace(/ \(\d+:\d+\)$/, '');
      // sucrase's loc is a 1-based line and a 1-based column.
      throw new TranspileError(reason, { line: loc.line, column: loc.column });
    }
    throw error;
  }
}

/**
 * Finds the top-most stack frame in `fileName` and returns its JS position (1-based).
 * Matching the exact file name, not a regex over the frame, copes with any characters in paths.
 */
export function findFrameInFile(stack: string, fileName: string): SourceLocation | undefined {
  for (const frame of stack.split('\n')) {
    // "at fn (FILE:L:C)" or "at FILE:L:C"; a SyntaxError from V8 starts with "FILE:L" alone.
    for (const prefix of [`(${fileName}:`, `at ${fileName}:`]) {
      const start = frame.indexOf(prefix);
      if (start < 0) continue;
      const match = /^(\d+):(\d+)/.exec(frame.slice(start + prefix.length));
      if (match) return { line: Number(match[1]), column: Number(match[2]) };
    }
    if (frame.startsWith(`${fileName}:`)) {
      const match = /^(\d+)$/.exec(frame.slice(fileName.length + 1));
      if (match) return { line: Number(match[1]), column: 1 };
    }
  }
  return undefined;
}

/**
 * Every stack frame in `fileName`, innermost first, with its JS position (1-based) and function name: the user's own
 * frames, without the runner's and Node's.
 */
export function findFramesInFile(stack: string, fileName: string): SourceFrame[] {
  const frames: SourceFrame[] = [];
  for (const frame of stack.split('\n')) {
    const trimmed = frame.trim();
    if (!trimmed.startsWith('at ')) continue;
    const named = trimmed.lastIndexOf(` (${fileName}:`);
    const rest = named >= 0 ? trimmed.slice(named + fileName.length + 3) : trimmed.startsWith(`at ${fileName}:`) ? trimmed.slice(fileName.length + 4) : undefined;
    const match = rest === undefined ? null : /^(\d+):(\d+)\)?$/.exec(rest);
    if (!match) continue;
    const functionName = named >= 0 ? trimmed.slice(3, named).replace(/^async /, '') : undefined;
    frames.push({ line: Number(match[1]), column: Number(match[2]), ...(functionName && functionName !== 'Object.<anonymous>' ? { functionName } : {}) });
  }
  return frames;
}

/** Maps a 1-based JS position to the 1-based TS position of the token it belongs to (sucrase's token-level map). */
export function mapToTypeScript(sourceMap: SourceMap, js: SourceLocation): SourceLocation {
  const entry = sourceMap.findEntry(js.line - 1, js.column - 1);
  if (!('originalLine' in entry) || entry.generatedLine !== js.line - 1) return js;
  // The map has an entry per source token. V8 reports token starts, but a position can fall inside
  // text sucrase generated for one token (`f(x)` → `_mod.f.call(void 0, x)`): the token start is right.
  return { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}
