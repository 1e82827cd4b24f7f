import * as z from 'zod';
import { CONTENT_LANGUAGES } from '../../content/core/language';

/** What a typed answer is cut to: an interview answer, not a document. */
export const MAX_ANSWER_CHARS = 20_000;

const key = z.string().min(1).max(300);

/** Messages the mock-interview webview posts to the host. The host validates each before use. */
export const mockWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('start'), length: z.union([z.literal(15), z.literal(30), z.literal(45)]), tracks: z.array(key).max(100) }).strict(),
  z.object({ type: z.literal('setAnswer'), text: z.string().max(MAX_ANSWER_CHARS * 2) }).strict(),
  z.object({ type: z.literal('submit') }).strict(),
  z.object({ type: z.literal('skip') }).strict(),
  z.object({ type: z.literal('pause') }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z.object({ type: z.literal('finish') }).strict(),
  z.object({ type: z.literal('setChecklist'), checked: z.array(z.number().int().min(0).max(99)).max(100) }).strict(),
  z.object({ type: z.literal('rate'), rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
  z.object({ type: z.literal('openProblem') }).strict(),
  z.object({ type: z.literal('openTopic'), topicKey: key }).strict(),
  z.object({ type: z.literal('quizTopic'), topicKey: key }).strict(),
  z.object({ type: z.literal('showReport'), reportId: key }).strict(),
  z.object({ type: z.literal('exportReport'), reportId: key }).strict(),
  z.object({ type: z.literal('showSetup') }).strict(),
  z.object({ type: z.literal('setLanguage'), language: z.enum(CONTENT_LANGUAGES) }).strict(),
]);

export type MockWebviewMessage = z.infer<typeof mockWebviewMessageSchema>;

export function parseMockWebviewMessage(raw: unknown): MockWebviewMessage | undefined {
  const parsed = mockWebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Messages the host posts: the new content of <main>, or the clocks' text once a second. */
export type MockHostMessage =
  | { type: 'update'; body: string; focus: boolean }
  | { type: 'clock'; question: string; total: string; questionLow: boolean };

/** What the webview keeps with setState, and what the serializer revives from; the interview itself is in globalState. */
export const mockPanelStateSchema = z.object({
  language: z.enum(CONTENT_LANGUAGES),
  /** The text being typed, by question (`<interview id>#<index>`), in case the page goes before the host stored it. */
  draft: z.object({ question: z.string().max(400), text: z.string().max(MAX_ANSWER_CHARS) }).optional(),
});

export type MockPanelState = z.infer<typeof mockPanelStateSchema>;
