// The learner's activity for the Progress page: a 365-day calendar of reviews, checks and mock interviews per study
// day, the current and longest streak, and mastery per track. vscode-free.
import { DEFAULT_QUEUE_SETTINGS, startOfStudyDay, studyDayKey } from '../../quiz/core/queue';
import type { TopicProgress } from '../../quiz/core/progressStore';

export const HEATMAP_DAYS = 365;

export interface ActivityDay {
  /** "YYYY-MM-DD": the local date the study day began. */
  day: string;
  /** 0 (Sunday) to 6: the heatmap's row. */
  weekday: number;
  reviews: number;
  checks: number;
  mocks: number;
  total: number;
}

export interface ActivityEvents {
  /** Epoch ms of each quiz review. */
  reviews: readonly number[];
  /** Epoch ms of each Check of a practice problem. */
  checks: readonly number[];
  /** Epoch ms at which each mock interview finished. */
  mocks: readonly number[];
}

/** One entry per study day, oldest first, today last. */
export function activityCalendar(events: ActivityEvents, now: Date, days = HEATMAP_DAYS, rolloverHour = DEFAULT_QUEUE_SETTINGS.rolloverHour): ActivityDay[] {
  const today = startOfStudyDay(now, rolloverHour);
  const calendar = Array.from({ length: days }, (_, index): ActivityDay => {
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1 - index), rolloverHour);
    return { day: studyDayKey(start, rolloverHour), weekday: start.getDay(), reviews: 0, checks: 0, mocks: 0, total: 0 };
  });
  const index = new Map(calendar.map((day, at) => [day.day, at]));
  const windowStart = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1), rolloverHour).getTime();
  const add = (times: readonly number[], field: 'reviews' | 'checks' | 'mocks') => {
    for (const time of times) {
      if (!Number.isFinite(time) || time < windowStart || time > now.getTime()) continue;
      const at = index.get(studyDayKey(new Date(time), rolloverHour));
      if (at === undefined) continue;
      calendar[at][field] += 1;
      calendar[at].total += 1;
    }
  };
  add(events.reviews, 'reviews');
  add(events.checks, 'checks');
  add(events.mocks, 'mocks');
  return calendar;
}

/**
 * Streaks of days with any activity. The current streak ends today, or yesterday while today has nothing yet (the
 * day is not over); the longest is over the whole calendar.
 */
export function streaks(calendar: readonly ActivityDay[]): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  for (const day of calendar) {
    run = day.total > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  let current = 0;
  let at = calendar.length - 1;
  if (at >= 0 && calendar[at].total === 0) at -= 1;
  while (at >= 0 && calendar[at].total > 0) {
    current += 1;
    at -= 1;
  }
  return { current, longest };
}

/** The heatmap's shade of a day, 0 (none) to 4, by quarters of the busiest day. */
export function activityLevel(total: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (total <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((total / max) * 4))) as 1 | 2 | 3 | 4;
}

export interface TrackMastery {
  deckId: string;
  cards: number;
  mastered: number;
  /** mastered / cards, 0 to 1. */
  mastery: number;
}

/** Mastery per track (deck), in the order the decks are given; topics of unknown decks are left out. */
export function masteryPerTrack(topics: readonly TopicProgress[], deckOfTopic: ReadonlyMap<string, string>, deckOrder: readonly string[]): TrackMastery[] {
  const tracks = new Map<string, TrackMastery>(deckOrder.map((deckId) => [deckId, { deckId, cards: 0, mastered: 0, mastery: 0 }]));
  for (const topic of topics) {
    const track = tracks.get(deckOfTopic.get(topic.topic) ?? '');
    if (!track) continue;
    track.cards += topic.cards;
    track.mastered += topic.mastered;
    track.mastery = track.cards > 0 ? track.mastered / track.cards : 0;
  }
  return [...tracks.values()].filter((track) => track.cards > 0);
}
