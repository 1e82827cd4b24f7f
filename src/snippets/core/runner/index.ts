/** Public API of the snippet runner (vscode-free). The worker entry is worker.ts, bundled separately. */
export {
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_MEMORY_LIMIT_MB,
  DEFAULT_TIMEOUT_MS,
  disposeStandbyRunner,
  prepareRunner,
  runTypeScript,
  type OutputChunk,
  type OutputStream,
  type RunHandle,
  type RunOptions,
  type RunResult,
  type RunStatus,
  type SourceFrame,
} from './runner';
