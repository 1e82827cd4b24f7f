// Show Progress: one webview panel, redrawn when progress or cards change.
import * as vscode from 'vscode';
import { COMMANDS, WEBVIEW_TYPES } from '../constants';
import { core } from '../loadCore';
import { lockedDownWebviewOptions } from '../webview/webviewOptions';
import type { ContentLanguage } from '../content/core/language';
import { Disposable } from '../util/dispose';
import type { QuizService } from './quizService';
import type { ActivityModel } from '../mock/core/activityDocument';
import { logFailure } from '../util/log';
import { pageResources } from '../webview/pageResources';

export const PROGRESS_VIEW_TYPE = WEBVIEW_TYPES.progress;

export class ProgressPanelManager extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private language: ContentLanguage | undefined;
  /** The last HTML shown (for tests). */
  html = '';
  private activity: ((language: ContentLanguage) => Promise<ActivityModel>) | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: QuizService,
  ) {
    super();
    this.register({ dispose: () => this.panel?.dispose() });
    this.register(service.onDidChange(() => void this.render()));
  }

  /** Adds the activity sections (heatmap, streaks, mastery per track, mock scores); they redraw when `changed` fires. */
  setActivity(activity: (language: ContentLanguage) => Promise<ActivityModel>, changed: vscode.Event<void>): void {
    this.activity = activity;
    this.register(changed(() => void this.render()));
    void this.render();
  }

  async show(): Promise<string> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(PROGRESS_VIEW_TYPE, vscode.l10n.t('Quiz Progress'), vscode.ViewColumn.Active, lockedDownWebviewOptions(this.extensionUri));
      this.panel = panel;
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
      panel.webview.onDidReceiveMessage(async (raw: unknown) => {
        const message = core().parseProgressWebviewMessage(raw);
        if (message?.type === 'setLanguage') {
          this.language = message.language;
          await this.render();
        } else if (message?.type === 'quizTopic') {
          await vscode.commands.executeCommand(COMMANDS.quizTopic, message.topicKey);
        }
      });
    }
    await this.render();
    return this.html;
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const language = this.language ?? this.service.language;
    const stats = await this.service.stats(await this.service.store.current());
    const topicTitles: Record<string, string> = {};
    for (const topic of stats.topics) topicTitles[topic.topic] = (await this.service.topicTitle(topic.topic, language)) ?? topic.topic;
    const activity = this.activity ? await this.activity(language).catch((error: unknown) => void logFailure('computing the activity sections failed')(error)) : undefined;
    const webview = panel.webview;
    this.html = core().renderProgressDocument(
      { language, stats, topicTitles, ...(activity ? { activity } : {}) },
      pageResources(webview, this.extensionUri, { script: 'progress', styles: ['topic', 'progress'], math: false }),
    );
    if (this.panel === panel) webview.html = this.html;
  }
}
