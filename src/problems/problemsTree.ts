// The Problems view: practice problems grouped by track, each with its difficulty and status (new, attempted,
// solved), a filter (difficulty, tag, unsolved only) kept across restarts, and the solved count beside the title.
import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_KEYS } from '../constants';
import type { ContentService } from '../content/contentService';
import { core } from '../loadCore';
import { Disposable } from '../util/dispose';
import type { Difficulty } from './core/problemSchema';
import type { ProblemStatus } from './core/problemProgress';
import type { LoadedProblem, ProblemService } from './problemService';

export type ProblemTreeNode = { kind: 'track'; id: string; title: string; problems: LoadedProblem[] } | { kind: 'problem'; problem: LoadedProblem };

export interface ProblemFilter {
  difficulties: Difficulty[];
  tags: string[];
  unsolvedOnly: boolean;
}

const FILTER_KEY = 'mlInterview.problems.filter';
const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];
const OTHER_TRACK = 'other';

export function difficultyLabel(difficulty: Difficulty): string {
  return difficulty === 'easy' ? vscode.l10n.t('Easy') : difficulty === 'medium' ? vscode.l10n.t('Medium') : vscode.l10n.t('Hard');
}

function statusLabel(status: ProblemStatus): string {
  return status === 'solved' ? vscode.l10n.t('solved') : status === 'attempted' ? vscode.l10n.t('attempted') : vscode.l10n.t('new');
}

function readFilter(raw: unknown): ProblemFilter {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ProblemFilter, unknown>>;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  return {
    difficulties: strings(value.difficulties).filter((d): d is Difficulty => (DIFFICULTIES as string[]).includes(d)),
    tags: strings(value.tags),
    unsolvedOnly: value.unsolvedOnly === true,
  };
}

