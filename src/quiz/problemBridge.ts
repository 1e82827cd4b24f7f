// What the quiz needs of the practice problems for its code cards: types only, implemented by the problems module
// (src/problems/registerProblems.ts), so the quiz never imports it.
import type { Event } from 'vscode';
import type { CodeGrade } from './core/kinds/cardKind';
import type { QuizItem } from './core/quizItems';

export interface QuizProblemBridge {
  /** The problems were reloaded (a user deck's problem changed): the cards they give may have changed. */
  readonly onDidReloadProblems: Event<void>;
  /** A code card for every problem that has a related topic: the quiz adds those no card file names. */
  cardItems(): Promise<QuizItem[]>;
  /** Opens the learner's attempt (the starter the first time) beside the quiz. */
  start(item: QuizItem, language: 'ts' | 'py'): Promise<void>;
  /** Checks the attempt the learner works on; undefined, after saying why, when there is none or it may not run. */
  check(item: QuizItem): Promise<CodeGrade | undefined>;
  /** A code card is on screen: get the runner and its cases ready. */
  prepare(item: QuizItem): void;
  /** The learner's records of every problem, as Export Progress writes them (field `problems`). */
  exportRecords(): unknown;
  /** Merges records from an exported file; returns how many problems it held. */
  importRecords(raw: unknown): Promise<number>;
  /** Erases every record (Reset Progress). */
  resetRecords(): Promise<void>;
  /** The card was rated or its solution shown: what proposes the next rating starts afresh. */
  rated(item: QuizItem, solutionShown: boolean): Promise<void>;
}
