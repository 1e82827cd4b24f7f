import * as assert from 'node:assert/strict';
import {
  applyEvent,
  emptyRecord,
  localDay,
  mergeRecords,
  PROBLEM_PROGRESS_KEY,
  ProblemProgressStore,
  problemStatus,
  proposeRating,
  readProblemProgress,
  type ProblemEvent,
  type ProblemProgressMemento,
  type ProblemRecord,
} from '../../../../src/problems/core/problemProgress';
import { Rating } from '../../../../src/quiz/core/scheduler';

const T1 = new Date('2025-03-01T10:00:00.000Z');
const T2 = new Date('2025-03-01T10:05:00.000Z');
const T3 = new Date('2025-03-02T08:00:00.000Z');

/** A Memento that, like VS Code's, hands back a JSON copy of what was stored (never the object written). */
class FakeMemento implements ProblemProgressMemento {
  readonly writes: unknown[] = [];
  failNext = false;
  private stored: string | undefined;

  constructor(initial?: unknown) {
    this.set(initial);
  }

  get(key: string): unknown {
    assert.equal(key, PROBLEM_PROGRESS_KEY);
    return this.stored === undefined ? undefined : JSON.parse(this.stored);
  }

  /** What another window writes. */
  set(value: unknown): void {
    this.stored = value === undefined ? undefined : JSON.stringify(value);
  }

  async update(key: string, value: unknown): Promise<void> {
    assert.equal(key, PROBLEM_PROGRESS_KEY);
    await Promise.resolve();
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.writes.push(value);
    this.set(value);
  }
}

function apply(...events: ProblemEvent[]): ProblemRecord {
  return events.reduce(applyEvent, emptyRecord());
}

const check = (at: Date, passed: number, total = 4, language: 'ts' | 'py' = 'py'): ProblemEvent => ({ kind: 'checked', at, language, passed, total });

/** The record as a Memento keeps it: JSON, so an `undefined` field is no field. */
const stored = (record: ProblemRecord): unknown => JSON.parse(JSON.stringify(record));

