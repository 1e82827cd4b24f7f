// Every id the extension shares with package.json and VS Code: commands, views, webview types, context keys,
// storage keys. Plain data (no vscode import); test/unit/architecture/constants.test.ts checks it against package.json.

export const COMMANDS = {
  openTopic: 'mlInterview.openTopic',
  refreshTopics: 'mlInterview.refreshTopics',
  newDeckFile: 'mlInterview.newDeckFile',
  openSnippet: 'mlInterview.openSnippet',
  insertSnippet: 'mlInterview.insertSnippet',
  runSnippet: 'mlInterview.runSnippet',
  stopSnippet: 'mlInterview.stopSnippet',
  quizMe: 'mlInterview.quizMe',
  quizTopic: 'mlInterview.quizTopic',
  quizDeck: 'mlInterview.quizDeck',
  showProgress: 'mlInterview.showProgress',
  resetProgress: 'mlInterview.resetProgress',
  exportProgress: 'mlInterview.exportProgress',
  importProgress: 'mlInterview.importProgress',
  exportAnkiDeck: 'mlInterview.exportAnkiDeck',
  openProblem: 'mlInterview.openProblem',
  startProblemTs: 'mlInterview.startProblemTypeScript',
  startProblemPy: 'mlInterview.startProblemPython',
  resetProblem: 'mlInterview.resetProblem',
  checkSolution: 'mlInterview.checkSolution',
  filterProblems: 'mlInterview.filterProblems',
  clearProblemFilter: 'mlInterview.clearProblemFilter',
  openPracticeFolder: 'mlInterview.openPracticeFolder',
  mockInterview: 'mlInterview.mockInterview',
} as const;

/** Commands the extension registers for its own links (Run output, walkthrough), not shown in the palette. */
export const INTERNAL_COMMANDS = {
  openRunLocation: 'mlInterview.openRunLocation',
  /** Opens a practice problem (the Today entry of the Topics tree). */
  openPracticeProblem: 'mlInterview.openPracticeProblem',
} as const;

export const VIEW_CONTAINER = 'mlInterview';

export const VIEWS = {
  topics: 'mlInterview.topics',
  problems: 'mlInterview.problems',
} as const;

export const WEBVIEW_TYPES = {
  topic: 'mlInterview.topic',
  quiz: 'mlInterview.quiz',
  progress: 'mlInterview.progress',
  problem: 'mlInterview.problem',
  mock: 'mlInterview.mock',
} as const;

export const CONTEXT_KEYS = {
  snippetRunning: 'mlInterview.snippetRunning',
  practiceFile: 'mlInterview.practiceFile',
  problemsFiltered: 'mlInterview.problemsFiltered',
} as const;
