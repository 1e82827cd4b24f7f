// The Progress page's activity sections: the 365-day heatmap (an SVG of one square per day, shaded through the
// theme's colours in media/progress.css), the streaks, mastery per track and the trend of mock-interview scores.
// Every figure also has a text equivalent. vscode-free.
import type { ContentLanguage } from '../../content/core/language';
import { escapeHtml } from '../../util/core/html';
import { activityLevel, type ActivityDay, type TrackMastery } from './activity';
import { fillTemplate } from './mockReport';

export const ACTIVITY_LABELS = {
  en: {
    activity: 'Activity (last {0} days)',
    activitySummary: 'Active days: {0}. Reviews: {1}, checks: {2}, mock interviews: {3}.',
    dayActivity: '{0}: reviews {1}, checks {2}, mock interviews {3}',
    less: 'Less',
    more: 'More',
    streaks: 'Streaks',
    currentStreak: 'Current streak (days): {0}',
    longestStreak: 'Longest streak (days): {0}',
    tracks: 'Mastery per track',
    track: 'Track',
    cards: 'Cards',
    mastered: 'Mastered',
    mastery: 'Mastery',
    trend: 'Mock interview scores',
    trendSummary: 'Last {0} interviews: latest {1}/100, best {2}/100.',
    noMocks: 'No mock interviews yet: run ML Interview: Mock Interview.',
  },
  'zh-cn': {
    activity: '学习记录（最近 {0} 天）',
    activitySummary: '共 {0} 天有学习；复习 {1} 次，检查 {2} 次，模拟面试 {3} 场。',
    dayActivity: '{0}：复习 {1} 次，检查 {2} 次，模拟面试 {3} 场',
    less: '少',
    more: '多',
    streaks: '连续学习',
    currentStreak: '当前连续：{0} 天',
    longestStreak: '最长连续：{0} 天',
    tracks: '各方向掌握程度',
    track: '方向',
    cards: '卡片',
    mastered: '已掌握',
    mastery: '掌握度',
    trend: '模拟面试得分',
    trendSummary: '最近 {0} 场面试：最新 {1}/100，最高 {2}/100。',
    noMocks: '还没有模拟面试：运行“ML 面试：模拟面试”。',
  },
} as const satisfies Record<ContentLanguage, Record<string, string>>;

export interface ActivityModel {
  calendar: readonly ActivityDay[];
  streaks: { current: number; longest: number };
  tracks: readonly (TrackMastery & { title: string })[];
  trend: readonly { finishedAt: number; score: number }[];
}

const CELL = 11;
const GAP = 2;

