import assert from 'node:assert/strict';
import { emptyProgress, recordReview, type QuizProgress } from '../../../../src/quiz/core/progressStore';
import { ratingFromChecklist } from '../../../../src/quiz/core/kinds/recall';
import { QuizSession, type CardView, type SessionView } from '../../../../src/quiz/core/quizSession';
import { QuizScheduler, Rating, State } from '../../../../src/quiz/core/scheduler';
import type { CodeGrade } from '../../../../src/quiz/core/kinds/cardKind';
import { DAY, localTime, MINUTE } from './fixtures';
import { ITEMS, mcItem, recallItem } from './sessionFixtures';

const scheduler = new QuizScheduler();
const settings = { newPerDay: 20, reviewsPerDay: 200 };
const now = localTime(10, 12);

function asCard(view: SessionView): CardView {
  assert.equal(view.kind, 'card');
  return view as CardView;
}

describe('quiz session', () => {
  it('starts with the first new card, its options shuffled by a seed, and counts what is left', () => {
    const session = new QuizSession(ITEMS, undefined);
    const view = asCard(session.view(emptyProgress(), now, settings));
    assert.equal(view.item.id, 'a/mc');
    assert.equal(view.reason, 'new');
    assert.equal(view.phase, 'question');
    assert.deepEqual(view.counts, { learning: 0, review: 0, new: 4, ahead: 0 });
    assert.deepEqual(view.choice, { order: [2, 0, 1], correctIndex: 1 });
  });

  it('grades a wrong option as Again at once, keeps the card on screen, then continues', () => {
    const session = new QuizSession(ITEMS, undefined);
    let progress: QuizProgress = emptyProgress();
    session.view(progress, now, settings);
    const recorded = session.choose(2, progress, now, scheduler);
    assert.ok(recorded);
    assert.equal(recorded.review.rating, Rating.Again);
    assert.equal(recorded.review.cardId, 'a/mc');
    assert.equal(recorded.state.state, State.Learning);
    assert.equal(recorded.state.due.getTime(), now.getTime() + MINUTE);
    progress = recordReview(progress, recorded.state, recorded.review);
    const answered = asCard(session.view(progress, now, settings));
    assert.equal(answered.item.id, 'a/mc');
    assert.equal(answered.phase, 'answered');
    assert.deepEqual(answered.choice, { order: [2, 0, 1], chosen: 2, correctIndex: 1 });
    assert.equal(answered.rating, Rating.Again);
    assert.equal(session.choose(0, progress, now, scheduler), undefined, 'a card is graded once');
    assert.equal(session.next(), true);
    assert.equal(asCard(session.view(progress, now, settings)).item.id, 'a/recall');
    // A minute later the card answered Again is due again, before the new cards.
    const later = new Date(now.getTime() + MINUTE);
    session.rate(Rating.Good, progress, later, scheduler); // ignored: not revealed yet
    assert.equal(asCard(session.view(progress, later, settings)).item.id, 'a/recall', 'the card on screen stays until answered');
  });

  it('grades the right option as Good', () => {
    const session = new QuizSession([mcItem], undefined);
    session.view(emptyProgress(), now, settings);
    assert.equal(session.choose(1, emptyProgress(), now, scheduler)?.review.rating, Rating.Good);
  });

  it('reveals a recall card with the interval of every rating, and moves on after the rating', () => {
    const session = new QuizSession([recallItem, mcItem], undefined);
    const progress = emptyProgress();
    assert.equal(session.rate(Rating.Good, progress, now, scheduler), undefined, 'no rating before the answer is shown');
    session.view(progress, now, settings);
    assert.equal(session.reveal(progress, now, scheduler), true);
    const revealed = asCard(session.view(progress, now, settings));
    assert.equal(revealed.phase, 'revealed');
    assert.deepEqual(
      revealed.previews?.map((preview) => `${preview.rating}:${preview.label}`),
      ['1:1m', '2:6m', '3:10m', '4:8d'],
    );
    const recorded = session.rate(Rating.Easy, progress, now, scheduler);
    assert.equal(recorded?.review.rating, Rating.Easy);
    assert.equal(recorded?.state.due.getTime(), now.getTime() + 8 * DAY);
    const next = asCard(session.view(recordReview(progress, recorded.state, recorded.review), now, settings));
    assert.equal(next.item.id, 'a/mc');
  });

  it('limits the session to one topic', () => {
    const session = new QuizSession(ITEMS, 'user:file:///w/b');
    const view = asCard(session.view(emptyProgress(), now, settings));
    assert.equal(view.item.id, 'user:b/recall');
    assert.deepEqual(view.counts, { learning: 0, review: 0, new: 1, ahead: 0 });
  });

  it('respects the daily new-card limit', () => {
    const session = new QuizSession(ITEMS, undefined);
    assert.deepEqual(asCard(session.view(emptyProgress(), now, { ...settings, newPerDay: 2 })).counts, { learning: 0, review: 0, new: 2, ahead: 0 });
  });

  it('a failing code check records nothing and shows no solution; a pass proposes a rating the user picks', () => {
    const session = new QuizSession([ITEMS[2], recallItem], undefined);
    const progress = emptyProgress();
    session.view(progress, now, settings);
    const failing: CodeGrade = { results: [{ name: 'c1', passed: false, reason: 'output[0] = 1, expected 2' }], passedCount: 0, language: 'ts', proposed: Rating.Again };
    const passing: CodeGrade = { results: [{ name: 'c1', passed: true, reason: 'ok' }], passedCount: 1, language: 'ts', proposed: Rating.Hard };
    assert.equal(session.codeChecked(failing, progress, now, scheduler), true);
    const failed = asCard(session.view(progress, now, settings));
    assert.equal(failed.phase, 'question', 'checking the untouched starter neither rates the card nor reveals the solution');
    assert.equal(failed.codeGrade, failing);
    assert.equal(failed.rating, undefined);
    assert.equal(session.next(), false, 'a failing exercise is not left by Continue');
    assert.equal(session.rate(Rating.Good, progress, now, scheduler), undefined, 'nor rated');
    assert.equal(session.codeChecked(passing, progress, now, scheduler), true);
    const passed = asCard(session.view(progress, now, settings));
    assert.equal(passed.phase, 'passed');
    assert.equal(passed.proposed, Rating.Hard, 'the host proposes Hard after two checks');
    assert.equal(passed.previews?.length, 4);
    const recorded = session.rate(Rating.Easy, progress, now, scheduler);
    assert.ok(recorded);
    assert.equal(recorded.review.rating, Rating.Easy, 'the user’s choice is recorded');
    assert.equal(asCard(session.view(recordReview(progress, recorded.state, recorded.review), now, settings)).item.id, 'a/recall');

    const first = new QuizSession([ITEMS[2]], undefined);
    first.view(progress, now, settings);
    first.codeChecked({ ...passing, proposed: Rating.Good }, progress, now, scheduler);
    assert.equal(asCard(first.view(progress, now, settings)).proposed, Rating.Good, 'the rating the host proposes is the one shown');
  });

  it('Show solution counts as a lapse; skipping records nothing', () => {
    const progress = emptyProgress();
    const session = new QuizSession([ITEMS[2], recallItem], undefined);
    session.view(progress, now, settings);
    const lapse = session.showSolution(progress, now, scheduler);
    assert.equal(lapse?.review.rating, Rating.Again);
    assert.equal(asCard(session.view(progress, now, settings)).phase, 'solution');
    assert.equal(session.showSolution(progress, now, scheduler), undefined, 'recorded once');
    assert.equal(session.next(), true);

    const skipping = new QuizSession([ITEMS[2], recallItem], undefined);
    skipping.view(progress, now, settings);
    assert.equal(skipping.skip(), true);
    assert.equal(asCard(skipping.view(progress, now, settings)).item.id, 'a/recall');
  });

  it('proposes a recall rating from the ticked checklist', () => {
    assert.deepEqual([ratingFromChecklist(2, 2), ratingFromChecklist(1, 2), ratingFromChecklist(1, 3), ratingFromChecklist(0, 2)], [Rating.Good, Rating.Hard, Rating.Again, Rating.Again]);
    const progress = emptyProgress();
    const session = new QuizSession([recallItem], undefined);
    session.view(progress, now, settings);
    assert.equal(session.setChecklist([0]), false, 'only once revealed');
    session.reveal(progress, now, scheduler);
    assert.equal(asCard(session.view(progress, now, settings)).proposed, undefined);
    assert.equal(session.setChecklist([1, 0, 1, 7]), true);
    const view = asCard(session.view(progress, now, settings));
    assert.deepEqual(view.checked, [0, 1]);
    assert.equal(view.proposed, Rating.Good);
    session.setChecklist([1]);
    assert.equal(asCard(session.view(progress, now, settings)).proposed, Rating.Hard);
  });

  it('undoes the last rating: the card comes back unanswered', () => {
    let progress = emptyProgress();
    const session = new QuizSession([mcItem, recallItem], undefined);
    session.view(progress, now, settings);
    assert.equal(session.undo(), undefined, 'nothing to undo yet');
    const recorded = session.choose(0, progress, now, scheduler);
    assert.ok(recorded);
    progress = recordReview(progress, recorded.state, recorded.review);
    session.next();
    const next = asCard(session.view(progress, now, settings));
    assert.equal(next.item.id, 'a/recall');
    assert.equal(next.canUndo, true);
    assert.deepEqual(session.undo(), { itemId: 'a/mc', reviewId: recorded.review.id, reason: 'new' });
    const back = asCard(session.view(emptyProgress(), now, settings));
    assert.equal(back.item.id, 'a/mc');
    assert.equal(back.phase, 'question');
    assert.equal(back.canUndo, undefined);
  });

  it('says when the next card is due when nothing is, and practises ahead without repeating a card', () => {
    const session = new QuizSession([mcItem, recallItem], undefined);
    let progress = emptyProgress();
    for (const item of [mcItem, recallItem]) {
      const { state, review } = scheduler.rate(item.id, undefined, Rating.Easy, localTime(9, 12), `${item.id}#1`);
      progress = recordReview(progress, state, review);
    }
    const empty = session.view(progress, now, settings);
    assert.deepEqual(empty, { kind: 'empty', nextDueAt: new Date(localTime(9, 12).getTime() + 8 * DAY), answered: 0, canPractiseAhead: true, practisingAhead: false });
    session.startPractisingAhead();
    const ahead = asCard(session.view(progress, now, settings));
    assert.equal(ahead.reason, 'ahead');
    assert.equal(ahead.item.id, 'a/mc');
    const recorded = session.choose(0, progress, now, scheduler);
    assert.ok(recorded);
    progress = recordReview(progress, recorded.state, recorded.review);
    session.next();
    assert.equal(asCard(session.view(progress, now, settings)).item.id, 'a/recall', 'the card just practised is not served again');
    session.reveal(progress, now, scheduler);
    const second = session.rate(Rating.Good, progress, now, scheduler);
    assert.ok(second);
    progress = recordReview(progress, second.state, second.review);
    const done = session.view(progress, now, settings);
    assert.equal(done.kind, 'empty');
    assert.equal(done.kind === 'empty' && done.practisingAhead, true);
    assert.equal(done.kind === 'empty' && done.answered, 2);
  });

  it('has nothing to practise ahead in an empty deck', () => {
    assert.deepEqual(new QuizSession([], undefined).view(emptyProgress(), now, settings), {
      kind: 'empty',
      nextDueAt: undefined,
      answered: 0,
      canPractiseAhead: false,
      practisingAhead: false,
    });
  });
});
