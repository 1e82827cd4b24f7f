// What the user has already done that the walkthrough's steps ask for: opened a topic, ran a snippet, took a quiz.
// Recorded in globalState (so it holds across restarts and windows), so a step done before the walkthrough was opened
// (or done some way that runs no contributed command, such as the topic panel's Quiz button) is ticked. VS Code is
// told two ways:
// - as it happens, the context key the step's `onContext:` completion event reads. That ticks the step when the
//   walkthrough is registered already. VS Code registers walkthroughs only when something first asks for them (the
//   Welcome page, the walkthrough), and a context key already set at that moment never ticks its step.
// - at the next activation, VS Code's `welcome.markStepComplete` command for each step done before, which ticks it
//   in VS Code's own record whenever the walkthrough is registered. Not as it happens: the command makes the workbench
//   register every walkthrough there and then, work that competed with what the user had just done (in
//   `npm run bench`, ▶'s first output line came ~130 ms later with it, medians of 6 windows). So a step first done
//   in a window that has not registered the walkthrough yet is ticked from the next window on.
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
  /** Steps first done in this window: their context keys were set as they happened, so restore() leaves them. */
  private readonly doneHere = new Set<WalkthroughStep>();

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

  /**
   * After activation: ticks what was done before this window, in another window or before a restart. Not a step
   * first done here: the command would make VS Code register the walkthroughs now, and from then on a command run
   * meanwhile (say, Quiz Me) could no longer tick its step when run again from the walkthrough.
   */
  async restore(): Promise<void> {
    await Promise.all(
      this.done().filter((step) => !this.doneHere.has(step)).map((step) =>
        Promise.all([
          // VS Code records the tick before it looks the step up, so a rejection (a command that is gone, a walkthrough
          // VS Code has not registered yet) loses nothing worth reporting; the context key still stands.
          this.ticks.markStepComplete(walkthroughStepId(this.extensionId, step)).then(undefined, () => undefined),
          this.ticks.setContext(walkthroughContextKey(step), true),
        ]),
      ),
    );
  }

  /** The user did a step: remember it and tick it. Doing it again costs nothing. */
  async record(step: WalkthroughStep): Promise<void> {
    const done = this.done();
    if (done.includes(step)) return;
    this.doneHere.add(step);
    await this.memento.update(WALKTHROUGH_KEY, [...done, step]);
    await this.ticks.setContext(walkthroughContextKey(step), true);
  }
}
