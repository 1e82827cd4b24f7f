import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeInWorkbench } from './workbench';

describeInWorkbench('ML Interview Prep with the display language set to Chinese', { locale: 'zh-cn' }, (current) => {
  it('names its view, topics, commands and status in Chinese, and opens answers in Chinese', async function () {
    const workbench = current();
    const page = workbench.page;
    // Manifest strings come from package.nls.zh-cn.json.
    const view = await workbench.openActivityView('ML 面试备考', '题目');
    await view.locator('.monaco-list-row', { hasText: '如何加速 BERT 训练' }).first().waitFor();
    const labels = (await view.locator('.monaco-list-row .label-name').allInnerTexts()).map((label) => label.trim());
    // The Today entry (the daily plan) may lead the tree; the first track follows it.
    const deck = labels.indexOf('字节跳动 AI Lab 面试');
    assert.ok(deck >= 0, labels.join(', '));
    assert.deepEqual(labels.slice(deck, deck + 7), [
      '字节跳动 AI Lab 面试',
      'BN 与 LN 的区别',
      '自注意力（Self-Attention）',
      'BERT 的预训练过程',
      'Pre Norm 与 Post Norm 的区别',
      'GPT 与 BERT 的区别',
      '如何加速 BERT 训练',
    ]);
    // Runtime strings come from l10n/bundle.l10n.zh-cn.json.
    await page.locator('.statusbar-item', { hasText: '张新卡' }).first().waitFor();
    await view.locator('.monaco-list-row', { hasText: '自注意力' }).first().click();
    const frame = await workbench.activeWebview('article[lang="zh-CN"] h1');
    assert.equal((await frame.locator('article h1').innerText()).trim(), '自注意力（Self-Attention）');
    await workbench.screenshot('topic-zh-cn-ui');
    await workbench.runCommand('ML Interview: 开始测验');
    await workbench.activeWebview('article.card[lang="zh-CN"]');
    await workbench.screenshot('quiz-zh-cn-ui');
  });
});

describeInWorkbench('ML Interview Prep in restricted mode', { workspaceTrust: true, settings: { 'mlInterview.language': 'en' } }, (current) => {
  it('reads built-in topics in an untrusted folder but asks for trust before running a workspace file', async function () {
    const workbench = current();
    const page = workbench.page;
    // VS Code asks whether to trust the folder's authors when it opens; the person says no.
    await page.getByRole('button', { name: /Don't Trust|No, I don't trust the authors/ }).first().click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    const view = await workbench.openActivityView('ML Interview Prep');
    await view.locator('.monaco-list-row', { hasText: 'GPT vs BERT' }).first().click();
    const frame = await workbench.activeWebview('article h1');
    assert.equal((await frame.locator('article h1').innerText()).trim(), 'GPT vs BERT');

    fs.writeFileSync(path.join(workbench.workspace, 'mine.ts'), "console.log('ran');\n");
    await workbench.runCommand('Go to File...');
    await page.locator('.quick-input-widget input').fill('mine.ts');
    await workbench.quickPickRow('mine.ts').click();
    await page.locator('.tab.active', { hasText: 'mine.ts' }).waitFor();
    await workbench.runCommand('ML Interview: Run Snippet');
    await page.locator('.notifications-toasts .notification-list-item', { hasText: 'Running code from a workspace file needs a trusted workspace' }).first().waitFor();
    assert.equal(await page.locator('.panel .monaco-editor .view-line', { hasText: 'ran' }).count(), 0, 'nothing ran');
    await workbench.screenshot('restricted-mode');
  });
});
