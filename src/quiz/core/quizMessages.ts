import * as z from 'zod';
import { CONTENT_LANGUAGES } from '../../content/core/language';

/** The most blanks a cloze card may have (c1 … c20): the answers the page may send back to be checked. */
export const MAX_CLOZE_BLANKS = 20;

/** Messages the quiz webview posts to the extension host. The host validates each before use. */
export const quizWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('choose'), index: z.number().int().min(0).max(7) }).strict(),
  // A cloze card sends what was typed in each blank; a recall card sends nothing.
  z.object({ type: z.literal('reveal'), answers: z.array(z.string().max(500)).max(MAX_CLOZE_BLANKS).optional() }).strict(),
  z.object({ type: z.literal('rate'), rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
  z.object({ type: z.literal('next') }).strict(),
  z.object({ type: z.literal('skip') }).strict(),
  z.object({ type: z.literal('practiseAhead') }).strict(),
  z.object({ type: z.literal('openStarter'), language: z.enum(['ts', 'py']) }).strict(),
  z.object({ type: z.literal('checkCode') }).strict(),
  z.object({ type: z.literal('showSolution') }).strict(),
  z.object({ type: z.literal('undo') }).strict(),
  z.object({ type: z.literal('setChecklist'), checked: z.array(z.number().int().min(0).max(99)).max(100) }).strict(),
  z.object({ type: z.literal('showProgress') }).strict(),
  z.object({ type: z.literal('setLanguage'), language: z.enum(CONTENT_LANGUAGES) }).strict(),
]);

export type QuizWebviewMessage = z.infer<typeof quizWebviewMessageSchema>;

/** The parsed message, or undefined for anything malformed or unknown (ignored, never trusted). */
export function parseQuizWebviewMessage(raw: unknown): QuizWebviewMessage | undefined {
  const parsed = quizWebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Messages the host posts to the quiz webview: the new content of <main>, rendered on the host. */
export interface QuizHostMessage {
  type: 'update';
  body: string;
  /** Whether the page may move the keyboard focus to the step's main control (the quiz is the active editor). */
  focus: boolean;
}

/** What the quiz webview keeps with `setState`, and what the panel serializer revives from. */
export const quizPanelStateSchema = z.object({
  topicKey: z.string().max(300).optional(),
  language: z.enum(CONTENT_LANGUAGES),
});

export type QuizPanelState = z.infer<typeof quizPanelStateSchema>;

/** Messages the progress webview posts to the host. */
export const progressWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setLanguage'), language: z.enum(CONTENT_LANGUAGES) }).strict(),
  z.object({ type: z.literal('quizTopic'), topicKey: z.string().max(300) }).strict(),
]);

export type ProgressWebviewMessage = z.infer<typeof progressWebviewMessageSchema>;

export function parseProgressWebviewMessage(raw: unknown): ProgressWebviewMessage | undefined {
  const parsed = progressWebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
