// Faults of a learner's Python code, each contained by the check: a clear result per case, the check over within a
// generous bound, and no process of the run left. Every run gets a unique marker in its environment, which the
// interpreter, its children and its forks inherit; /proc is scanned for it afterwards (Linux only).
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckReport, ProblemCase } from '../../../src/problems/core/caseResults';
import type { Problem } from '../../../src/problems/core/problemLoader';
import { checkPython, type PythonCheckHandle, type PythonCheckOptions } from '../../../src/problems/core/pythonCheck';
import { builtInProblems, casesOf, HARNESS, PYTHON, ROOT } from './helpers';

const MARK = 'MLIP_FAULT_RUN';
const SOFTMAX = ['    e = np.exp(x - x.max(axis=-1, keepdims=True))', '    return e / e.sum(axis=-1, keepdims=True)'];
/** Generous bound on a whole check beyond its time limit: interpreter start-up, NumPy, the kill. Not a timing test. */
const SLACK_MS = 15000;

/** Every case of the report, as `status: message`. */
const summary = (report: CheckReport) => report.cases.map((c) => `${c.status}: ${c.message}`);

/** The processes whose environment carries this run's marker: pid and command line. */
function processesOf(id: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${MARK}=${id}`)) {
        found.push(`${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').trim()}`);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Polls `condition` every 20 ms until it holds or `ms` pass; returns whether it held. */
async function waitFor(condition: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Whether `pid` still runs as part of this run (a reused pid without the marker does not count). */
const alive = (pid: number, id: string) => processesOf(id).some((entry) => entry.startsWith(`${pid}:`));

/** 1-based line of the first line of `code` containing `text`. */
function lineOf(code: string, text: string): number {
  const index = code.split('\n').findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `no line with ${text}`);
  return index + 1;
}

describe('practice problems: Python faults are contained', function () {
  this.timeout(90000);
  let problem: Problem;
  let cases: ProblemCase[];
  const runs: { id: string; dir: string }[] = [];

  before(async function () {
    if (process.platform !== 'linux') this.skip(); // the process table is read from /proc
    problem = (await builtInProblems()).find((p) => p.id === 'softmax')!;
    cases = await casesOf(problem);
    assert.equal(cases.length, 7);
  });

  afterEach(() => {
    // Whatever a failed test left behind is killed here, after its assertions.
    for (const { id, dir } of runs.splice(0)) {
      for (const entry of processesOf(id)) {
        try {
          process.kill(Number(entry.split(':')[0]), 'SIGKILL');
        } catch {
          // already gone
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  interface Run {
    id: string;
    dir: string;
    file: string;
    handle: PythonCheckHandle;
    /** The report and how long the check took. */
    finished: Promise<{ report: CheckReport; ms: number }>;
  }

  /** Writes `code` as the learner's softmax attempt in a fresh folder and starts its check, marked. */
  function start(code: string, options: Partial<PythonCheckOptions> = {}): Run {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-fault-'));
    const file = path.join(dir, 'softmax_attempt.py');
    fs.writeFileSync(file, code);
    const id = randomUUID();
    runs.push({ id, dir });
    const began = Date.now();
    const handle = checkPython({
      python: PYTHON,
      harnessPath: HARNESS,
      userFile: file,
      casesFile: problem.files.cases,
      cases,
      entry: problem.entry.py,
      signature: problem.signature.py,
      ...options,
      env: { [MARK]: id, ...options.env },
    });
    return { id, dir, file, handle, finished: handle.result.then((report) => ({ report, ms: Date.now() - began })) };
  }

  /** Runs `code` to the end; asserts the bound on its duration and that none of its processes is left. */
  async function check(code: string, options: Partial<PythonCheckOptions> = {}): Promise<CheckReport & { run: Run }> {
    const run = start(code, options);
    const { report, ms } = await run.finished;
    const limit = (options.timeoutMs ?? 5000) + SLACK_MS;
    assert.ok(ms < limit, `the check took ${ms} ms (bound ${limit} ms)`);
    await noneLeft(run.id);
    return { ...report, run };
  }

  async function noneLeft(id: string): Promise<void> {
    if (!(await waitFor(() => processesOf(id).length === 0))) assert.deepEqual(processesOf(id), [], 'processes of the run are left');
  }

  /** The pids the learner's code wrote, one a line, to `name` in its folder. */
  function pidsIn(run: Run, name = 'pids.txt'): number[] {
    const file = path.join(run.dir, name);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
  }

  it('an endless loop: stopped at the time limit, the interpreter killed', async () => {
    const report = await check('import numpy as np\n\n\ndef softmax(x):\n    while True:\n        pass\n', { timeoutMs: 1000 });
    assert.deepEqual(summary(report), [
      'not-run: did not finish: stopped at the 1 s time limit (setting mlInterview.run.timeoutSeconds)',
      ...Array(6).fill('not-run: not run: an earlier case did not finish'),
    ]);
  });

  it('recursion 10**6 deep: RecursionError at the learner’s line, every case', async () => {
    const code = ['import numpy as np', '', '', 'def depth(n):', '    return 0 if n == 0 else 1 + depth(n - 1)', '', '', 'def softmax(x):', '    depth(10 ** 6)', ...SOFTMAX, ''].join('\n');
    const report = await check(code);
    const line = lineOf(code, '1 + depth');
    for (const c of summary(report)) assert.match(c, new RegExp(`^error: RecursionError: maximum recursion depth exceeded( in comparison| while calling a Python object)? \\(line ${line}\\)$`));
    for (const c of report.cases) {
      assert.equal(c.line, line);
      assert.deepEqual(c.traceback?.[0], { line: lineOf(code, 'depth(10 ** 6)'), function: 'softmax', code: 'depth(10 ** 6)' });
      assert.equal(c.traceback?.at(-1)?.line, line);
    }
  });

  it('a crash of the interpreter (SIGSEGV through ctypes): said so at the line, the later cases not run', async () => {
    const code = ['import ctypes', '', 'import numpy as np', '', '', 'def softmax(x):', '    ctypes.string_at(0)', ...SOFTMAX, ''].join('\n');
    const report = await check(code);
    assert.deepEqual(summary(report), [
      `error: the Python interpreter crashed (SIGSEGV) during this case (line ${lineOf(code, 'string_at')})`,
      ...Array(6).fill('not-run: not run: the Python process ended before this case'),
    ]);
    assert.equal(report.cases[0].line, lineOf(code, 'string_at'));
    assert.match(report.output, /Fatal Python error: Segmentation fault/);
  });

  it('killed from outside (SIGKILL, as the kernel’s OOM killer does): a message of its own', async () => {
    const code = ['import os', 'import signal', '', 'import numpy as np', '', '', 'def softmax(x):', '    os.kill(os.getpid(), signal.SIGKILL)', ...SOFTMAX, ''].join('\n');
    const report = await check(code);
    assert.deepEqual(summary(report), [
      'error: the Python process was killed (SIGKILL) during this case, perhaps by the system for using too much memory',
      ...Array(6).fill('not-run: not run: the Python process ended before this case'),
    ]);
  });

  it('100 MB printed: the output is capped, every result still reported', async () => {
    const code = ['import sys', '', 'import numpy as np', '', 'printed = False', '', '', 'def softmax(x):', '    global printed', '    if not printed:', '        printed = True',
      '        for _ in range(100 * 1024):', "            sys.stdout.write('x' * 1023 + '\\n')", ...SOFTMAX, ''].join('\n');
    const report = await check(code, { timeoutMs: 30000 });
    assert.equal(report.passed, 7, summary(report).join('\n'));
    assert.equal(report.outputTruncated, true);
    assert.ok(Buffer.byteLength(report.output) < 1.1 * 1024 * 1024, `${Buffer.byteLength(report.output)} bytes kept`);
    assert.match(report.output, /\[output truncated: more than 1 MB was printed; the rest is not shown\]\n$/);
  });

  it('10 GB allocated (a bytearray, a NumPy array): the memory limit named, at the line', async () => {
    for (const allocation of ['bytearray(10 * 1024 ** 3)', 'np.ones(10 * 1024 ** 3 // 8)']) {
      const code = ['import numpy as np', '', '', 'def softmax(x):', `    hoard = ${allocation}`, ...SOFTMAX, ''].join('\n');
      const report = await check(code);
      assert.deepEqual(new Set(summary(report)), new Set(['error: MemoryError: out of memory (the limit is 256 MB) (line 5)']), allocation);
    }
  });

  it('a child process (sleep 1000) the learner’s code started: killed when the check ends, results reported', async () => {
    const code = ['import subprocess', '', 'import numpy as np', '', '', 'def softmax(x):', "    child = subprocess.Popen(['sleep', '1000'])",
      "    with open('pids.txt', 'a') as f:", "        f.write(f'{child.pid}\\n')", ...SOFTMAX, ''].join('\n');
    const report = await check(code);
    assert.equal(report.passed, 7, summary(report).join('\n'));
    const pids = pidsIn(report.run);
    assert.equal(pids.length, 7);
    for (const pid of pids) assert.equal(alive(pid, report.run.id), false, `sleep ${pid} survived`);
  });

  it('a bounded fork bomb (5 rounds of every process forking: 31 forks, each sleeping): all killed', async () => {
    const code = ['import os', 'import time', '', 'import numpy as np', '', 'ROOT = os.getpid()', '', '', 'def softmax(x):', '    if os.getpid() == ROOT and not os.path.exists("pids.txt"):',
      '        for _ in range(5):', '            os.fork()', '        if os.getpid() != ROOT:', "            with open('pids.txt', 'a') as f:", "                f.write(f'{os.getpid()}\\n')",
      '            time.sleep(1000)', '            os._exit(0)',
      // The first process waits (3 s at most) until every fork has written its pid, so the count below is exact.
      '        deadline = time.time() + 3', "        while time.time() < deadline and (not os.path.exists('pids.txt') or len(open('pids.txt').read().split()) < 31):", '            time.sleep(0.01)',
      ...SOFTMAX, ''].join('\n');
    const report = await check(code);
    assert.equal(report.passed, 7, summary(report).join('\n'));
    const pids = pidsIn(report.run);
    assert.equal(pids.length, 31);
    for (const pid of pids) assert.equal(alive(pid, report.run.id), false, `fork ${pid} survived`);
  });

  it('a child that leaves the process group (start_new_session) is out of reach, but the check still ends', async () => {
    // The one escape without a sandbox (cgroups): a new session is no longer in the group that is killed. It holds
    // the output pipes open; the check stops waiting for them shortly after the harness exits.
    const code = ['import subprocess', '', 'import numpy as np', '', '', 'def softmax(x):', "    subprocess.Popen(['sleep', '1000'], start_new_session=True)", ...SOFTMAX, ''].join('\n');
    const run = start(code);
    const { report, ms } = await run.finished;
    assert.equal(report.passed, 7, summary(report).join('\n'));
    assert.ok(ms < 5000 + SLACK_MS, `the check took ${ms} ms`);
    assert.equal(processesOf(run.id).length, 7, 'the seven escaped sleeps (killed by afterEach)');
  });

  it('a fork that returns into the harness: its results are not counted twice', async () => {
    const code = ['import os', '', 'import numpy as np', '', '', 'def softmax(x):', '    os.fork()', ...SOFTMAX, ''].join('\n');
    const report = await check(code);
    assert.deepEqual(new Set(summary(report)), new Set(['passed: ']));
    assert.equal(report.cases.length, 7);
  });

  it('sys.exit(3), in the function and at import: SystemExit per case, at its line', async () => {
    const inFunction = await check(['import sys', '', 'import numpy as np', '', '', 'def softmax(x):', '    sys.exit(3)', ''].join('\n'));
    assert.deepEqual(new Set(summary(inFunction)), new Set(['error: SystemExit: sys.exit(3) was called (line 7)']));
    const atImport = await check(['import sys', '', 'sys.exit(3)', ''].join('\n'));
    assert.deepEqual(new Set(summary(atImport)), new Set(['error: SystemExit: sys.exit(3) was called (line 3)']));
  });

  it('input(): fails at once with EOFError and says why, no hang', async () => {
    const code = ['import numpy as np', '', '', 'def softmax(x):', '    n = int(input())', ...SOFTMAX, ''].join('\n');
    const report = await check(code, { timeoutMs: 2000 });
    assert.deepEqual(new Set(summary(report)), new Set(['error: EOFError: EOF when reading a line; a check has no standard input: each case comes as the function’s arguments (line 5)']));
  });

  it('os._exit(0) in the third case: the first two pass, the third says it exited, the rest did not run', async () => {
    const code = ['import os', '', 'import numpy as np', '', 'calls = 0', '', '', 'def softmax(x):', '    global calls', '    calls += 1', '    if calls == 3:', '        os._exit(0)', ...SOFTMAX, ''].join('\n');
    const report = await check(code);
    assert.deepEqual(summary(report), [
      'passed: ',
      'passed: ',
      'not-run: did not finish: the program exited with code 0 during this case',
      ...Array(4).fill('not-run: not run: the program exited before this case'),
    ]);
  });

  it('the interpreter missing, or not executable: a fatal message naming it', async () => {
    const missing = await check('', { python: '/nonexistent/python3' });
    assert.equal(missing.fatal?.kind, 'interpreter-missing');
    const message = 'Could not start the Python interpreter /nonexistent/python3: spawn /nonexistent/python3 ENOENT. Install Python 3 or set mlInterview.python.path.';
    assert.equal(missing.fatal?.message, message);
    assert.deepEqual(new Set(summary(missing)), new Set([`not-run: ${message}`]));

    const notExecutable = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-fault-')), 'python3');
    runs.push({ id: randomUUID(), dir: path.dirname(notExecutable) });
    fs.writeFileSync(notExecutable, '', { mode: 0o644 });
    const refused = await check('', { python: notExecutable });
    assert.equal(refused.fatal?.kind, 'interpreter-missing');
    assert.equal(refused.fatal?.message, `Could not start the Python interpreter ${notExecutable}: spawn ${notExecutable} EACCES. Install Python 3 or set mlInterview.python.path.`);
  });

  /** A stand-in for Python 2.7: `--version` as python2 answers it (on stderr), a run as python2 fails on the harness's f-strings. */
  function fakePython2(dir: string): string {
    const fake = path.join(dir, 'python');
    fs.writeFileSync(fake, [
      '#!/bin/sh',
      'if [ "$1" = "--version" ] || [ "$1" = "-V" ]; then echo "Python 2.7.18" >&2; exit 0; fi',
      'printf \'  File "%s", line 80\\n    message = f"sys.exit()"\\n                          ^\\nSyntaxError: invalid syntax\\n\' "$1" >&2',
      'exit 1',
      '',
    ].join('\n'), { mode: 0o755 });
    return fake;
  }

  it('the wrong major version (a Python 2 stand-in): a fatal message that Python 3 is needed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-fault-'));
    runs.push({ id: randomUUID(), dir });
    const fake = fakePython2(dir);
    const report = await check('', { python: fake });
    assert.equal(report.fatal?.kind, 'interpreter-missing');
    assert.equal(report.fatal?.message, `${fake} is Python 2.7.18, but checking a solution needs Python 3.6 or later. Install Python 3 or set mlInterview.python.path.`);
    assert.ok(report.cases.every((c) => c.status === 'not-run'));
  });

  it('the wrong major version (a real Python 2.7, when installed): the same message', async function () {
    const python2 = path.join(os.homedir(), '.pyenv', 'versions', '2.7.18', 'bin', 'python');
    if (!fs.existsSync(python2)) this.skip();
    const report = await check('', { python: python2 });
    assert.equal(report.fatal?.kind, 'interpreter-missing');
    assert.equal(report.fatal?.message, `${python2} is Python 2.7.18, but checking a solution needs Python 3.6 or later. Install Python 3 or set mlInterview.python.path.`);
  });

  it('Stop pressed during an endless loop: every case cancelled, no process left', async () => {
    const code = ['import os', '', 'import numpy as np', '', '', 'def softmax(x):', "    with open('pids.txt', 'a') as f:", "        f.write(f'{os.getpid()}\\n')", '    while True:', '        pass', ''].join('\n');
    const run = start(code, { timeoutMs: 60000 });
    assert.ok(await waitFor(() => pidsIn(run).length > 0, 20000), 'the loop never started');
    assert.ok(alive(pidsIn(run)[0], run.id), 'the scan of /proc finds the running harness');
    run.handle.cancel();
    const { report, ms } = await run.finished;
    assert.ok(ms < 60000, `the check took ${ms} ms`);
    assert.deepEqual(new Set(summary(report)), new Set(['not-run: not run: the check was stopped']));
    await noneLeft(run.id);
  });

  it('the window closed while it runs (the handle cancelled on dispose): the harness and its children killed', async () => {
    const code = ['import os', 'import subprocess', 'import time', '', 'import numpy as np', '', '', 'def softmax(x):', "    child = subprocess.Popen(['sleep', '1000'])",
      "    with open('pids.txt', 'a') as f:", "        f.write(f'{os.getpid()}\\n{child.pid}\\n')", '    time.sleep(1000)', ''].join('\n');
    const run = start(code, { timeoutMs: 60000 });
    assert.ok(await waitFor(() => pidsIn(run).length === 2, 20000), 'the child never started');
    run.handle.cancel();
    run.handle.cancel(); // disposing twice is harmless
    const { report } = await run.finished;
    assert.deepEqual(new Set(summary(report)), new Set(['not-run: not run: the check was stopped']));
    await noneLeft(run.id);
    run.handle.cancel(); // and so is cancelling a finished check
  });

  it('the window closed abruptly (the extension host killed): the harness and its children end themselves', async () => {
    const code = ['import os', 'import subprocess', 'import time', '', 'import numpy as np', '', '', 'def softmax(x):', "    child = subprocess.Popen(['sleep', '1000'])",
      "    with open('pids.txt', 'a') as f:", "        f.write(f'{os.getpid()}\\n{child.pid}\\n')", '    time.sleep(1000)', ''].join('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-fault-'));
    const file = path.join(dir, 'softmax_attempt.py');
    fs.writeFileSync(file, code);
    const id = `host-${randomUUID()}`;
    runs.push({ id, dir });
    // A stand-in for the extension host: a Node process, marked, that starts the check and is then killed with SIGKILL.
    const script = `require(${JSON.stringify(path.join(ROOT, 'src', 'problems', 'core', 'pythonCheck.ts'))}).checkPython(${JSON.stringify({
      python: PYTHON, harnessPath: HARNESS, userFile: file, casesFile: problem.files.cases, cases, entry: problem.entry.py, timeoutMs: 60000,
    })}); setInterval(() => {}, 1000);`;
    const host = spawn(process.execPath, ['--require', 'tsx/cjs', '--eval', script], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, [MARK]: id } });
    assert.ok(await waitFor(() => fs.existsSync(path.join(dir, 'pids.txt')) && fs.readFileSync(path.join(dir, 'pids.txt'), 'utf8').split('\n').length > 2, 30000), 'the check never started');
    assert.equal(processesOf(id).length, 3, 'the scan finds the host, the harness and sleep');
    host.kill('SIGKILL');
    await noneLeft(id);
  });
});
