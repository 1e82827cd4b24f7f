// A topic's follow-up questions, read from its body's "Follow-up questions" / "追问" section: each list item
// `- *Question?* Answer.` becomes a question and its short answer. vscode-free.
import type { ContentLanguage } from '../../content/core/language';

export interface FollowUp {
  question: string;
  answer: string;
}

const HEADINGS: Record<ContentLanguage, string> = { en: 'Follow-up questions', 'zh-cn': '追问' };

/** The follow-ups in one language's body (an empty list when the section is absent). */
export function followUpsOf(body: Partial<Record<ContentLanguage, string>>, language: ContentLanguage): FollowUp[] {
  const text = body[language];
  if (!text) return [];
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+/.test(line) && line.replace(/^##\s+/, '').trim() === HEADINGS[language]);
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,2}\s/.test(line)) break;
    if (/^[-*]\s+/.test(line)) items.push(line.replace(/^[-*]\s+/, ''));
    else if (items.length > 0 && /^\s+\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items.map((item) => {
    const match = /^\*(?!\*)(.+?)\*\s*(.*)$/.exec(item);
    return match ? { question: match[1].trim(), answer: match[2].trim() } : { question: item.trim(), answer: '' };
  });
}
