/**
 * A small CommonJS loader for the worker: runs the user's TypeScript and whatever it
 * requires, without touching Node's own module cache or require hooks.
 *
 * Resolution of require(specifier):
 *  - Node built-ins ('fs', 'node:path', …) load normally.
 *  - Relative paths ('./attention') resolve against the requiring file's directory
 *    (for the user's program: its directory on disk, if it has one), then against
 *    the built-in snippets directory. So an untitled copy of encoder-layer.ts that
 *    imports './attention' still runs.
 *  - .ts files are transpiled with sucrase; .js files run as CommonJS; .json files are parsed.
 *  - Anything else (npm packages) is refused with an explanation.
 */
import * as fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { fillText, type WorkerTexts } from './protocol';
import { transpileTypeScript, type TranspiledModule } from './transpile';

/** The `module` object user code sees; `require.main === module` is true for the program itself. */
export interface LoadedModule {
  id: string;
  filename: string;
  exports: unknown;
  loaded: boolean;
  /** Directory that relative requires resolve against first; undefined for an untitled program. */
  directory: string | undefined;
}

type RequireFunction = ((specifier: string) => unknown) & { main: LoadedModule };

const EXTENSIONS = ['', '.ts', '.js', '.json'];
const loadBuiltin = createRequire(__filename);

export class SnippetModuleLoader {
  private readonly cache = new Map<string, LoadedModule>();
  private mainModule: LoadedModule | undefined;

  constructor(
    private readonly snippetsDir: string,
    private readonly texts: Pick<WorkerTexts, 'packageRefused' | 'moduleNotFound'>,
  ) {}

  /**
   * Transpiles the program without running it, so syntax errors surface before the
   * clock starts. `fileName` names it in stack traces; `directory` is where it lives on disk.
   */
  prepareMain(source: string, fileName: string, directory: string | undefined): { transpiled: TranspiledModule; run: () => void } {
    const transpiled = transpileTypeScript(source, fileName);
    const main: LoadedModule = { id: '.', filename: fileName, exports: {}, loaded: false, directory };
    this.mainModule = main;
    // Registered under its path too, so a module that requires the program back gets this copy (with unsaved edits).
    if (path.isAbsolute(fileName)) this.cache.set(fileName, main);
    return { transpiled, run: () => this.evaluate(main, transpiled.code) };
  }

  private evaluate(module: LoadedModule, javascript: string): void {
    // compileFunction, unlike Module.wrap, adds no wrapper text: line 1 column 1 of the JS is line 1 column 1 here.
    const body = vm.compileFunction(javascript, ['exports', 'require', 'module', '__filename', '__dirname'], {
      filename: module.filename,
    });
    const require = ((specifier: string) => this.require(specifier, module)) as RequireFunction;
    require.main = this.mainModule ?? module;
    body.call(module.exports, module.exports, require, module, module.filename, module.directory ?? this.snippetsDir);
    module.loaded = true;
  }

  private require(specifier: string, parent: LoadedModule): unknown {
    if (isBuiltin(specifier)) return loadBuiltin(specifier);
    if (!specifier.startsWith('./') && !specifier.startsWith('../') && !path.isAbsolute(specifier)) {
      throw new Error(fillText(this.texts.packageRefused, specifier, parent.filename));
    }
    const filename = this.resolve(specifier, parent);
    const cached = this.cache.get(filename);
    if (cached) return cached.exports;

    const module: LoadedModule = { id: filename, filename, exports: {}, loaded: false, directory: path.dirname(filename) };
    this.cache.set(filename, module); // before evaluating, so circular requires see the partial exports as in Node
    const text = fs.readFileSync(filename, 'utf8');
    if (filename.endsWith('.json')) {
      module.exports = JSON.parse(text);
      module.loaded = true;
    } else if (filename.endsWith('.ts')) {
      this.evaluate(module, transpileTypeScript(text, filename).code);
    } else {
      this.evaluate(module, text);
    }
    return module.exports;
  }

  /** First existing file among the candidates: the parent's directory, then the snippets directory. */
  private resolve(specifier: string, parent: LoadedModule): string {
    const directories = [parent.directory, this.snippetsDir].filter((d): d is string => d !== undefined);
    const bases = path.isAbsolute(specifier) ? [specifier] : [...new Set(directories)].map((d) => path.resolve(d, specifier));
    for (const base of bases) {
      for (const extension of EXTENSIONS) {
        const candidate = base + extension;
        if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
      }
    }
    const error = new Error(fillText(this.texts.moduleNotFound, specifier, parent.filename, directories.join(', '))) as NodeJS.ErrnoException;
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
}
