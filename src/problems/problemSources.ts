// The practice problems as other features use them, behind the types those features declare (so they never import
// this folder): Quiz Me's code cards (QuizProblemBridge) and the mock interview's and daily plan's problems
// (MockProblemSource).
import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import type { Deck, LoadedTopic } from '../content/core/deckLoader';
import { core } from '../loadCore';
import type { MockCheckResult, MockProblem, MockProblemSource } from '../mock/mockDependencies';
import type { CodeGrade } from '../quiz/core/kinds/cardKind';
import type { QuizItem } from '../quiz/core/quizItems';
import type { Grade } from '../quiz/core/scheduler';
import type { QuizProblemBridge } from '../quiz/problemBridge';
import { Disposable } from '../util/dispose';
import type { CheckController } from './checkController';
import type { PracticeLanguage } from './core/problemProgress';
import type { PracticeFiles } from './practiceFiles';
import type { ProblemPanelManager } from './problemPanel';
import type { LoadedProblem, ProblemService } from './problemService';

/** Every practice problem is a code card in Quiz Me, under the first of its topics that exists. */
export class ProblemCodeCards implements QuizProblemBridge {
  /** The language each problem was last started in from the quiz: Check in the quiz checks that attempt. */
  private readonly startedIn = new Map<string, PracticeLanguage>();
  /** Set by the quiz once it loads: records a rating on a code card (the mock interview rates problems through it). */
  rateCard: ((item: QuizItem, rating: Grade) => Promise<void>) | undefined;
  readonly onDidReloadProblems: vscode.Event<void>;

  constructor(
    private readonly service: ProblemService,
    private readonly files: PracticeFiles,
    private readonly checks: CheckController,
    private readonly content: ContentService,
    private readonly prepareRunner: () => void,
  ) {
    this.onDidReloadProblems = service.onDidReload;
  }

  /** The problem behind a code card: its deck's own problem of that id, else the built-in one. */
  async problemOf(item: QuizItem): Promise<LoadedProblem | undefined> {
    const id = core().problemOf(item.card);
    if (id === undefined) return undefined;
    const scope = item.topicKey.slice(0, item.topicKey.lastIndexOf('/'));
    return (await this.service.find(`${scope}/${id}`)) ?? (await this.service.find(`${core().BUILT_IN_KEY_SCOPE}/${id}`));
  }

  /** One code card per problem, under its first related topic that exists (a problem without one is not in the quiz). */
  async cardItems(): Promise<QuizItem[]> {
    const [problems, decks] = await Promise.all([this.service.problems(), this.content.decks()]);
    const builtIn = decks.filter((deck) => deck.trusted);
    const items: QuizItem[] = [];
    for (const problem of problems) {
      const own = decks.find((deck) => deck.id === problem.userDeckId);
      const found = firstTopic(problem.topics, own ? [own, ...builtIn] : builtIn);
      if (!found) continue;
      const text = (part: 'statement' | 'explanation') => ({ en: problem.body.en?.[part], 'zh-cn': problem.body['zh-cn']?.[part] });
      const card = core().problemCodeCard({ id: problem.id, topic: found.topic.id, title: problem.title, statement: text('statement'), explanation: text('explanation'), solutions: problem.solutions });
      items.push({
        id: found.deck.trusted ? card.id : `user:${card.id}`,
        deckId: found.deck.id,
        topicKey: found.topic.key,
        topicTitle: found.topic.title,
        trust: problem.trusted && found.deck.trusted ? 'trusted' : 'untrusted',
        card,
      });
    }
    return items;
  }

  /** The code card of a problem (by its key), if it has one. */
  async cardOf(problemKey: string): Promise<QuizItem | undefined> {
    for (const item of await this.cardItems()) if ((await this.problemOf(item))?.key === problemKey) return item;
    return undefined;
  }

  async start(item: QuizItem, language: PracticeLanguage): Promise<void> {
    const problem = await this.problemOf(item);
    if (!problem) return;
    this.startedIn.set(problem.key, language);
    const { created } = await this.files.start(problem, language, vscode.ViewColumn.Beside);
    if (created) await this.service.recordEvent(problem.key, { kind: 'started', at: new Date() });
  }

