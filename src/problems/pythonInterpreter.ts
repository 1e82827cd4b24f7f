// Which Python runs a practice check: the setting `mlInterview.python.path`, else the Python extension's active
// interpreter for the file (through its public API, when that extension is installed), else python3/python on PATH.
import * as vscode from 'vscode';
import { PythonExtension, PVSC_EXTENSION_ID } from '@vscode/python-extension';
import { core } from '../loadCore';
import { setting } from '../settings';
import { logFailure } from '../util/log';

export type InterpreterSource = 'setting' | 'python-extension' | 'path';

export interface Interpreter {
  command: string;
  source: InterpreterSource;
}

/** The interpreter for `resource`, or undefined when none is set, known to the Python extension, or on PATH. */
export async function resolvePython(resource: vscode.Uri | undefined): Promise<Interpreter | undefined> {
  const configured = setting('python.path', resource).trim();
  if (configured !== '') return { command: configured, source: 'setting' };
  if (vscode.extensions.getExtension(PVSC_EXTENSION_ID)) {
    try {
      const api = await PythonExtension.api();
      const environment = await api.environments.resolveEnvironment(api.environments.getActiveEnvironmentPath(resource));
      const executable = environment?.executable.uri?.fsPath;
      if (executable) return { command: executable, source: 'python-extension' };
    } catch (error) {
      logFailure('asking the Python extension for its interpreter failed')(error);
    }
  }
  const found = await core().findOnPath(core().PATH_PYTHON_NAMES);
  return found ? { command: found, source: 'path' } : undefined;
}
