// What the user has already done that the walkthrough's steps ask for: opened a topic, ran a snippet, took a quiz.
// Recorded in globalState (so it holds across restarts and windows) and published as context keys, which the
// walkthrough's `onContext:` completion events read, so a step done before the walkthrough was opened (or done some
// way that runs no contributed command, such as the topic panel's Quiz button) is ticked. vscode-free.

export const WALKTHROUGH_STEPS = ['openedTopic', 'ranSnippet', 'tookQuiz'] as const;
export type WalkthroughStep = (typeof WALKTHROUGH_STEPS)[number];

export const WALKTHROUGH_KEY = 'mlInterview.walkthrough.done';

/** The context key of a step, as package.json's completion events name it. */
export function walkthroughContextKey(step: WalkthroughStep): string {
  return `mlInterview.walkthrough.${step}`;
}

export interface WalkthroughMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export class WalkthroughProgress {
  constructor(
    private readonly memento: WalkthroughMemento,
    private readonly setContext: (key: string, value: boolean) => Thenable<unknown>,
  ) {}

  /** The steps done so far (unknown stored values are ignored). */
  done(): WalkthroughStep[] {
    const raw = this.memento.get(WALKTHROUGH_KEY);
    return Array.isArray(raw) ? WALKTHROUGH_STEPS.filter((step) => raw.includes(step)) : [];
  }

  /** At activation: publishes what was done before, in this or another window, or before a restart. */
  async restore(): Promise<void> {
    await Promise.all(this.done().map((step) => this.setContext(walkthroughContextKey(step), true)));
  }

  /** The user did a step: remember it and tick it. Doing it again costs nothing. */
  async record(step: WalkthroughStep): Promise<void> {
    const done = this.done();
    if (done.includes(step)) return;
    await this.memento.update(WALKTHROUGH_KEY, [...done, step]);
    await this.setContext(walkthroughContextKey(step), true);
  }
}
