// Code card on the page: Start in Python or TypeScript, Check (keys 1, 2 and 3 until it passes) and Show solution go
// to the host, which opens the attempt and runs the practice problem's checks (src/problems/, via the quiz's bridge).
import type { PageKind } from './pageKind';

export const codePage: PageKind = {
  id: 'code',
  actions: {
    openStarter: (button) => ({ type: 'openStarter', language: button.dataset.language === 'ts' ? 'ts' : 'py' }),
    checkCode: () => ({ type: 'checkCode' }),
    showSolution: () => ({ type: 'showSolution' }),
  },
};
