// Finds a Python interpreter on PATH without a shell: the first of `python3`, `python` that is an executable file
// (on Windows, with one of PATHEXT's extensions). vscode-free: the environment is a parameter.
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';

export const PATH_PYTHON_NAMES = ['python3', 'python'] as const;

/** The full path of the first of `names` found on `PATH`, searching each name through the whole PATH in turn. */
export async function findOnPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const pathValue = env.PATH ?? env.Path ?? '';
  const folders = pathValue.split(platform === 'win32' ? ';' : ':').filter((folder) => folder !== '');
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : [''];
  for (const name of names) {
    for (const folder of folders) {
      for (const extension of extensions) {
        const candidate = path.join(folder, name + extension);
        try {
          const stat = await fs.stat(candidate);
          if (!stat.isFile()) continue;
          if (platform !== 'win32') await fs.access(candidate, fsConstants.X_OK);
          return candidate;
        } catch {
          // Not here: keep looking.
        }
      }
    }
  }
  return undefined;
}
