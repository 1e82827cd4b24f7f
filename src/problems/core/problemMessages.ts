import * as z from 'zod';

const practiceLanguage = z.enum(['ts', 'py']);

/** Messages the problem webview posts to the extension host. The host validates each before use. */
export const problemWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), language: practiceLanguage }).strict(),
  z.object({ type: z.literal('check'), language: practiceLanguage }).strict(),
  z.object({ type: z.literal('reset'), language: practiceLanguage }).strict(),
  z.object({ type: z.literal('revealHint') }).strict(),
  z.object({ type: z.literal('showSolution') }).strict(),
  z.object({ type: z.literal('setLanguage'), language: z.enum(['en', 'zh-cn']) }).strict(),
  z.object({ type: z.literal('openTopic'), topicKey: z.string().max(300) }).strict(),
]);

export type ProblemWebviewMessage = z.infer<typeof problemWebviewMessageSchema>;

/** The parsed message, or undefined for anything malformed or unknown (ignored, never trusted). */
export function parseProblemWebviewMessage(raw: unknown): ProblemWebviewMessage | undefined {
  const parsed = problemWebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** What the problem webview keeps with `setState`, and what the panel serializer revives from. */
export const problemPanelStateSchema = z.object({
  problemKey: z.string().max(300),
  language: z.enum(['en', 'zh-cn']),
  scrollY: z.number().finite().nonnegative().optional(),
});

export type ProblemPanelState = z.infer<typeof problemPanelStateSchema>;
