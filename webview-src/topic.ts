// Browser side of the topic panel: keeps scroll position, language and ticked checklist items in the
// webview state (restored on show and after a reload) and forwards button clicks to the extension host.
import type { TopicHostMessage, TopicPanelState, TopicWebviewMessage } from '../src/webview/core/messages';
import { afterFirstPaint } from './firstPaint';
import { loadFontsAfterFirstPaint } from './pageFonts';
import { getVsCodeApi } from './vscodeApi';

loadFontsAfterFirstPaint();

type TopicState = TopicPanelState;

const vscode = getVsCodeApi<TopicState, TopicWebviewMessage>();
const initial = JSON.parse(document.body.dataset.state ?? '{}') as TopicState;
const saved = vscode.getState();
// State from another topic (the panel navigated) is not this page's.
const sameTopic = saved?.topicKey === initial.topicKey;
let state: TopicState = { ...initial, scrollY: sameTopic ? saved?.scrollY : 0 };
vscode.setState(state);

// The host renders the ticks it keeps for this topic and stores every change (per topic, with the progress).
document.addEventListener('change', (event) => {
  if (!(event.target as Element | null)?.matches('.checklist input[type=checkbox]')) return;
  const checkboxes = [...document.querySelectorAll<HTMLInputElement>('.checklist input[type=checkbox]')];
  vscode.post({ type: 'setChecked', checked: checkboxes.filter((b) => b.checked).map((b) => Number(b.dataset.index)) });
});

// The document holds the lead; the rest of the article goes into its placeholders (src/webview/core/topicDocument.ts
// TopicPage), asked for after the first paint: the host renders it then, not while the workbench is still loading this
// frame. Only once it is in place is the saved scroll position reachable.
const placeholders = [...document.querySelectorAll<HTMLTemplateElement>('template[data-deferred]')];
window.addEventListener('message', (event: MessageEvent<TopicHostMessage>) => {
  const message = event.data;
  if (message?.type !== 'deferredParts' || message.renderId !== initial.renderId || !Array.isArray(message.parts)) return;
  for (const template of placeholders) {
    if (!template.isConnected) continue;
    const part = message.parts[Number(template.dataset.deferred)];
    // The host rendered and escaped this HTML like the rest of the document; the CSP allows no inline script.
    if (typeof part === 'string') template.replaceWith(document.createRange().createContextualFragment(part));
  }
  performance.mark('mlip:article-complete');
  if (state.scrollY) {
    // Wait one frame so the article's layout settles before restoring the position.
    requestAnimationFrame(() => window.scrollTo(0, state.scrollY ?? 0));
  }
});
// Asked for even when nothing is deferred: the request also tells the host that the topic has been shown.
const renderId = initial.renderId;
// The reply restores the scroll position; a page without a render id (a topic that is gone) gets none.
if (renderId) afterFirstPaint(() => vscode.post({ type: 'deferredParts', renderId }));
else if (state.scrollY) requestAnimationFrame(() => window.scrollTo(0, state.scrollY ?? 0));

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    state = { ...state, scrollY: Math.round(window.scrollY) };
    vscode.setState(state);
    document.body.dataset.savedScrollY = String(state.scrollY);
  }, 100);
});

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  if (action === 'setLanguage') {
    vscode.post({ type: 'setLanguage', language: button.dataset.language === 'zh-cn' ? 'zh-cn' : 'en' });
  } else if (action === 'openTopic') {
    vscode.post({ type: 'openTopic', topicKey: button.dataset.topicKey ?? '' });
  } else if (action === 'openSnippet') {
    vscode.post({ type: 'openSnippet', snippetId: button.dataset.snippetId ?? '' });
  } else if (action === 'openProblem') {
    vscode.post({ type: 'openProblem', problemKey: button.dataset.problemKey ?? '' });
  } else if (action === 'quizTopic') {
    vscode.post({ type: 'quizTopic' });
  }
});

// Keyboard: [ and ] move between topics, like a pager.
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || (event.target as Element | null)?.closest('input, textarea')) return;
  const target = event.key === '[' ? '.pager .previous' : event.key === ']' ? '.pager .next' : undefined;
  if (target) document.querySelector<HTMLElement>(target)?.click();
});