describe('problems/core/problemProgress', () => {
  describe('emptyRecord and problemStatus', () => {
    it('starts with zero counts, nothing solved and an empty review window', () => {
      assert.deepEqual(emptyRecord(), {
        solvedIn: [],
        hints: 0,
        checks: 0,
        solutionViewed: false,
        checksByDay: {},
        sinceReview: { checks: 0, hints: 0, passed: false, solutionViewed: false },
      });
    });

    it('is new without a record or without a start, attempted once started or checked, solved once every case passed', () => {
      assert.equal(problemStatus(undefined), 'new');
      assert.equal(problemStatus(emptyRecord()), 'new');
      assert.equal(problemStatus(apply({ kind: 'hint', revealed: 1 })), 'new');
      assert.equal(problemStatus(apply({ kind: 'started', at: T1 })), 'attempted');
      assert.equal(problemStatus({ ...emptyRecord(), checks: 1 }), 'attempted');
      assert.equal(problemStatus(apply(check(T1, 3))), 'attempted');
      assert.equal(problemStatus(apply(check(T1, 4))), 'solved');
      assert.equal(problemStatus(apply(check(T1, 4), check(T2, 0))), 'solved', 'a later failing check does not unsolve');
    });
  });

  describe('applyEvent', () => {
    it('keeps the first start', () => {
      const record = apply({ kind: 'started', at: T1 }, { kind: 'started', at: T2 });
      assert.equal(record.startedAt, T1.toISOString());
    });

    it('counts a failing check, starts the problem and keeps it as the last check, without solving it', () => {
      const record = apply(check(T1, 1, 4, 'ts'));
      assert.deepEqual(stored(record), {
        startedAt: T1.toISOString(),
        solvedIn: [],
        hints: 0,
        checks: 1,
        solutionViewed: false,
        lastCheck: { at: T1.toISOString(), language: 'ts', passed: 1, total: 4 },
        checksByDay: { [localDay(T1)]: 1 },
        sinceReview: { checks: 1, hints: 0, passed: false, solutionViewed: false },
      });
    });

    it('solves on the first check where every case passed, and records each language once', () => {
      const record = apply({ kind: 'started', at: T1 }, check(T2, 2), check(T2, 4), check(T3, 4), check(T3, 5, 5, 'ts'), check(T3, 0, 5, 'ts'));
      assert.equal(record.startedAt, T1.toISOString());
      assert.equal(record.solvedAt, T2.toISOString());
      assert.deepEqual(record.solvedIn, ['ts', 'py']);
      assert.equal(record.checks, 5);
      assert.deepEqual(record.lastCheck, { at: T3.toISOString(), language: 'ts', passed: 0, total: 5 });
      assert.deepEqual(record.sinceReview, { checks: 5, hints: 0, passed: true, solutionViewed: false });
    });

    it('does not count a check with no cases as solved', () => {
      const record = apply(check(T1, 0, 0));
      assert.equal(record.solvedAt, undefined);
      assert.deepEqual(record.solvedIn, []);
      assert.equal(record.sinceReview.passed, false);
    });

    it('raises the revealed hints and the hints since the review, never lowers them', () => {
      const record = apply({ kind: 'hint', revealed: 2 }, { kind: 'hint', revealed: 1 }, { kind: 'hint', revealed: 2 });
      assert.equal(record.hints, 2);
      assert.equal(record.sinceReview.hints, 2);
      const more = applyEvent(record, { kind: 'hint', revealed: 3 });
      assert.equal(more.hints, 3);
      assert.equal(more.sinceReview.hints, 3);
    });

    it('marks the solution viewed, and as a lapse of the review only before solving', () => {
      const before = apply({ kind: 'solutionViewed' });
      assert.equal(before.solutionViewed, true);
      assert.equal(before.sinceReview.solutionViewed, true);
      const after = apply(check(T1, 4), { kind: 'solutionViewed' });
      assert.equal(after.solutionViewed, true);
      assert.equal(after.sinceReview.solutionViewed, false);
    });

    it("'rated' resets only what happened since the review", () => {
      const worked = apply(check(T1, 1), { kind: 'hint', revealed: 2 }, { kind: 'solutionViewed' }, check(T2, 4));
      const rated = applyEvent(worked, { kind: 'rated' });
      assert.deepEqual(rated.sinceReview, { checks: 0, hints: 0, passed: false, solutionViewed: false });
      assert.deepEqual({ ...rated, sinceReview: worked.sinceReview }, worked);
    });

    it('never changes the record it is given', () => {
      const record = apply(check(T1, 4, 4, 'py'), { kind: 'hint', revealed: 1 });
      const snapshot = structuredClone(record);
      for (const event of [{ kind: 'started', at: T3 }, check(T3, 5, 5, 'ts'), { kind: 'hint', revealed: 3 }, { kind: 'solutionViewed' }, { kind: 'rated' }] as ProblemEvent[]) {
        applyEvent(record, event);
      }
      assert.deepEqual(record, snapshot);
    });
  });

  describe('proposeRating', () => {
    it('proposes Good (3) for a pass at the first check without hints', () => {
      assert.equal(proposeRating(apply(check(T1, 4))), Rating.Good);
      assert.equal(Rating.Good, 3);
      assert.equal(proposeRating(apply({ kind: 'started', at: T1 }, check(T2, 4))), Rating.Good);
    });

    it('proposes Hard (2) for a pass after hints or after several checks', () => {
      assert.equal(Rating.Hard, 2);
      assert.equal(proposeRating(apply({ kind: 'hint', revealed: 1 }, check(T1, 4))), Rating.Hard);
      assert.equal(proposeRating(apply(check(T1, 4), { kind: 'hint', revealed: 1 })), Rating.Hard);
      assert.equal(proposeRating(apply(check(T1, 2), check(T2, 4))), Rating.Hard);
      assert.equal(proposeRating(apply(check(T1, 4), check(T2, 4))), Rating.Hard);
    });

    it('proposes Again (1) when nothing passed, when there is no record, or when the solution was viewed before solving', () => {
      assert.equal(Rating.Again, 1);
      assert.equal(proposeRating(undefined), Rating.Again);
      assert.equal(proposeRating(emptyRecord()), Rating.Again);
      assert.equal(proposeRating(apply(check(T1, 3), check(T2, 3))), Rating.Again);
      assert.equal(proposeRating(apply({ kind: 'solutionViewed' }, check(T1, 4))), Rating.Again);
    });

    it("starts afresh after 'rated': only what happened since counts", () => {
      const reviewed = apply({ kind: 'hint', revealed: 3 }, check(T1, 1), check(T2, 4), { kind: 'rated' });
      assert.equal(proposeRating(reviewed), Rating.Again);
      assert.equal(proposeRating(applyEvent(reviewed, check(T3, 4))), Rating.Good);
      assert.equal(proposeRating(apply({ kind: 'solutionViewed' }, { kind: 'rated' }, check(T1, 4))), Rating.Good);
    });
  });

  describe('mergeRecords', () => {
    const here = apply({ kind: 'started', at: T2 }, check(T2, 1), { kind: 'hint', revealed: 1 }, check(T3, 4, 4, 'ts'));
    const there = apply({ kind: 'started', at: T1 }, check(T1, 4, 4, 'py'), { kind: 'hint', revealed: 2 }, { kind: 'solutionViewed' });

    it('takes the union: the earlier start and solve, every language, the larger counts, the later last check', () => {
      assert.deepEqual(stored(mergeRecords(here, there)), {
        startedAt: T1.toISOString(),
        solvedAt: T1.toISOString(),
        solvedIn: ['ts', 'py'],
        hints: 2,
        checks: 2,
        solutionViewed: true,
        lastCheck: { at: T3.toISOString(), language: 'ts', passed: 4, total: 4 },
        // Per day, the larger count: T1 and T2 fall on one day, T3 on the next.
        checksByDay: { [localDay(T1)]: 1, [localDay(T3)]: 1 },
        // The copy with more checks: here's.
        sinceReview: { checks: 2, hints: 1, passed: true, solutionViewed: false },
      });
    });

    it('counts checks per local day, and merges them day by day with the larger count', () => {
      const a = apply(check(T1, 1), check(T2, 1), check(T3, 1));
      const b = apply(check(T1, 1), check(T3, 1), check(T3, 1));
      assert.deepEqual(a.checksByDay, localDay(T1) === localDay(T3) ? { [localDay(T1)]: 3 } : { [localDay(T1)]: 2, [localDay(T3)]: 1 });
      const merged = mergeRecords(a, b);
      assert.deepEqual(merged.checksByDay, localDay(T1) === localDay(T3) ? { [localDay(T1)]: 3 } : { [localDay(T1)]: 2, [localDay(T3)]: 2 });
      assert.deepEqual(mergeRecords(b, a).checksByDay, merged.checksByDay);
    });

    it('with as many checks on both, takes the union of both review windows', () => {
      const a = apply(check(T1, 1), check(T1, 4), { kind: 'rated' }, { kind: 'hint', revealed: 1 });
      const b = apply(check(T1, 1), { kind: 'solutionViewed' }, check(T2, 2));
      assert.deepEqual(mergeRecords(a, b).sinceReview, { checks: 2, hints: 1, passed: false, solutionViewed: true });
      assert.deepEqual(mergeRecords(b, a).sinceReview, { checks: 2, hints: 1, passed: false, solutionViewed: true });
    });

    it('keeps the review window of the copy with more checks', () => {
      const more = applyEvent(here, check(T3, 4, 4, 'ts'));
      assert.deepEqual(mergeRecords(more, there).sinceReview, more.sinceReview);
      assert.deepEqual(mergeRecords(there, more).sinceReview, more.sinceReview);
    });

    it('compares dates as instants, whatever their offset or precision', () => {
      const a: ProblemRecord = { ...emptyRecord(), startedAt: '2025-03-01T11:30:00+02:00', solvedAt: '2025-03-01T10:00:00Z' };
      const b: ProblemRecord = { ...emptyRecord(), startedAt: '2025-03-01T10:00:00.000Z', solvedAt: '2025-03-01T10:00:00.500Z' };
      for (const merged of [mergeRecords(a, b), mergeRecords(b, a)]) {
        assert.equal(merged.startedAt, '2025-03-01T11:30:00+02:00', '09:30Z is before 10:00Z');
        assert.equal(merged.solvedAt, '2025-03-01T10:00:00Z', '10:00:00Z is before 10:00:00.500Z');
      }
    });

    const samples: [string, ProblemRecord][] = [
      ['empty', emptyRecord()],
      ['here', here],
      ['there', there],
      ['rated here', applyEvent(here, { kind: 'rated' })],
      ['failing', apply(check(T1, 0), check(T2, 1))],
      ['same last check time, other result', apply(check(T3, 2), check(T3, 3, 4, 'ts'))],
      ['same last check time, same checks', apply(check(T2, 2), check(T3, 4, 4, 'ts'))],
      ['from stored data', readProblemProgress({ version: 1, problems: { x: { startedAt: '2025-03-01T09:00:00+01:00', checks: 2, solvedIn: ['py'] } } }).get('x') ?? emptyRecord()],
    ];

    it('is commutative', () => {
      for (const [nameA, a] of samples) {
        for (const [nameB, b] of samples) {
          assert.deepEqual(stored(mergeRecords(a, b)), stored(mergeRecords(b, a)), `${nameA} ⊔ ${nameB}`);
        }
      }
    });

    it('is idempotent: merging a copy with itself, or with what is already merged in, changes nothing', () => {
      for (const [nameA, a] of samples) {
        assert.deepEqual(stored(mergeRecords(a, a)), stored(a), `${nameA} ⊔ ${nameA}`);
        for (const [nameB, b] of samples) {
          const merged = mergeRecords(a, b);
          assert.deepEqual(stored(mergeRecords(merged, b)), stored(merged), `(${nameA} ⊔ ${nameB}) ⊔ ${nameB}`);
        }
      }
    });

    it('is associative', () => {
      for (const [nameA, a] of samples) {
        for (const [nameB, b] of samples) {
          for (const [nameC, c] of samples) {
            assert.deepEqual(stored(mergeRecords(mergeRecords(a, b), c)), stored(mergeRecords(a, mergeRecords(b, c))), `${nameA}, ${nameB}, ${nameC}`);
          }
        }
      }
    });
  });

  describe('readProblemProgress', () => {
    it('reads malformed or foreign stored data as empty', () => {
      for (const raw of [undefined, null, 'text', 42, [], {}, { problems: {} }, { version: 2, problems: {} }, { version: '1', problems: {} }, { version: 1 }, { version: 1, problems: [] }, { version: 1, problems: 'x' }]) {
        assert.deepEqual(readProblemProgress(raw), new Map(), JSON.stringify(raw));
      }
    });

    it('skips a record it cannot parse, reads the others with defaults, and leaves out fields it does not know', () => {
      const records = readProblemProgress({
        version: 1,
        problems: {
          'builtin:softmax': { startedAt: T1.toISOString(), checks: 1, futureField: 'x' },
          'builtin:bad-date': { startedAt: 'yesterday' },
          'builtin:negative': { checks: -1 },
          'builtin:not-an-object': 7,
        },
      });
      assert.deepEqual([...records.keys()], ['builtin:softmax']);
      assert.deepEqual(records.get('builtin:softmax'), { ...emptyRecord(), startedAt: T1.toISOString(), checks: 1 });
    });
  });

  describe('ProblemProgressStore', () => {
    it('starts empty and writes each change as a version-1 map', async () => {
      const memento = new FakeMemento();
      const store = new ProblemProgressStore(memento);
      assert.deepEqual(store.all(), new Map());
      assert.equal(store.get('builtin:softmax'), undefined);
      const record = await store.record('builtin:softmax', check(T1, 4));
      assert.deepEqual(record, apply(check(T1, 4)));
      assert.deepEqual(memento.get(PROBLEM_PROGRESS_KEY), { version: 1, problems: { 'builtin:softmax': stored(record) } });
      assert.deepEqual(store.get('builtin:softmax'), record);
    });

    it('applies each change to the freshest stored copy, so another window’s write is kept', async () => {
      const memento = new FakeMemento();
      const store = new ProblemProgressStore(memento);
      await store.record('builtin:softmax', { kind: 'started', at: T1 });
      // Another window checks softmax and starts gelu.
      const other = new ProblemProgressStore(memento);
      await other.record('builtin:softmax', check(T2, 2));
      await other.record('builtin:gelu', { kind: 'started', at: T2 });
      const record = await store.record('builtin:softmax', { kind: 'hint', revealed: 1 });
      assert.equal(record.checks, 1);
      assert.equal(record.hints, 1);
      assert.deepEqual([...store.all().keys()].sort(), ['builtin:gelu', 'builtin:softmax']);
    });

    it('queues the writes of one window: changes made at once all land', async () => {
      const memento = new FakeMemento();
      const store = new ProblemProgressStore(memento);
      const results = await Promise.all([store.record('p', check(T1, 1)), store.record('p', check(T2, 2)), store.record('q', { kind: 'started', at: T3 })]);
      assert.deepEqual(results.map((r) => r.checks), [1, 2, 0]);
      assert.equal(store.get('p')?.checks, 2);
      assert.equal(store.get('q')?.startedAt, T3.toISOString());
      assert.equal(memento.writes.length, 3);
    });

    it('keeps a stored record this version cannot parse untouched on the next write', async () => {
      const unreadable = { startedAt: 'in the future', checks: 'many', nested: { a: [1, 2] } };
      const memento = new FakeMemento({ version: 1, problems: { 'builtin:future': unreadable } });
      const store = new ProblemProgressStore(memento);
      assert.deepEqual(store.all(), new Map());
      await store.record('builtin:softmax', { kind: 'started', at: T1 });
      await store.merge(new Map([['builtin:gelu', apply(check(T1, 1))]]));
      const raw = memento.get(PROBLEM_PROGRESS_KEY) as { problems: Record<string, unknown> };
      assert.deepEqual(raw.problems['builtin:future'], unreadable);
      assert.deepEqual(Object.keys(raw.problems).sort(), ['builtin:future', 'builtin:gelu', 'builtin:softmax']);
    });

    it('reads malformed stored data as empty and writes a fresh map over it', async () => {
      const memento = new FakeMemento({ version: 1, problems: 'corrupt' });
      const store = new ProblemProgressStore(memento);
      assert.deepEqual(store.all(), new Map());
      const record = await store.record('p', { kind: 'started', at: T1 });
      assert.deepEqual(memento.get(PROBLEM_PROGRESS_KEY), { version: 1, problems: { p: stored(record) } });
    });

    it('merges imported records into the stored ones and adds the new ones', async () => {
      const memento = new FakeMemento();
      const store = new ProblemProgressStore(memento);
      const mine = await store.record('p', check(T2, 4, 4, 'ts'));
      const theirs = apply(check(T1, 1), check(T1, 2));
      const fresh = apply({ kind: 'started', at: T3 });
      await store.merge(new Map([['p', theirs], ['q', fresh]]));
      assert.deepEqual(stored(store.get('p') as ProblemRecord), stored(mergeRecords(mine, theirs)));
      assert.deepEqual(store.get('q'), fresh);
    });

    it('erases every record on reset, after the writes already queued', async () => {
      const memento = new FakeMemento();
      const store = new ProblemProgressStore(memento);
      void store.record('p', check(T1, 4));
      await store.reset();
      assert.equal(memento.get(PROBLEM_PROGRESS_KEY), undefined);
      assert.deepEqual(store.all(), new Map());
    });

    it('rejects a change whose write failed, and still applies the next one', async () => {
      const memento = new FakeMemento();
      const store = new ProblemProgressStore(memento);
      memento.failNext = true;
      await assert.rejects(store.record('p', check(T1, 1)), /disk full/);
      assert.equal(store.get('p'), undefined);
      const record = await store.record('p', check(T2, 2));
      assert.equal(record.checks, 1);
    });
  });
});
