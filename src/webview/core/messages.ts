import * as z from 'zod';

/** Messages the topic webview posts to the extension host. The host validates each before use. */
export const topicWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openTopic'), topicKey: z.string().max(300) }).strict(),
  z.object({ type: z.literal('setLanguage'), language: z.enum(['en', 'zh-cn']) }).strict(),
  z.object({ type: z.literal('openSnippet'), snippetId: z.string().regex(/^[a-z0-9-]+$/) }).strict(),
  z.object({ type: z.literal('quizTopic') }).strict(),
  z.object({ type: z.literal('openProblem'), problemKey: z.string().max(300) }).strict(),
  z.object({ type: z.literal('setChecked'), checked: z.array(z.number().int().nonnegative().max(999)).max(1000) }).strict(),
  /** The page has loaded and asks for the rest of its article (src/webview/core/topicDocument.ts TopicPage). */
  z.object({ type: z.literal('deferredParts'), renderId: z.string().max(64) }).strict(),
]);

export type TopicWebviewMessage = z.infer<typeof topicWebviewMessageSchema>;

/** The parsed message, or undefined for anything malformed or unknown (ignored, never trusted). */
export function parseTopicWebviewMessage(raw: unknown): TopicWebviewMessage | undefined {
  const parsed = topicWebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** What the host posts to the topic webview: the rest of the page named by `renderId`, by placeholder index. */
export interface TopicHostMessage {
  type: 'deferredParts';
  renderId: string;
  parts: string[];
}

/** What the topic webview keeps with `setState`, and what the panel serializer revives from. */
export const topicPanelStateSchema = z.object({
  topicKey: z.string(),
  language: z.enum(['en', 'zh-cn']),
  scrollY: z.number().finite().nonnegative().optional(),
  checked: z.array(z.number().int().nonnegative()).optional(),
  /** The page's own render (TopicPage.renderId), from its document; not needed to revive it. */
  renderId: z.string().optional(),
});

export type TopicPanelState = z.infer<typeof topicPanelStateSchema>;
