// Types only (no runtime imports), so the light registerQuiz module can use them without loading the quiz core.

export type TopicState = 'new' | 'learning' | 'mastered';

export interface TopicProgressInfo {
  /** Studied cards of the topic that are due now. */
  due: number;
  /** Share of the topic's cards that are mastered, 0 to 1. */
  mastery: number;
  /** new: no card studied yet; mastered: every card mastered; learning: in between. */
  state: TopicState;
}

export interface TopicProgressSnapshot {
  /** Cards due now (learning and review, within today's review limit). */
  due: number;
  /** New cards today's limit still allows. */
  newToday: number;
  nextDueAt: Date | undefined;
  /** By topic key (`<deckId>/<topicId>`). */
  topics: Record<string, TopicProgressInfo>;
}
