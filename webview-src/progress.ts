// Browser side of the progress panel: the language toggle and the per-topic Quiz buttons.
import { getVsCodeApi } from './vscodeApi';

const vscode = getVsCodeApi<{ language: 'en' | 'zh-cn' }>();
vscode.setState(JSON.parse(document.body.dataset.state ?? '{}') as { language: 'en' | 'zh-cn' });

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!button) return;
  if (button.dataset.action === 'setLanguage') {
    vscode.postMessage({ type: 'setLanguage', language: button.dataset.language });
  } else if (button.dataset.action === 'quizTopic') {
    vscode.postMessage({ type: 'quizTopic', topicKey: button.dataset.topicKey });
  }
});
