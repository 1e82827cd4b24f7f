// Browser side of the progress panel: the language toggle and the per-topic Quiz buttons.
import type { ProgressWebviewMessage } from '../src/quiz/core/quizMessages';
import { getVsCodeApi } from './vscodeApi';

// The progress page keeps no state: it is rendered afresh each time it opens (it has no serializer to revive it).
const vscode = getVsCodeApi<never, ProgressWebviewMessage>();

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!button) return;
  if (button.dataset.action === 'setLanguage') {
    vscode.post({ type: 'setLanguage', language: button.dataset.language === 'zh-cn' ? 'zh-cn' : 'en' });
  } else if (button.dataset.action === 'quizTopic') {
    vscode.post({ type: 'quizTopic', topicKey: button.dataset.topicKey ?? '' });
  }
});