  /** Check from a code card: the attempt last started from the quiz, else the one last checked, else the one there is. */
  async check(item: QuizItem): Promise<CodeGrade | undefined> {
    const problem = await this.problemOf(item);
    if (!problem) return undefined;
    const candidates = [this.startedIn.get(problem.key), this.service.record(problem.key)?.lastCheck?.language, 'py' as const, 'ts' as const];
    let language: PracticeLanguage | undefined;
    for (const candidate of candidates) {
      if (candidate && (await this.files.exists(problem, candidate))) {
        language = candidate;
        break;
      }
    }
    if (!language) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Start the problem in Python or TypeScript first: Check runs your attempt file.'));
      return undefined;
    }
    const report = await this.checks.check(problem, language, { quiet: true });
    if (!report) return undefined;
    return {
      language,
      results: report.cases.map((c) => ({ name: c.name, passed: c.status === 'passed', reason: c.message })),
      passedCount: report.passed,
      fatal: report.fatal?.message,
      proposed: core().proposeRating(this.service.record(problem.key)),
    };
  }

  prepare(item: QuizItem): void {
    this.prepareRunner();
    void this.problemOf(item)
      .then((problem) => (problem ? this.service.cases(problem) : undefined))
      .catch(() => undefined);
  }

  async rated(item: QuizItem, solutionShown: boolean): Promise<void> {
    const problem = await this.problemOf(item);
    if (!problem) return;
    if (solutionShown) await this.service.recordEvent(problem.key, { kind: 'solutionViewed' });
    await this.service.recordEvent(problem.key, { kind: 'rated' });
  }

  exportRecords(): unknown {
    return Object.fromEntries(this.service.progress.all());
  }

  async importRecords(raw: unknown): Promise<number> {
    const records = core().readProblemProgress({ version: 1, problems: raw });
    await this.service.progress.merge(records);
    this.service.progressChanged();
    return records.size;
  }

  async resetRecords(): Promise<void> {
    await this.service.progress.reset();
    this.service.progressChanged();
  }
}

function firstTopic(ids: readonly string[], decks: readonly Deck[]): { deck: Deck; topic: LoadedTopic } | undefined {
  for (const id of ids) {
    for (const deck of decks) {
      const topic = deck.topics.find((t) => t.id === id);
      if (topic) return { deck, topic };
    }
  }
  return undefined;
}

/** The problems a mock interview draws from and the daily plan suggests, keyed by problem key. */
export class ProblemsForMock extends Disposable implements MockProblemSource {
  private readonly checkEmitter = this.register(new vscode.EventEmitter<MockCheckResult>());
  readonly onDidCheck = this.checkEmitter.event;
  readonly onDidChange: vscode.Event<void>;
  /** Reports whether a code card is due; set by the quiz once it loads (until then nothing is due). */
  dueCards: (() => Promise<ReadonlySet<string>>) | undefined;

  constructor(
    private readonly service: ProblemService,
    private readonly files: PracticeFiles,
    private readonly panels: ProblemPanelManager,
    checks: CheckController,
    private readonly cards: ProblemCodeCards,
  ) {
    super();
    this.onDidChange = service.onDidChange;
    this.register(
      checks.onDidCheck((outcome) => {
        if (!outcome.report.fatal) this.checkEmitter.fire({ problemId: outcome.problemKey, passed: outcome.report.passed, total: outcome.report.total, language: outcome.language });
      }),
    );
  }

  async list(): Promise<MockProblem[]> {
    const [problems, due, items] = await Promise.all([this.service.problems(), this.dueCards?.() ?? Promise.resolve(new Set<string>()), this.cards.cardItems()]);
    const dueProblems = new Set(items.filter((item) => due.has(item.id)).map((item) => core().problemOf(item.card)));
    return problems.map((problem) => {
      const status = core().problemStatus(this.service.record(problem.key));
      return {
        id: problem.key,
        title: problem.title,
        difficulty: problem.difficulty,
        topics: problem.topics,
        solved: status === 'solved',
        attempted: status !== 'new',
        due: problem.userDeckId === undefined && dueProblems.has(problem.id),
      };
    });
  }

  /** The statement, and beside it the attempt in the language last used (Python the first time). */
  async open(problemKey: string): Promise<void> {
    const problem = await this.service.find(problemKey);
    if (!problem) return;
    await this.panels.show(problem.key);
    const language = this.service.record(problem.key)?.lastCheck?.language ?? 'py';
    const { created } = await this.files.start(problem, language, vscode.ViewColumn.Beside);
    if (created) await this.service.recordEvent(problem.key, { kind: 'started', at: new Date() });
  }

  async rate(problemKey: string, rating: 1 | 2 | 3 | 4): Promise<void> {
    const item = await this.cards.cardOf(problemKey);
    if (!item || !this.cards.rateCard) return;
    await this.cards.rateCard(item, rating);
    await this.cards.rated(item, false);
  }

  /** One time per Check, at noon of its day: the heatmap counts checks per day. */
  async checkTimes(): Promise<number[]> {
    const times: number[] = [];
    for (const record of this.service.progress.all().values()) {
      for (const [day, count] of Object.entries(record.checksByDay)) {
        const [year, month, date] = day.split('-').map(Number);
        const noon = new Date(year, month - 1, date, 12).getTime();
        for (let i = 0; i < count; i++) times.push(noon);
      }
    }
    return times;
  }
}
