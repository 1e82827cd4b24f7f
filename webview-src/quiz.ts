// Browser side of the quiz panel: forwards clicks and keys to the extension host, which renders every step;
// replaces <main> when the host sends a new step and moves focus to the step's main control.
import { getVsCodeApi } from './vscodeApi';

interface QuizState {
  topicKey?: string;
  language: 'en' | 'zh-cn';
}

const vscode = getVsCodeApi<QuizState>();
const initial = JSON.parse(document.body.dataset.state ?? '{}') as QuizState;
vscode.setState(initial);
const main = document.getElementById('quiz');

function focusStep(): void {
  const target = main?.querySelector<HTMLElement>('[data-autofocus]:not([disabled])');
  target?.focus({ preventScroll: false });
}

function send(button: HTMLElement): void {
  const action = button.dataset.action;
  switch (action) {
    case 'choose':
      vscode.postMessage({ type: 'choose', index: Number(button.dataset.index) });
      return;
    case 'rate':
      vscode.postMessage({ type: 'rate', rating: Number(button.dataset.rating) });
      return;
    case 'setLanguage':
      vscode.postMessage({ type: 'setLanguage', language: button.dataset.language });
      return;
    case 'reveal':
    case 'next':
    case 'skip':
    case 'practiseAhead':
    case 'openStarter':
    case 'checkCode':
    case 'showProgress':
      vscode.postMessage({ type: action });
      return;
  }
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!button || (button as HTMLButtonElement).disabled) return;
  send(button);
});

// Keys: 1–4 choose an option or rate, Space reveals, Enter continues. A focused button keeps its own Enter/Space.
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
  const target = event.target as Element | null;
  if (target?.closest('input, textarea, select')) return;
  const onButton = Boolean(target?.closest('button'));
  let key: string | undefined;
  if (/^[1-8]$/.test(event.key)) key = event.key;
  else if (event.key === ' ' && !onButton) key = 'space';
  else if (event.key === 'Enter' && !onButton) key = 'enter';
  if (!key) return;
  const button = main?.querySelector<HTMLElement>(`[data-key="${key}"]:not([disabled])`);
  if (!button) return;
  event.preventDefault();
  send(button);
});

window.addEventListener('message', (event: MessageEvent<{ type?: string; body?: string }>) => {
  if (event.data?.type !== 'update' || typeof event.data.body !== 'string' || !main) return;
  // The host rendered and escaped this HTML (see src/quiz/quizDocument.ts); the CSP allows no inline script.
  main.innerHTML = event.data.body;
  focusStep();
});

focusStep();
vscode.postMessage({ type: 'ready' });
