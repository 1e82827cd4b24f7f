import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDeck } from '../../../src/content/core/deckLoader';
import { parseTopicFile } from '../../../src/content/core/topicParser';
import { parseCardFile } from '../../../src/quiz/core/cardSchema';
import { compareValue } from '../../../src/problems/core/values';
import { runTypeScript } from '../../../src/snippets/core/runner';
import { configureLocalization } from '../../../src/util/core/localization';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CHINESE_BUNDLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const WORKER_SHIM = path.join(ROOT, 'test', 'unit', 'snippets', 'core', 'runner', 'fixtures', 'worker-shim.js');

function topicProblems(text: string): string[] {
  const result = parseTopicFile('topic.md', text);
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

describe('messages of the vscode-free modules with VS Code in Chinese', function () {
  this.timeout(30000);

  // Configured as activate() does when VS Code hands the extension its Chinese bundle; English again afterwards.
  before(() => configureLocalization(CHINESE_BUNDLE, 'zh-cn'));
  after(() => configureLocalization(undefined, 'en'));

  it('reports a topic file without front matter in Chinese', () => {
    assert.deepEqual(topicProblems('# Just markdown\n'), [
      '缺少前置元数据（front matter）：文件应以一行 `---` 开头，接着写 YAML 字段（id、title……），最后以一行 `---` 结束',
    ]);
  });

  it('names a required field in Chinese, and puts zod’s own messages in Chinese too', () => {
    assert.deepEqual(topicProblems('---\nid: a\n---\n'), ['`title` 是必填项——请把它添加到前置元数据中（见题库格式文档：本问题旁的链接）']);
    const [tooShort] = topicProblems('---\nid: a\ntitle:\n  en: ""\n---\n');
    assert.match(tooShort, /^`title\.en`：\p{Script=Han}/u);
    assert.doesNotMatch(tooShort, /Too small/);
  });

  it('reports a duplicate id from loadDeck in Chinese', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-zh-'));
    try {
      for (const name of ['a.md', 'b.md']) fs.writeFileSync(path.join(folder, name), '---\nid: same\ntitle:\n  en: Same\n---\nBody.\n');
      const deck = await loadDeck({ folder, trusted: false, fallback: { id: 'user', title: { en: 'User' } } });
      assert.deepEqual(
        deck.problems.map((problem) => problem.message),
        ['重复的 `id: same`（a.md 也在使用）：请为每道题目设置不同的 id'],
      );
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('explains card file errors in Chinese, still starting with the file name', () => {
    const text = '- id: t/a\n  topic: t\n  kind: recall\n  prompt: { en: "Q" }\n  checklist: { en: ["a"] }\n';
    assert.deepEqual(parseCardFile({ fileName: 'my.cards.yaml', text }).errors, [
      'my.cards.yaml: 第 1 张卡片（id“t/a”），字段“answer”：缺失。修改方法：添加 `answer: { en: "...", zh-cn: "..." }`，写出参考答案。',
    ]);
  });

  it('explains a wrong value of a practice problem in Chinese', () => {
    const expected = { tensor: [[1, 3]], dtype: 'float64' as const, shape: [1, 2] };
    assert.equal(compareValue([[1, 2]], expected).message, '结果：2 个值中有 1 个不同；第一个在 [0][1]：得到 2，应为 3；最大绝对误差 1 在 [0][1]（容差 1e-6 + 1e-6·|期望值|）');
  });

  it('hands the runner worker its messages in Chinese', async () => {
    const run = (source: string) => runTypeScript(source, { fileName: 'Untitled-1', snippetsDir: path.join(ROOT, 'snippets'), workerScript: WORKER_SHIM }).result;
    const [refused, exited] = await Promise.all([run("require('left-pad');"), run('process.exit(3);')]);
    assert.equal(refused.message, "Error: Untitled-1 中不能 require 'left-pad'：代码片段只能使用 Node 内置模块和相对路径的文件（'./name'）");
    assert.equal(exited.message, '已退出，退出码为 3');
  });
});
