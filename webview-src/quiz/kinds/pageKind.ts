// What a card kind adds to the quiz page (webview-src/quiz.ts): the messages of its own buttons, its keys in text
// fields and its inputs. One module per kind, listed in ./index.ts; the host side of each kind is
// src/quiz/core/kinds/<kind>.ts, and the messages are typed by src/quiz/core/quizMessages.ts.
import type { QuizWebviewMessage } from '../../../src/quiz/core/quizMessages';

export interface PageKind {
  /** The kind's id: its card is `<article class="card card-<id>">`. */
  readonly id: string;
  /** The message each of its buttons sends, by the button's `data-action`. */
  readonly actions?: Readonly<Record<string, (button: HTMLElement, main: HTMLElement) => QuizWebviewMessage>>;
  /** A key pressed in one of its text fields: the button it presses, if any (every other key types). */
  textFieldKey?(event: KeyboardEvent, field: Element, main: HTMLElement): HTMLElement | undefined;
  /** One of its inputs changed (a checkbox ticked): the message to send, if any. */
  inputChanged?(input: Element, main: HTMLElement): QuizWebviewMessage | undefined;
}
