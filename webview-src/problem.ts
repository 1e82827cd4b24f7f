// Browser side of the problem panel: keeps scroll position and language in the webview state (restored on show and
// after a reload) and forwards button clicks to the extension host, which validates every message.
import type { ProblemPanelState, ProblemWebviewMessage } from '../src/problems/core/problemMessages';
import { loadFontsAfterFirstPaint } from './pageFonts';
import { getVsCodeApi } from './vscodeApi';

loadFontsAfterFirstPaint();

const vscode = getVsCodeApi<ProblemPanelState, ProblemWebviewMessage>();
const initial = JSON.parse(document.body.dataset.state ?? '{}') as ProblemPanelState;
const saved = vscode.getState();
let state: ProblemPanelState = { ...initial, scrollY: saved?.problemKey === initial.problemKey ? saved.scrollY : 0 };
vscode.setState(state);

if (state.scrollY) requestAnimationFrame(() => window.scrollTo(0, state.scrollY ?? 0));

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    state = { ...state, scrollY: Math.round(window.scrollY) };
    vscode.setState(state);
  }, 100);
});

const language = (value: string | undefined): 'ts' | 'py' => (value === 'ts' ? 'ts' : 'py');

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!button) return;
  switch (button.dataset.action) {
    case 'start':
    case 'check':
    case 'reset':
      vscode.post({ type: button.dataset.action, language: language(button.dataset.language) });
      return;
    case 'revealHint':
      vscode.post({ type: 'revealHint' });
      return;
    case 'showSolution':
      vscode.post({ type: 'showSolution' });
      return;
    case 'setLanguage':
      vscode.post({ type: 'setLanguage', language: button.dataset.language === 'zh-cn' ? 'zh-cn' : 'en' });
      return;
    case 'openTopic':
      vscode.post({ type: 'openTopic', topicKey: button.dataset.topicKey ?? '' });
      return;
  }
});
