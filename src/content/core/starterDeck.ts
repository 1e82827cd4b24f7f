/** Turns a title into a topic id and file name: "Gradient clipping!" → "gradient-clipping". */
export function topicIdFromTitle(title: string): string {
  const id = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || 'my-topic';
}

/** Quotes a YAML scalar when it needs it. */
function yamlText(text: string): string {
  return /^[\w\s().,/’'-]+$/.test(text) && !/^\s|\s$/.test(text) && !/^(true|false|null|yes|no|~)$/i.test(text) ? text : JSON.stringify(text);
}

/**
 * The file `ML Interview: New Deck File` writes: a valid topic with the user's title that shows every field of the
 * format, each with a placeholder saying what to write (not a copy of a real topic).
 */
export function starterDeckFile(id: string, title: string): string {
  return `---
id: ${id}
order: 1
icon: lightbulb
title:
  en: ${yamlText(title)}
summary:
  en: One sentence on what the answer covers.
  zh-cn: 用一句话概括答案的内容。
question:
  en: The interview question, as an interviewer would ask it.
  zh-cn: 面试官会怎样问这个问题。
tags: [my-notes]
checklist:
  en:
    - The first point an interviewer listens for.
    - The second point.
  zh-cn:
    - 面试官想听到的第一点。
    - 第二点。
sources:
  - title: The paper or page this answer relies on
    year: 2024
    url: https://example.com/replace-me
---
<!-- lang: en -->
## Answer
Write your answer here: Markdown, \`code\` and math such as $\\sqrt{d_k}$ work. A question and a checklist make this
topic a recall card in Quiz Me.

<!-- lang: zh-cn -->
## 回答
在这里写下你的回答：支持 Markdown、\`代码\` 和 $\\sqrt{d_k}$ 这样的公式。有问题和要点的题目会成为 Quiz Me 中的回忆卡片。
`;
}
