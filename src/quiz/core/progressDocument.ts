// Show Progress: reviews per day as an inline SVG bar chart, retention, cards by state and per-topic mastery, drawn
// by the host (no chart library, no remote resources). Colours come from VS Code's theme variables in
// media/progress.css; every figure also has a text equivalent (tables and labels) for screen readers.
import { otherLanguage, type ContentLanguage } from '../../content/core/language';
import { escapeHtml } from '../../util/core/html';
import type { CardStateName, ProgressStats } from './progressStore';
import { renderShell, type WebviewResources } from '../../webview/core/webviewShell';
import { fill } from './quizWidgets';
import { renderActivitySections, type ActivityModel } from '../../mock/core/activityDocument';

export const PROGRESS_LABELS = {
  en: {
    title: 'Quiz progress',
    actions: 'Progress actions',
    switchLanguage: '中文',
    switchLanguageLabel: 'Show progress in Chinese',
    reviewsPerDay: 'Reviews per day (last {0} days)',
    chartSummary: '{0} reviews in the last {1} days; most on one day: {2}.',
    day: 'Day',
    reviews: 'Reviews',
    dayReviews: '{0}: {1} reviews',
    retention: 'Retention',
    retentionText: '{0} of {1} reviews of mature cards recalled ({2}).',
    retentionNone: 'No reviews of cards in the Review state in this period yet.',
    cardsByState: 'Cards by state',
    state_new: 'New',
    state_learning: 'Learning',
    state_review: 'Review',
    state_relearning: 'Relearning',
    topics: 'Mastery per topic',
    topic: 'Topic',
    cards: 'Cards',
    due: 'Due',
    mastered: 'Mastered',
    mastery: 'Mastery',
    quizTopic: 'Quiz',
    quizTopicLabel: 'Quiz the topic {0}',
    noCards: 'No quiz cards yet.',
  },
  'zh-cn': {
    title: '测验进度',
    actions: '进度操作',
    switchLanguage: 'English',
    switchLanguageLabel: '用英文显示进度',
    reviewsPerDay: '每日复习数（最近 {0} 天）',
    chartSummary: '最近 {1} 天共复习 {0} 次；单日最多 {2} 次。',
    day: '日期',
    reviews: '复习数',
    dayReviews: '{0}：复习 {1} 次',
    retention: '记忆保持率',
    retentionText: '成熟卡片的 {1} 次复习中记住了 {0} 次（{2}）。',
    retentionNone: '这段时间还没有复习过处于“复习”状态的卡片。',
    cardsByState: '各状态卡片数',
    state_new: '新卡',
    state_learning: '学习中',
    state_review: '复习',
    state_relearning: '重新学习',
    topics: '各题目掌握程度',
    topic: '题目',
    cards: '卡片',
    due: '到期',
    mastered: '已掌握',
    mastery: '掌握度',
    quizTopic: '测验',
    quizTopicLabel: '测验题目 {0}',
    noCards: '还没有测验卡片。',
  },
} as const satisfies Record<ContentLanguage, Record<string, string>>;

export interface ProgressPageModel {
  language: ContentLanguage;
  stats: ProgressStats;
  /** Title of each topic (by the key used in stats.topics). */
  topicTitles: Record<string, string>;
  /** Heatmap, streaks, mastery per track and mock scores (src/mock), once their data has loaded. */
  activity?: ActivityModel;
}

