// Types only: what the quiz publishes about progress, for the Topics tree and its badge. Neither side imports the
// other; both import this.
import type * as vscode from 'vscode';
import type { TopicProgressInfo } from './core/topicProgress';

export type { TopicProgressInfo };

/** What the Topics tree reads to show each topic's due count and mastery, and the view's badge. */
export interface TopicProgressSource {
  /** Fires when any figure may have changed (a review, new cards, a setting, the day rolling over). */
  onDidChange: vscode.Event<void>;
  /** Undefined until the quiz data has loaded, and for topics without quiz cards. */
  topicProgress(topicKey: string): TopicProgressInfo | undefined;
  /** Cards due now across all topics (0 until loaded). */
  dueCount(): number;
  /** Whether the figures have loaded (before that every topic reads as without figures). */
  readonly loaded: boolean;
  /** Resolves when the figures have first loaded. */
  whenLoaded(): Promise<void>;
}
