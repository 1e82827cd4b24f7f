// Types only: what the mock interview needs from the practice problems, so the mock never imports src/problems/.
// The extension wires in the problems module's source (src/problems/problemSources.ts);
// tests pass a fake.
import type * as vscode from 'vscode';
import type { LocalizedText } from '../content/core/language';
import type { MockDifficulty } from './core/mockPlan';

export type { MockDifficulty };

/** One practice problem as the mock and the daily plan see it. */
export interface MockProblem {
  id: string;
  title: LocalizedText;
  difficulty: MockDifficulty;
  /** Ids of the topics it trains (topic ids, not keys). */
  topics: string[];
  solved: boolean;
  attempted: boolean;
  /** Its code card is due for review. */
  due: boolean;
}

/** The result of one Check of a problem's practice file. */
export interface MockCheckResult {
  problemId: string;
  passed: number;
  total: number;
  language: 'ts' | 'py';
}

export interface MockProblemSource {
  /** Every practice problem (built-in and user-deck), with the learner's status. */
  list(): Promise<MockProblem[]>;
  /** Opens the problem's statement and practice file so the learner can work and press Check. */
  open(problemId: string): Promise<void>;
  /** Fires after every Check of a problem. */
  readonly onDidCheck: vscode.Event<MockCheckResult>;
  /** Records an FSRS rating for the problem's code card. */
  rate(problemId: string, rating: 1 | 2 | 3 | 4): Promise<void>;
  /** When each Check ran (epoch ms), for the activity heatmap; may be empty. */
  checkTimes(): Promise<number[]>;
  /** Fires when the list (statuses) may have changed. */
  readonly onDidChange: vscode.Event<void>;
}
