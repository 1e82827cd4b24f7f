import * as assert from 'node:assert/strict';
import { activityCalendar, activityLevel, masteryPerTrack, streaks, HEATMAP_DAYS } from '../../../../src/mock/core/activity';
import { renderActivitySections } from '../../../../src/mock/core/activityDocument';

// Local times: study days begin at 4:00 (the quiz's rollover).
const at = (day: number, hour = 12) => new Date(2026, 2, day, hour).getTime();
const NOW = new Date(2026, 2, 10, 20);

describe('activity', () => {
  it('counts reviews, checks and mock interviews per study day over 365 days, today last', () => {
    const calendar = activityCalendar({ reviews: [at(10), at(10), at(9), at(11), at(1, 2)], checks: [at(9)], mocks: [at(10)] }, NOW);
    assert.equal(calendar.length, HEATMAP_DAYS);
    assert.equal(calendar[calendar.length - 1].day, '2026-03-10');
    assert.equal(calendar[0].day, '2025-03-11');
    const byDay = (day: string) => calendar.find((entry) => entry.day === day);
    assert.deepEqual(byDay('2026-03-10'), { day: '2026-03-10', weekday: 2, reviews: 2, checks: 0, mocks: 1, total: 3 });
    assert.deepEqual([byDay('2026-03-09')?.reviews, byDay('2026-03-09')?.checks], [1, 1]);
    // 2:00 on March 1st belongs to the study day of February 28th; the future is not counted.
    assert.equal(byDay('2026-02-28')?.reviews, 1);
    assert.equal(calendar.reduce((sum, day) => sum + day.total, 0), 6);
  });

  it('has a current streak ending today or yesterday, and the longest over the year', () => {
    const days = (totals: number[]) => totals.map((total, index) => ({ day: String(index), weekday: 0, reviews: total, checks: 0, mocks: 0, total }));
    assert.deepEqual(streaks(days([1, 1, 1, 0, 1, 1])), { current: 2, longest: 3 });
    assert.deepEqual(streaks(days([1, 1, 0, 1, 1, 1, 0])), { current: 3, longest: 3 });
    assert.deepEqual(streaks(days([1, 0, 0])), { current: 0, longest: 1 });
    assert.deepEqual(streaks([]), { current: 0, longest: 0 });
  });

  it('shades days by quarters of the busiest day', () => {
    assert.deepEqual([0, 1, 3, 5, 8].map((total) => activityLevel(total, 8)), [0, 1, 2, 3, 4]);
    assert.equal(activityLevel(3, 0), 0);
  });

  it('sums mastery per track in deck order', () => {
    const topics = [
      { topic: 'builtin/a', cards: 4, newCards: 0, due: 0, mastered: 2, mastery: 0.5 },
      { topic: 'builtin/b', cards: 4, newCards: 0, due: 0, mastered: 4, mastery: 1 },
      { topic: 'builtin/c', cards: 2, newCards: 2, due: 0, mastered: 0, mastery: 0 },
    ];
    const deckOf = new Map([['builtin/a', 'one'], ['builtin/b', 'one'], ['builtin/c', 'two']]);
    assert.deepEqual(masteryPerTrack(topics, deckOf, ['two', 'one', 'empty']), [
      { deckId: 'two', cards: 2, mastered: 0, mastery: 0 },
      { deckId: 'one', cards: 8, mastered: 6, mastery: 0.75 },
    ]);
  });

  it('renders the heatmap with one square per day and text equivalents', () => {
    const calendar = activityCalendar({ reviews: [at(10)], checks: [], mocks: [] }, NOW);
    const html = renderActivitySections({ calendar, streaks: streaks(calendar), tracks: [{ deckId: 'one', title: 'One <b>', cards: 2, mastered: 1, mastery: 0.5 }], trend: [{ finishedAt: at(9), score: 40 }, { finishedAt: at(10), score: 70 }] }, 'en');
    assert.equal((html.match(/<rect class="day level-/g) ?? []).length, HEATMAP_DAYS + 5);
    assert.match(html, /data-day="2026-03-10" data-level="4"/);
    assert.match(html, /Active days: 1\. Reviews: 1, checks: 0, mock interviews: 0\./);
    assert.match(html, /Current streak \(days\): 1/);
    assert.match(html, /One &lt;b&gt;/);
    assert.match(html, /Last 2 interviews: latest 70\/100, best 70\/100\./);
  });
});
