// Code exercise on the page: Open starter, Check and Show solution (keys 1, 2 and 4 until it passes) go to the host,
// which opens the starter and runs the checks (src/quiz/codeExercise.ts).
import type { PageKind } from './pageKind';

export const codePage: PageKind = {
  id: 'code',
  actions: {
    openStarter: () => ({ type: 'openStarter' }),
    checkCode: () => ({ type: 'checkCode' }),
    showSolution: () => ({ type: 'showSolution' }),
  },
};
