// Browser side of the quiz panel: forwards clicks and keys to the extension host, which renders every step;
// replaces <main> when the host sends a new step and moves focus to the step's main control.
// What a card kind's own buttons, keys and inputs send is its module's (./quiz/kinds/).
import type { QuizPanelState, QuizWebviewMessage } from '../src/quiz/core/quizMessages';
import { pageKindOf } from './quiz/kinds';
import { loadFontsAfterFirstPaint } from './pageFonts';
import { getVsCodeApi } from './vscodeApi';

loadFontsAfterFirstPaint();

const vscode = getVsCodeApi<QuizPanelState, QuizWebviewMessage>();
const { focus: focusOnLoad, ...initial } = JSON.parse(document.body.dataset.state ?? '{}') as QuizPanelState & { focus?: boolean };
vscode.setState(initial);
const main = document.getElementById('quiz');

/**
 * Moves the focus to the step's main control. Only when the quiz is the active editor (the host says so, or this
 * page has the focus): focusing an element in a page that does not have the focus would take the keyboard away
 * from the editor the user is typing in.
 */
function focusStep(allowed: boolean): void {
  if (!allowed) return;
  const target = main?.querySelector<HTMLElement>('[data-autofocus]:not([disabled])');
  target?.focus({ preventScroll: false });
}

// VS Code focuses the page when the user activates the quiz: put the focus on the step's control unless a control
// inside already has it (the user clicked one).
window.addEventListener('focus', () => {
  if (!document.activeElement || document.activeElement === document.body) focusStep(true);
});

function send(button: HTMLElement): void {
  const action = button.dataset.action;
  if (!action || !main) return;
  const ownAction = pageKindOf(main)?.actions?.[action];
  if (ownAction) {
    vscode.post(ownAction(button, main));
    return;
  }
  switch (action) {
    case 'rate':
      // The buttons carry 1–4; the host validates the message again before use.
      vscode.post({ type: 'rate', rating: Number(button.dataset.rating) as 1 | 2 | 3 | 4 });
      return;
    case 'setLanguage':
      vscode.post({ type: 'setLanguage', language: button.dataset.language === 'zh-cn' ? 'zh-cn' : 'en' });
      return;
    case 'next':
    case 'skip':
    case 'practiseAhead':
    case 'undo':
    case 'showProgress':
      vscode.post({ type: action });
      return;
  }
}

// A card's inputs (a recall card's checklist): what they send is the kind's.
document.addEventListener('change', (event) => {
  const input = event.target as Element | null;
  const message = input && main ? pageKindOf(main)?.inputChanged?.(input, main) : undefined;
  if (message) vscode.post(message);
});

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!button || (button as HTMLButtonElement).disabled) return;
  send(button);
});

// Keys: 1–4 choose an option or rate, Space reveals, Enter continues. A focused button keeps its own Enter/Space.
document.addEventListener('keydown', (event) => {
  const target = event.target as Element | null;
  const inText = Boolean(target?.closest('input:not([type=checkbox]), textarea, select'));
  // Ctrl+Z (Cmd+Z) takes back the last rating, outside text fields (where it undoes typing).
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z' && !inText) {
    const undo = main?.querySelector<HTMLElement>('[data-key="undo"]:not([disabled])');
    if (undo) {
      event.preventDefault();
      send(undo);
    }
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
  // In a text field every key types, except what the card's kind makes of it (Enter in a cloze blank checks).
  if (inText && target && main) {
    const pressed = pageKindOf(main)?.textFieldKey?.(event, target, main);
    if (pressed) {
      event.preventDefault();
      send(pressed);
    }
    return;
  }
  if (inText) return;
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

window.addEventListener('message', (event: MessageEvent<{ type?: string; body?: string; focus?: boolean }>) => {
  if (event.data?.type !== 'update' || typeof event.data.body !== 'string' || !main) return;
  const hadFocus = document.hasFocus();
  // A ticked checklist box keeps the focus across the update, so the next one is a Tab away.
  const focusedId = document.activeElement instanceof HTMLElement && main.contains(document.activeElement) ? document.activeElement.id : '';
  // The host rendered and escaped this HTML (see src/quiz/quizDocument.ts); the CSP allows no inline script.
  main.innerHTML = event.data.body;
  const same = focusedId ? document.getElementById(focusedId) : null;
  if (same && hadFocus) same.focus();
  else focusStep(event.data.focus === true || hadFocus);
});

focusStep(focusOnLoad === true);
vscode.post({ type: 'ready' });
