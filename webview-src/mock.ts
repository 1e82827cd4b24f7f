// Browser side of the mock-interview panel: forwards clicks and keys to the host, which renders every step; keeps
// what is typed (in the page's state at once, to the host after a pause in typing) so nothing is lost; updates the
// clocks when the host sends them.
import type { MockHostMessage, MockPanelState, MockWebviewMessage } from '../src/mock/core/mockMessages';
import { loadFontsAfterFirstPaint } from './pageFonts';
import { getVsCodeApi } from './vscodeApi';

loadFontsAfterFirstPaint();

const vscode = getVsCodeApi<MockPanelState, MockWebviewMessage>();
const { focus: focusOnLoad, ...initial } = JSON.parse(document.body.dataset.state ?? '{}') as MockPanelState & { focus?: boolean };
const saved = vscode.getState();
vscode.setState({ ...initial, ...(saved?.draft ? { draft: saved.draft } : {}) });
const main = document.getElementById('mock');
const TYPING_PAUSE_MS = 300;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

function focusStep(allowed: boolean): void {
  if (!allowed) return;
  const target = main?.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ?? main?.querySelector<HTMLElement>('[data-autofocus-rate]');
  target?.focus();
}

function answerBox(): HTMLTextAreaElement | null {
  return main?.querySelector<HTMLTextAreaElement>('textarea#answer') ?? null;
}

/** Sends what is typed now (before a submit, skip or pause, and after a pause in typing). */
function flushAnswer(): void {
  clearTimeout(typingTimer);
  typingTimer = undefined;
  const box = answerBox();
  if (box) vscode.post({ type: 'setAnswer', text: box.value });
}

/** A draft the host had not stored when the page went (hidden, reloaded) comes back into its box. */
function restoreDraft(): void {
  const box = answerBox();
  const draft = vscode.getState()?.draft;
  if (box && draft && draft.question === box.dataset.question && draft.text !== box.value) {
    box.value = draft.text;
    vscode.post({ type: 'setAnswer', text: draft.text });
  }
}

function send(button: HTMLElement): void {
  const action = button.dataset.action;
  switch (action) {
    case 'start': {
      const length = Number(main?.querySelector<HTMLInputElement>('input[name=length]:checked')?.value ?? 30);
      const tracks = [...(main?.querySelectorAll<HTMLInputElement>('input[name=track]:checked') ?? [])].map((input) => input.value);
      vscode.post({ type: 'start', length: length === 15 || length === 45 ? length : 30, tracks });
      return;
    }
    case 'rate':
      vscode.post({ type: 'rate', rating: Number(button.dataset.rating) as 1 | 2 | 3 | 4 });
      return;
    case 'setLanguage':
      flushAnswer();
      vscode.post({ type: 'setLanguage', language: button.dataset.language === 'zh-cn' ? 'zh-cn' : 'en' });
      return;
    case 'openTopic':
    case 'quizTopic':
      vscode.post({ type: action, topicKey: button.dataset.topicKey ?? '' });
      return;
    case 'showReport':
    case 'exportReport':
      vscode.post({ type: action, reportId: button.dataset.reportId ?? '' });
      return;
    case 'submit':
    case 'skip':
    case 'pause':
    case 'finish':
      flushAnswer();
      vscode.post({ type: action });
      return;
    case 'resume':
    case 'openProblem':
    case 'showSetup':
      vscode.post({ type: action });
      return;
  }
}

document.addEventListener('input', (event) => {
  const box = (event.target as Element | null)?.closest<HTMLTextAreaElement>('textarea#answer');
  if (!box) return;
  const state = vscode.getState() ?? initial;
  vscode.setState({ ...state, draft: { question: box.dataset.question ?? '', text: box.value } });
  clearTimeout(typingTimer);
  typingTimer = setTimeout(flushAnswer, TYPING_PAUSE_MS);
});

document.addEventListener('change', (event) => {
  const box = (event.target as Element | null)?.closest<HTMLInputElement>('input[data-checklist]');
  if (!box || !main) return;
  const checked = [...main.querySelectorAll<HTMLInputElement>('input[data-checklist]')].filter((input) => input.checked).map((input) => Number(input.dataset.checklist));
  vscode.post({ type: 'setChecklist', checked });
});

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!button || (button as HTMLButtonElement).disabled) return;
  send(button);
});

// Keys: Ctrl+Enter submits from the answer box; outside text fields 1–4 rate, P pauses or resumes, S skips,
// O opens the problem and Enter finishes it. A focused button keeps its own Enter and Space.
document.addEventListener('keydown', (event) => {
  const target = event.target as Element | null;
  const inText = Boolean(target?.closest('textarea, input:not([type=checkbox]):not([type=radio])'));
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    const submit = main?.querySelector<HTMLElement>('[data-action="submit"]');
    if (submit) {
      event.preventDefault();
      send(submit);
    }
    return;
  }
  if (inText || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
  const onButton = Boolean(target?.closest('button'));
  let key: string | undefined;
  if (/^[1-4]$/.test(event.key)) key = event.key;
  else if (/^[psoPSO]$/.test(event.key)) key = event.key.toLowerCase();
  else if (event.key === 'Enter' && !onButton) key = 'enter';
  if (!key) return;
  const button = main?.querySelector<HTMLElement>(`[data-key="${key}"]:not([disabled])`);
  if (!button) return;
  event.preventDefault();
  send(button);
});

window.addEventListener('message', (event: MessageEvent<MockHostMessage>) => {
  const data = event.data;
  if (!main || typeof data !== 'object' || data === null) return;
  if (data.type === 'clock') {
    const question = document.getElementById('clock-question');
    const total = document.getElementById('clock-total');
    if (question && typeof data.question === 'string') {
      question.textContent = data.question;
      question.classList.toggle('low', data.questionLow === true);
    }
    if (total && typeof data.total === 'string') total.textContent = data.total;
    return;
  }
  if (data.type !== 'update' || typeof data.body !== 'string') return;
  const hadFocus = document.hasFocus();
  const focusedId = document.activeElement instanceof HTMLElement && main.contains(document.activeElement) ? document.activeElement.id : '';
  // The host rendered and escaped this HTML (src/mock/core/mockDocument.ts); the CSP allows no inline script.
  main.innerHTML = data.body;
  restoreDraft();
  const same = focusedId ? document.getElementById(focusedId) : null;
  if (same && hadFocus) same.focus();
  else focusStep(data.focus === true || hadFocus);
});

restoreDraft();
focusStep(focusOnLoad === true);
vscode.post({ type: 'ready' });
