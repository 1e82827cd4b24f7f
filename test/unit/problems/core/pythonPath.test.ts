import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findOnPath, PATH_PYTHON_NAMES } from '../../../../src/problems/core/pythonPath';

describe('problems/core/pythonPath', () => {
  let root: string;
  /** first/: an executable python3 and a python that is not executable. */
  let first: string;
  /** second/: executable python and python3. */
  let second: string;
  /** third/: a folder named python3 and a non-executable python3.EXE. */
  let third: string;

  const make = (folder: string, name: string, mode: number) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, '#!/bin/sh\n');
    fs.chmodSync(file, mode);
    return file;
  };

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-python-path-'));
    [first, second, third] = ['first', 'second', 'third'].map((name) => {
      const folder = path.join(root, name);
      fs.mkdirSync(folder);
      return folder;
    });
    make(first, 'python3', 0o755);
    make(first, 'python', 0o644);
    make(second, 'python', 0o755);
    make(second, 'python3', 0o755);
    fs.mkdirSync(path.join(third, 'python3'));
    make(third, 'python3.EXE', 0o644);
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const posix = (...folders: string[]) => ({ PATH: folders.join(':') });

  it('looks for python3, then python', () => {
    assert.deepEqual(PATH_PYTHON_NAMES, ['python3', 'python']);
  });

  it('returns the first folder on PATH holding an executable file of the name', async () => {
    assert.equal(await findOnPath(PATH_PYTHON_NAMES, posix(first, second), 'linux'), path.join(first, 'python3'));
    assert.equal(await findOnPath(PATH_PYTHON_NAMES, posix(second, first), 'linux'), path.join(second, 'python3'));
  });

  it('skips a file that is not executable and a folder of the same name', async () => {
    assert.equal(await findOnPath(['python'], posix(first, second), 'linux'), path.join(second, 'python'));
    assert.equal(await findOnPath(['python3'], posix(third, first), 'darwin'), path.join(first, 'python3'));
  });

  it('searches the whole PATH for one name before trying the next', async () => {
    assert.equal(await findOnPath(['python', 'python3'], posix(first, second), 'linux'), path.join(second, 'python'));
    assert.equal(await findOnPath(['python3', 'python'], posix(third, second), 'linux'), path.join(second, 'python3'));
  });

  it('ignores empty PATH entries and reads `Path` when there is no `PATH`', async () => {
    assert.equal(await findOnPath(PATH_PYTHON_NAMES, { PATH: `::${second}:` }, 'linux'), path.join(second, 'python3'));
    assert.equal(await findOnPath(PATH_PYTHON_NAMES, { Path: second }, 'linux'), path.join(second, 'python3'));
  });

  it('is undefined when no folder holds one', async () => {
    assert.equal(await findOnPath(PATH_PYTHON_NAMES, posix(third, path.join(root, 'missing')), 'linux'), undefined);
    assert.equal(await findOnPath(['python2'], posix(first, second), 'linux'), undefined);
    assert.equal(await findOnPath(PATH_PYTHON_NAMES, {}, 'linux'), undefined);
    assert.equal(await findOnPath(PATH_PYTHON_NAMES, { PATH: '' }, 'linux'), undefined);
  });

  it('on Windows, splits PATH at `;` and tries PATHEXT’s extensions, without an executable bit', async () => {
    const env = { PATH: `${first};${third}`, PATHEXT: '.COM;.EXE' };
    assert.equal(await findOnPath(['python3'], env, 'win32'), path.join(third, 'python3.EXE'));
    assert.equal(await findOnPath(['python3'], { PATH: third }, 'win32'), path.join(third, 'python3.EXE'), 'default PATHEXT');
    assert.equal(await findOnPath(['python3'], { ...env, PATHEXT: '.BAT' }, 'win32'), undefined);
  });
});