export class ProblemsTreeProvider extends Disposable implements vscode.TreeDataProvider<ProblemTreeNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<ProblemTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private view: vscode.TreeView<ProblemTreeNode> | undefined;

  constructor(
    private readonly service: ProblemService,
    private readonly content: ContentService,
    private readonly memento: vscode.Memento,
  ) {
    super();
    this.register(service.onDidChange(() => this.refresh()));
    this.register(content.onDidChange(() => this.refresh()));
  }

  attach(view: vscode.TreeView<ProblemTreeNode>): void {
    this.view = view;
    // The solved count loads the problems: when the view shows (and on every redraw), never during activation.
    this.register(view.onDidChangeVisibility(() => void this.updateTitle()));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.problemsFiltered, this.isFiltered(this.filter));
  }

  get filter(): ProblemFilter {
    return readFilter(this.memento.get(FILTER_KEY));
  }

  async setFilter(filter: ProblemFilter): Promise<void> {
    await this.memento.update(FILTER_KEY, filter);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.problemsFiltered, this.isFiltered(filter));
    this.refresh();
  }

  private isFiltered(filter: ProblemFilter): boolean {
    return filter.difficulties.length > 0 || filter.tags.length > 0 || filter.unsolvedOnly;
  }

  /** The filter as a quick pick: difficulties, "unsolved only" and the tags in use, several at once. */
  async pickFilter(): Promise<void> {
    const problems = await this.service.problems();
    const current = this.filter;
    type Pick = vscode.QuickPickItem & { apply(filter: ProblemFilter): void };
    const tags = [...new Set(problems.flatMap((problem) => problem.tags))].sort();
    const items: (Pick | vscode.QuickPickItem)[] = [
      { label: vscode.l10n.t('Status'), kind: vscode.QuickPickItemKind.Separator },
      { label: vscode.l10n.t('Unsolved only'), picked: current.unsolvedOnly, apply: (f: ProblemFilter) => (f.unsolvedOnly = true) },
      { label: vscode.l10n.t('Difficulty'), kind: vscode.QuickPickItemKind.Separator },
      ...DIFFICULTIES.map((difficulty) => ({ label: difficultyLabel(difficulty), picked: current.difficulties.includes(difficulty), apply: (f: ProblemFilter) => f.difficulties.push(difficulty) })),
      { label: vscode.l10n.t('Tags'), kind: vscode.QuickPickItemKind.Separator },
      ...tags.map((tag) => ({ label: tag, picked: current.tags.includes(tag), apply: (f: ProblemFilter) => f.tags.push(tag) })),
    ];
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Filter Problems'), placeHolder: vscode.l10n.t('Show problems that match every group you tick (any tag, any difficulty)') });
    if (!picked) return;
    const filter: ProblemFilter = { difficulties: [], tags: [], unsolvedOnly: false };
    for (const item of picked) if ('apply' in item) item.apply(filter);
    await this.setFilter(filter);
  }

  private matches(problem: LoadedProblem, filter: ProblemFilter): boolean {
    if (filter.difficulties.length > 0 && !filter.difficulties.includes(problem.difficulty)) return false;
    if (filter.tags.length > 0 && !problem.tags.some((tag) => filter.tags.includes(tag))) return false;
    if (filter.unsolvedOnly && this.status(problem) === 'solved') return false;
    return true;
  }

  private status(problem: LoadedProblem): ProblemStatus {
    return core().problemStatus(this.service.record(problem.key));
  }

  refresh(): void {
    // The redraw asks for the root again, which updates the title.
    this.changeEmitter.fire(undefined);
  }

  private async updateTitle(): Promise<void> {
    if (!this.view?.visible) return;
    const problems = await this.service.problems().catch(() => []);
    const solved = problems.filter((problem) => this.status(problem) === 'solved').length;
    this.view.description = vscode.l10n.t('{0}/{1} solved', solved, problems.length);
    this.view.message = this.isFiltered(this.filter) ? vscode.l10n.t('Filtered: some problems are hidden. Clear the filter to see them all.') : undefined;
  }

  async getChildren(node?: ProblemTreeNode): Promise<ProblemTreeNode[]> {
    if (node?.kind === 'track') return node.problems.map((problem) => ({ kind: 'problem', problem }));
    if (node) return [];
    void this.updateTitle();
    const [problems, decks] = await Promise.all([this.service.problems(), this.content.decks()]);
    const filter = this.filter;
    const shown = problems.filter((problem) => this.matches(problem, filter));
    const language = this.content.language;
    const tracks: ProblemTreeNode[] = [];
    for (const deck of decks) {
      const inTrack = shown.filter((problem) => problem.trackId === deck.id);
      if (inTrack.length > 0) tracks.push({ kind: 'track', id: deck.id, title: core().localize(deck.title, language) ?? deck.id, problems: inTrack });
    }
    const other = shown.filter((problem) => !decks.some((deck) => deck.id === problem.trackId));
    if (other.length > 0) tracks.push({ kind: 'track', id: OTHER_TRACK, title: vscode.l10n.t('Other problems'), problems: other });
    return tracks;
  }

  getTreeItem(node: ProblemTreeNode): vscode.TreeItem {
    const language = this.content.language;
    if (node.kind === 'track') {
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `problems-track:${node.id}`;
      const solved = node.problems.filter((problem) => this.status(problem) === 'solved').length;
      // Short: a sidebar at its default width cuts anything longer.
      item.description = `${solved}/${node.problems.length}`;
      item.tooltip = vscode.l10n.t('{0} of {1} problems solved', solved, node.problems.length);
      item.iconPath = new vscode.ThemeIcon('library');
      return item;
    }
    const { problem } = node;
    const status = this.status(problem);
    const item = new vscode.TreeItem(core().localize(problem.title, language) ?? problem.id, vscode.TreeItemCollapsibleState.None);
    item.id = `problem:${problem.key}`;
    // The status is the icon (and the tooltip and screen-reader label): a narrow sidebar cuts a long description.
    item.description = difficultyLabel(problem.difficulty);
    item.iconPath =
      status === 'solved'
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : status === 'attempted'
          ? new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('testing.iconQueued'))
          : new vscode.ThemeIcon('circle-large-outline');
    const tooltip = new vscode.MarkdownString(undefined, true);
    // A user deck's title is text, never Markdown (a hover renders images and links).
    tooltip.appendText(`${core().localize(problem.title, language) ?? problem.id} — ${difficultyLabel(problem.difficulty)}, ${statusLabel(status)}\n\n`);
    tooltip.appendCodeblock(problem.signature.py, 'python');
    if (problem.tags.length > 0) tooltip.appendText(problem.tags.join(', '));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${item.label as string}, ${difficultyLabel(problem.difficulty)}, ${statusLabel(status)}` };
    item.contextValue = 'problem';
    item.command = { title: vscode.l10n.t('Open Problem'), command: COMMANDS.openProblem, arguments: [problem.key] };
    return item;
  }
}
