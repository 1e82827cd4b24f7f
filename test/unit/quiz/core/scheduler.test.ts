import assert from 'node:assert/strict';
import { formatInterval, GRADES, QuizScheduler, Rating, State } from '../../../../src/quiz/core/scheduler';
import { DAY, localTime, MINUTE, reviewCardDueAt, reviewHistory } from './fixtures';

describe('QuizScheduler (ts-fsrs)', () => {
  const scheduler = new QuizScheduler();
  const now = localTime(10, 12);

  it('starts an unseen card as new, due now', () => {
    const state = scheduler.newCardState(now);
    assert.equal(state.state, State.New);
    assert.equal(state.due.getTime(), now.getTime());
    assert.equal(state.reps, 0);
  });

  it('Again on a new card gives a due within minutes, in learning', () => {
    const { state, review } = scheduler.rate('t/c', undefined, Rating.Again, now, 'r1');
    assert.equal(state.state, State.Learning);
    assert.ok(state.due.getTime() - now.getTime() <= 10 * MINUTE);
    assert.deepEqual([review.id, review.cardId, review.rating, review.state], ['r1', 't/c', Rating.Again, State.New]);
  });

  it('Easy on a new card gives days, straight into review', () => {
    const { state } = scheduler.rate('t/c', undefined, Rating.Easy, now);
    assert.equal(state.state, State.Review);
    assert.ok(state.due.getTime() - now.getTime() >= DAY);
  });

  it('gives each review its own id', () => {
    const first = scheduler.rate('t/c', undefined, Rating.Good, now).review.id;
    const second = scheduler.rate('t/c', undefined, Rating.Good, now).review.id;
    assert.notEqual(first, second);
    assert.match(first, /^[0-9a-f-]{36}$/);
  });

  it('previews each button: for a new card 1m, 6m, 10m and 8d', () => {
    const preview = scheduler.preview(undefined, now);
    assert.deepEqual(
      preview.map((outcome) => outcome.rating),
      GRADES,
    );
    assert.deepEqual(
      preview.map((outcome) => outcome.label),
      ['1m', '6m', '10m', '8d'],
    );
  });

  it('gives strictly increasing intervals Again < Hard < Good < Easy for a review card', () => {
    const card = reviewCardDueAt(scheduler, now);
    const intervals = scheduler.preview(card, now).map((outcome) => outcome.intervalMs);
    for (let index = 1; index < intervals.length; index += 1) {
      assert.ok(intervals[index] > intervals[index - 1], `intervals ${intervals.join(', ')}`);
    }
    // Again on a review card lapses it into relearning, minutes away.
    const lapse = scheduler.rate('t/c', card, Rating.Again, now).state;
    assert.equal(lapse.state, State.Relearning);
    assert.equal(lapse.lapses, card.lapses + 1);
  });

  it('schedules shorter intervals for a higher desired retention', () => {
    const card = reviewCardDueAt(scheduler, now);
    const good = (retention: number) => new QuizScheduler({ desiredRetention: retention }).preview(card, now)[2].intervalMs;
    assert.ok(good(0.97) < good(0.9));
    assert.ok(good(0.9) < good(0.8));
  });

  it('keeps desired retention within Anki’s 0.7–0.99 and defaults to 0.9', () => {
    assert.equal(new QuizScheduler().desiredRetention, 0.9);
    assert.equal(new QuizScheduler({ desiredRetention: 1.5 }).desiredRetention, 0.99);
    assert.equal(new QuizScheduler({ desiredRetention: 0.1 }).desiredRetention, 0.7);
    assert.equal(new QuizScheduler({ desiredRetention: Number.NaN }).desiredRetention, 0.9);
  });

  it('replays a review history to the same state, whatever order the reviews are given in', () => {
    const history = reviewHistory(scheduler, 't/c', [Rating.Good, Rating.Again, Rating.Good, Rating.Easy], now, 2 * DAY);
    const replayed = scheduler.replay('t/c', [...history.reviews].reverse());
    assert.deepEqual(replayed.state, history.state);
    assert.deepEqual(replayed.reviews, history.reviews);
    assert.equal(scheduler.replay('t/c', []).state, undefined);
  });

  it('reports retrievability that falls as time passes', () => {
    const card = reviewCardDueAt(scheduler, now);
    const soon = scheduler.retrievability(card, new Date((card.last_review ?? now).getTime() + DAY));
    const later = scheduler.retrievability(card, new Date((card.last_review ?? now).getTime() + 60 * DAY));
    assert.ok(soon > later && later > 0);
  });
});

describe('formatInterval', () => {
  const cases: [number, string][] = [
    [0, '<1m'],
    [59_000, '<1m'],
    [MINUTE, '1m'],
    [10 * MINUTE, '10m'],
    [60 * MINUTE, '1h'],
    [90 * MINUTE, '1.5h'],
    [DAY, '1d'],
    [29 * DAY, '29d'],
    [96 * DAY, '3.2mo'],
    [365 * DAY, '1y'],
    [400 * DAY, '1.1y'],
  ];
  for (const [ms, label] of cases) {
    it(`formats ${ms} ms as ${label}`, () => assert.equal(formatInterval(ms), label));
  }
});
