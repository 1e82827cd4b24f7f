// What the user has already done that the walkthrough's steps ask for: opened a topic, ran a snippet, took a quiz.
// Recorded in globalState (so it holds across restarts and windows) and told to VS Code two ways, so a step done before
// the walkthrough was opened (or done some way that runs no contributed command, such as the topic panel's Quiz
// button) is ticked:
// - VS Code's `welcome.markStepComplete` command ticks the step in VS Code's own record, whenever the walkthrough is
//   registered. It is what counts: VS Code registers the walkthroughs only when something first asks for them (the
//   Welcome page, the walkthrough), and a context key already set at that moment never ticks its step.
// - the context keys the steps' `onContext:` completion events read, which tick the step live if that command ever
//   goes away.
// vscode-free.

/** Each step the extension records, and the id of the package.json walkthrough step it ticks. */
export const WALKTHROUGH_STEP_IDS = { openedTopic: 'openTopic', ranSnippet: 'runSnippet', tookQuiz: 'firstQuiz' } as const;
export type WalkthroughStep = keyof typeof WALKTHROUGH_STEP_IDS;
export const WALKTHROUGH_STEPS = Object.keys(WALKTHROUGH_STEP_IDS) as WalkthroughStep[];
/** The id of package.json's walkthrough. */
export const WALKTHROUGH_ID = 'gettingStarted';

export const WALKTHROUGH_KEY = 'mlInterview.walkthrough.done';

/** The context key of a step, as package.json's completion events name it. */
export function walkthroughContextKey(step: WalkthroughStep): string {
  return `mlInterview.walkthrough.${step}`;
}

/** A step's id as VS Code knows it: the extension's id, the walkthrough's and the step's. */
export function walkthroughStepId(extensionId: string, step: WalkthroughStep): string {
  return `${extensionId}#${WALKTHROUGH_ID}#${WALKTHROUGH_STEP_IDS[step]}`;
}

export interface WalkthroughMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export interface WalkthroughTicks {
  setContext(key: string, value: boolean): Thenable<unknown>;
  /** Ticks the step with this VS Code step id (see walkthroughStepId). */
  markStepComplete(stepId: string): Thenable<unknown>;
}

export class WalkthroughProgress {
  constructor(
    private readonly memento: WalkthroughMemento,
    private readonly extensionId: string,
    private readonly ticks: WalkthroughTicks,
  ) {}

  /** The steps done so far (unknown stored values are ignored). */
  done(): WalkthroughStep[] {
    const raw = this.memento.get(WALKTHROUGH_KEY);
    return Array.isArray(raw) ? WALKTHROUGH_STEPS.filter((step) => raw.includes(step)) : [];
  }

  /** At activation: ticks what was done before, in this or another window, or before a restart. */
  async restore(): Promise<void> {
    await Promise.all(this.done().map((step) => this.tick(step)));
  }

  /**
   * The user did a step: remember it and tick it. Doing it again ticks it again, which VS Code ignores unless it has
   * forgotten the tick since (Developer: Reset Welcome Page Walkthrough Progress).
   */
  async record(step: WalkthroughStep): Promise<void> {
    const done = this.done();
    if (!done.includes(step)) await this.memento.update(WALKTHROUGH_KEY, [...done, step]);
    await this.tick(step);
  }

  private async tick(step: WalkthroughStep): Promise<void> {
    // VS Code records the tick before it looks the step up, so a rejection (a command that is gone, a walkthrough VS
    // Code has not registered yet) loses nothing worth reporting; the context key still stands.
    await Promise.all([
      this.ticks.markStepComplete(walkthroughStepId(this.extensionId, step)).then(undefined, () => undefined),
      this.ticks.setContext(walkthroughContextKey(step), true),
    ]);
  }
}