const STATES: readonly CardStateName[] = ['new', 'learning', 'review', 'relearning'];
const CHART = { width: 600, height: 160, top: 12, bottom: 22, left: 28, right: 20 };

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The bar chart of reviews per day: one bar per day, a y-axis with the maximum, a label under every 7th day. */
export function renderReviewChart(stats: ProgressStats, language: ContentLanguage): string {
  const labels = PROGRESS_LABELS[language];
  const days = stats.reviewsPerDay;
  const max = Math.max(1, ...days.map((day) => day.count));
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const slot = (CHART.width - CHART.left - CHART.right) / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.7);
  const bars = days
    .map((day, index) => {
      const height = (day.count / max) * plotHeight;
      const x = CHART.left + index * slot + (slot - barWidth) / 2;
      const y = CHART.top + plotHeight - height;
      const tick = (days.length - 1 - index) % 7 === 0 ? `<text class="axis-label" x="${(x + barWidth / 2).toFixed(1)}" y="${CHART.height - 6}" text-anchor="middle">${escapeHtml(day.day.slice(5))}</text>` : '';
      return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}"><title>${escapeHtml(fill(labels.dayReviews, day.day, day.count))}</title></rect>${tick}`;
    })
    .join('');
  const baseline = CHART.top + plotHeight;
  const axis =
    `<line class="axis" x1="${CHART.left}" y1="${baseline}" x2="${CHART.width - CHART.right}" y2="${baseline}"/>` +
    `<line class="grid" x1="${CHART.left}" y1="${CHART.top}" x2="${CHART.width - CHART.right}" y2="${CHART.top}"/>` +
    `<text class="axis-label" x="${CHART.left - 4}" y="${CHART.top + 4}" text-anchor="end">${max}</text>` +
    `<text class="axis-label" x="${CHART.left - 4}" y="${baseline}" text-anchor="end">0</text>`;
  const summary = fill(labels.chartSummary, total, days.length, Math.max(0, ...days.map((day) => day.count)));
  const rows = days.map((day) => `<tr><td>${escapeHtml(day.day)}</td><td>${day.count}</td></tr>`).join('');
  return (
    `<section class="chart"><h2 id="reviews-heading">${escapeHtml(fill(labels.reviewsPerDay, days.length))}</h2>` +
    `<svg class="reviews" viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-labelledby="reviews-heading reviews-summary">${axis}${bars}</svg>` +
    `<p id="reviews-summary" class="summary">${escapeHtml(summary)}</p>` +
    `<table class="sr-only"><caption>${escapeHtml(fill(labels.reviewsPerDay, days.length))}</caption><thead><tr><th scope="col">${escapeHtml(labels.day)}</th><th scope="col">${escapeHtml(labels.reviews)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

/** A horizontal bar for a share from 0 to 1, with its text next to it. */
function shareBar(share: number, className: string, text: string): string {
  const width = Math.max(0, Math.min(100, share * 100));
  return `<span class="meter"><svg class="bar-track" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="0" width="100" height="8"/><rect class="${className}" x="0" y="0" width="${width.toFixed(1)}" height="8"/></svg><span class="meter-text">${escapeHtml(text)}</span></span>`;
}

export function renderProgressMain(model: ProgressPageModel): string {
  const labels = PROGRESS_LABELS[model.language];
  const { stats } = model;
  const { retention } = stats;
  const retentionText =
    retention.rate === undefined ? labels.retentionNone : fill(labels.retentionText, retention.passed, retention.reviews, percent(retention.rate));
  const totalCards = STATES.reduce((sum, state) => sum + stats.cardsByState[state], 0);
  const stateRows = STATES.map((state) => {
    const count = stats.cardsByState[state];
    const name = labels[`state_${state}`];
    return `<li><span class="state-name">${escapeHtml(name)}</span>${shareBar(totalCards > 0 ? count / totalCards : 0, `fill state-${state}`, String(count))}</li>`;
  }).join('');
  const topicRows = stats.topics
    .map((topic) => {
      const title = model.topicTitles[topic.topic] ?? topic.topic;
      return (
        `<tr><th scope="row">${escapeHtml(title)}</th><td>${topic.cards}</td><td>${topic.due}</td><td>${topic.mastered}</td>` +
        `<td>${shareBar(topic.mastery, 'fill mastery', percent(topic.mastery))}</td>` +
        `<td><button type="button" data-action="quizTopic" data-topic-key="${escapeHtml(topic.topic)}" aria-label="${escapeHtml(fill(labels.quizTopicLabel, title))}">${escapeHtml(labels.quizTopic)}</button></td></tr>`
      );
    })
    .join('');
  const topicsTable =
    stats.topics.length === 0
      ? `<p>${escapeHtml(labels.noCards)}</p>`
      : `<table class="topics"><thead><tr><th scope="col">${escapeHtml(labels.topic)}</th><th scope="col">${escapeHtml(labels.cards)}</th><th scope="col">${escapeHtml(labels.due)}</th><th scope="col">${escapeHtml(labels.mastered)}</th><th scope="col">${escapeHtml(labels.mastery)}</th><th scope="col"><span class="sr-only">${escapeHtml(labels.quizTopic)}</span></th></tr></thead><tbody>${topicRows}</tbody></table>`;
  return (
    `<h1>${escapeHtml(labels.title)}</h1>` +
    renderReviewChart(stats, model.language) +
    (model.activity ? renderActivitySections(model.activity, model.language) : '') +
    `<section class="retention"><h2>${escapeHtml(labels.retention)}</h2><p><span class="big">${retention.rate === undefined ? '—' : percent(retention.rate)}</span> ${escapeHtml(retentionText)}</p></section>` +
    `<section class="states"><h2>${escapeHtml(labels.cardsByState)}</h2><ul>${stateRows}</ul></section>` +
    `<section class="mastery"><h2>${escapeHtml(labels.topics)}</h2>${topicsTable}</section>`
  );
}

export function renderProgressDocument(model: ProgressPageModel, resources: WebviewResources): string {
  const labels = PROGRESS_LABELS[model.language];
  const toolbar =
    `<header class="toolbar" role="toolbar" aria-label="${escapeHtml(labels.actions)}"><span class="spacer"></span>` +
    `<button type="button" data-action="setLanguage" data-language="${otherLanguage(model.language)}" aria-label="${escapeHtml(labels.switchLanguageLabel)}" title="${escapeHtml(labels.switchLanguageLabel)}">${escapeHtml(labels.switchLanguage)}</button></header>`;
  return renderShell({ language: model.language, title: labels.title, resources, state: { language: model.language }, body: `${toolbar}\n<main>${renderProgressMain(model)}</main>` });
}