export function renderHeatmap(calendar: readonly ActivityDay[], language: ContentLanguage): string {
  const labels = ACTIVITY_LABELS[language];
  const max = Math.max(0, ...calendar.map((day) => day.total));
  // Columns are weeks (Sunday on top); the first column starts at the first day's weekday.
  const offset = calendar[0]?.weekday ?? 0;
  const weeks = Math.ceil((calendar.length + offset) / 7);
  const cells = calendar
    .map((day, index) => {
      const slot = index + offset;
      const x = Math.floor(slot / 7) * (CELL + GAP);
      const y = (slot % 7) * (CELL + GAP);
      const level = activityLevel(day.total, max);
      return `<rect class="day level-${level}" x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" data-day="${escapeHtml(day.day)}" data-level="${level}"><title>${escapeHtml(fillTemplate(labels.dayActivity, day.day, day.reviews, day.checks, day.mocks))}</title></rect>`;
    })
    .join('');
  const width = weeks * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  const active = calendar.filter((day) => day.total > 0).length;
  const sum = (field: 'reviews' | 'checks' | 'mocks') => calendar.reduce((total, day) => total + day[field], 0);
  const summary = fillTemplate(labels.activitySummary, active, sum('reviews'), sum('checks'), sum('mocks'));
  const legend = [0, 1, 2, 3, 4].map((level) => `<svg class="legend-cell" viewBox="0 0 ${CELL} ${CELL}" aria-hidden="true"><rect class="day level-${level}" width="${CELL}" height="${CELL}" rx="2"/></svg>`).join('');
  const rows = calendar.filter((day) => day.total > 0).map((day) => `<li>${escapeHtml(fillTemplate(labels.dayActivity, day.day, day.reviews, day.checks, day.mocks))}</li>`).join('');
  return (
    `<section class="activity"><h2 id="activity-heading">${escapeHtml(fillTemplate(labels.activity, calendar.length))}</h2>` +
    `<div class="heatmap-scroll"><svg class="heatmap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="activity-heading activity-summary">${cells}</svg></div>` +
    `<p class="legend" aria-hidden="true">${escapeHtml(labels.less)} ${legend} ${escapeHtml(labels.more)}</p>` +
    `<p id="activity-summary" class="summary">${escapeHtml(summary)}</p>` +
    `<ul class="sr-only">${rows}</ul></section>`
  );
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function renderTrend(trend: ActivityModel['trend'], language: ContentLanguage): string {
  const labels = ACTIVITY_LABELS[language];
  if (trend.length === 0) return `<section class="trend"><h2>${escapeHtml(labels.trend)}</h2><p>${escapeHtml(labels.noMocks)}</p></section>`;
  const width = 300;
  const height = 80;
  const step = trend.length > 1 ? width / (trend.length - 1) : 0;
  const points = trend.map((entry, index) => ({ x: trend.length > 1 ? index * step : width / 2, y: height - (entry.score / 100) * height }));
  const line = points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
  const dots = points
    .map((point, index) => `<circle class="point" cx="${point.x.toFixed(1)}" cy="${point.y.toFixed(1)}" r="3"><title>${escapeHtml(`${new Date(trend[index].finishedAt).toISOString().slice(0, 10)}: ${trend[index].score}/100`)}</title></circle>`)
    .join('');
  const latest = trend[trend.length - 1].score;
  const best = Math.max(...trend.map((entry) => entry.score));
  return (
    `<section class="trend"><h2 id="trend-heading">${escapeHtml(labels.trend)}</h2>` +
    `<svg class="trend-chart" viewBox="-4 -4 ${width + 8} ${height + 8}" role="img" aria-labelledby="trend-heading trend-summary"><line class="grid" x1="0" y1="0" x2="${width}" y2="0"/><line class="axis" x1="0" y1="${height}" x2="${width}" y2="${height}"/><polyline class="line" points="${line}"/>${dots}</svg>` +
    `<p id="trend-summary" class="summary">${escapeHtml(fillTemplate(labels.trendSummary, trend.length, latest, best))}</p></section>`
  );
}

/** The sections the Progress page shows after its chart: heatmap, streaks, mastery per track, score trend. */
export function renderActivitySections(model: ActivityModel, language: ContentLanguage): string {
  const labels = ACTIVITY_LABELS[language];
  const tracks = model.tracks
    .map(
      (track) =>
        `<tr><th scope="row">${escapeHtml(track.title)}</th><td>${track.cards}</td><td>${track.mastered}</td><td><span class="meter"><svg class="bar-track" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="0" width="100" height="8"/><rect class="fill mastery" x="0" y="0" width="${(Math.max(0, Math.min(1, track.mastery)) * 100).toFixed(1)}" height="8"/></svg><span class="meter-text">${percent(track.mastery)}</span></span></td></tr>`,
    )
    .join('');
  return (
    renderHeatmap(model.calendar, language) +
    `<section class="streaks"><h2>${escapeHtml(labels.streaks)}</h2><p><span class="big" id="streak-current">${model.streaks.current}</span> ${escapeHtml(fillTemplate(labels.currentStreak, model.streaks.current))} · ${escapeHtml(fillTemplate(labels.longestStreak, model.streaks.longest))}</p></section>` +
    (model.tracks.length > 0
      ? `<section class="tracks"><h2>${escapeHtml(labels.tracks)}</h2><table class="topics"><thead><tr><th scope="col">${escapeHtml(labels.track)}</th><th scope="col">${escapeHtml(labels.cards)}</th><th scope="col">${escapeHtml(labels.mastered)}</th><th scope="col">${escapeHtml(labels.mastery)}</th></tr></thead><tbody>${tracks}</tbody></table></section>`
      : '') +
    renderTrend(model.trend, language)
  );
}
