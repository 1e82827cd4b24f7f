import assert from 'node:assert/strict';
import type { ProgressStats } from '../../../../src/quiz/core/progressStore';
import { renderProgressDocument, renderProgressMain, renderReviewChart } from '../../../../src/quiz/core/progressDocument';
import { attr, elementsOf, only, select, textOf, type Element } from './html';

const stats: ProgressStats = {
  reviewsPerDay: [
    { day: '2025-01-08', count: 0 },
    { day: '2025-01-09', count: 4 },
    { day: '2025-01-10', count: 2 },
  ],
  retention: { reviews: 4, passed: 3, rate: 0.75 },
  cardsByState: { new: 2, learning: 1, review: 1, relearning: 0 },
  topics: [{ topic: 'builtin/a', cards: 4, newCards: 2, due: 1, mastered: 1, mastery: 0.25 }],
};

/** A table as rows of cell texts, header row first. */
const tableRows = (table: Element) => select(table, 'tr').map((row) => elementsOf(row).filter((cell) => cell.tagName === 'th' || cell.tagName === 'td').map(textOf));

/** A meter: the width of its filled bar (out of 100) and its text. */
const meter = (element: Element) => ({ fill: attr(only(element, 'rect.fill'), 'width'), text: textOf(only(element, 'span.meter-text')) });

describe('progress renderer', () => {
  it('draws reviews per day as SVG bars scaled to the busiest day, with a summary and a table for screen readers', () => {
    const html = renderReviewChart(stats, 'en');
    const section = only(html, 'section.chart');
    const heading = only(section, 'h2');
    assert.deepEqual([attr(heading, 'id'), textOf(heading)], ['reviews-heading', 'Reviews per day (last 3 days)']);
    const svg = only(section, 'svg');
    assert.deepEqual([attr(svg, 'class'), attr(svg, 'viewBox'), attr(svg, 'role'), attr(svg, 'aria-labelledby')], ['reviews', '0 0 600 160', 'img', 'reviews-heading reviews-summary']);
    assert.deepEqual(
      select(svg, 'line').map((line) => [attr(line, 'class'), attr(line, 'x1'), attr(line, 'y1'), attr(line, 'x2'), attr(line, 'y2')]),
      [
        ['axis', '28', '138', '580', '138'],
        ['grid', '28', '12', '580', '12'],
      ],
    );
    // The busiest day (4) fills the 126 units between the baseline (138) and the top line (12); 2 fills half of it.
    assert.deepEqual(
      select(svg, 'rect.bar').map((bar) => ({ x: attr(bar, 'x'), y: attr(bar, 'y'), width: attr(bar, 'width'), height: attr(bar, 'height'), title: textOf(only(bar, 'title')) })),
      [
        { x: '55.6', y: '138.0', width: '128.8', height: '0.0', title: '2025-01-08: 0 reviews' },
        { x: '239.6', y: '12.0', width: '128.8', height: '126.0', title: '2025-01-09: 4 reviews' },
        { x: '423.6', y: '75.0', width: '128.8', height: '63.0', title: '2025-01-10: 2 reviews' },
      ],
    );
    assert.deepEqual(
      select(svg, 'text.axis-label').map((label) => [attr(label, 'x'), attr(label, 'y'), attr(label, 'text-anchor'), textOf(label)]),
      [
        ['24', '16', 'end', '4'],
        ['24', '138', 'end', '0'],
        ['488.0', '154', 'middle', '01-10'],
      ],
    );
    const summary = only(section, 'p.summary');
    assert.deepEqual([attr(summary, 'id'), textOf(summary)], ['reviews-summary', '6 reviews in the last 3 days; most on one day: 4.']);
    const table = only(section, 'table.sr-only');
    assert.equal(textOf(only(table, 'caption')), 'Reviews per day (last 3 days)');
    assert.deepEqual(select(table, 'th').map((cell) => attr(cell, 'scope')), ['col', 'col']);
    assert.deepEqual(tableRows(table), [['Day', 'Reviews'], ['2025-01-08', '0'], ['2025-01-09', '4'], ['2025-01-10', '2']]);
  });

  it('shows retention, cards by state and per-topic mastery with escaped titles', () => {
    const html = renderProgressMain({ language: 'en', stats, topicTitles: { 'builtin/a': 'Norms & <more>' } });
    assert.deepEqual(
      elementsOf(html).filter((element) => element.tagName === 'h1' || element.tagName === 'section').map((element) => attr(element, 'class') ?? textOf(element)),
      ['Quiz progress', 'chart', 'retention', 'states', 'mastery'],
    );
    assert.equal(select(only(html, 'section.chart'), 'rect.bar').length, 3, 'the chart as renderReviewChart draws it');
    const retention = only(html, 'section.retention');
    assert.deepEqual([textOf(only(retention, 'h2')), textOf(only(retention, 'span.big')), textOf(only(retention, 'p'))], ['Retention', '75%', '75% 3 of 4 reviews of mature cards recalled (75%).']);
    const states = only(html, 'section.states');
    assert.equal(textOf(only(states, 'h2')), 'Cards by state');
    assert.deepEqual(
      select(states, 'li').map((item) => ({ name: textOf(only(item, 'span.state-name')), fillClass: attr(only(item, 'rect.fill'), 'class'), ...meter(item) })),
      [
        { name: 'New', fillClass: 'fill state-new', fill: '50.0', text: '2' },
        { name: 'Learning', fillClass: 'fill state-learning', fill: '25.0', text: '1' },
        { name: 'Review', fillClass: 'fill state-review', fill: '25.0', text: '1' },
        { name: 'Relearning', fillClass: 'fill state-relearning', fill: '0.0', text: '0' },
      ],
    );
    for (const track of select(html, 'svg.bar-track')) {
      assert.deepEqual([attr(track, 'viewBox'), attr(track, 'preserveAspectRatio'), attr(track, 'aria-hidden')], ['0 0 100 8', 'none', 'true']);
    }
    const mastery = only(html, 'section.mastery');
    assert.equal(textOf(only(mastery, 'h2')), 'Mastery per topic');
    const table = only(mastery, 'table.topics');
    assert.deepEqual(tableRows(table), [
      ['Topic', 'Cards', 'Due', 'Mastered', 'Mastery', 'Quiz'],
      ['Norms & <more>', '4', '1', '1', '25%', 'Quiz'],
    ]);
    assert.equal(textOf(only(table, 'span.sr-only')), 'Quiz', 'the button column is named for screen readers only');
    assert.equal(attr(only(only(table, 'tbody'), 'th'), 'scope'), 'row');
    assert.deepEqual(meter(only(only(table, 'tbody'), 'span.meter')), { fill: '25.0', text: '25%' });
    const button = only(table, 'button');
    assert.deepEqual([attr(button, 'type'), attr(button, 'data-action'), attr(button, 'data-topic-key'), attr(button, 'aria-label')], ['button', 'quizTopic', 'builtin/a', 'Quiz the topic Norms & <more>']);
  });

  it('says so when there is nothing to measure yet, and draws an empty chart without dividing by zero', () => {
    const empty: ProgressStats = { reviewsPerDay: [{ day: '2025-01-10', count: 0 }], retention: { reviews: 0, passed: 0, rate: undefined }, cardsByState: { new: 0, learning: 0, review: 0, relearning: 0 }, topics: [] };
    const html = renderProgressMain({ language: 'zh-cn', stats: empty, topicTitles: {} });
    assert.equal(textOf(only(only(html, 'section.retention'), 'p')), '— 这段时间还没有复习过处于“复习”状态的卡片。');
    assert.equal(textOf(only(only(html, 'section.retention'), 'span.big')), '—');
    assert.ok(select(html, 'p').some((paragraph) => textOf(paragraph) === '还没有测验卡片。'));
    assert.deepEqual(select(html, 'rect.bar').map((bar) => [attr(bar, 'y'), attr(bar, 'height')]), [['138.0', '0.0']]);
    assert.doesNotMatch(html, /NaN/);
  });

  it('builds a locked-down document with the nonce and no remote resources', () => {
    const html = renderProgressDocument({ language: 'en', stats, topicTitles: {} }, { cspSource: 'vscode-resource:', nonce: 'N1', script: 'draw();', styles: ['svg { display: block; }'] });
    const csp = elementsOf(html).find((element) => attr(element, 'http-equiv') === 'Content-Security-Policy');
    assert.match((csp && attr(csp, 'content')) ?? '', /^default-src 'none'; .*script-src 'nonce-N1'$/);
    assert.deepEqual(select(html, 'script').map((script) => [attr(script, 'nonce'), attr(script, 'src'), textOf(script)]), [['N1', undefined, 'draw();']]);
    // No math on this page: only its own stylesheet, inlined by nonce.
    assert.deepEqual(select(html, 'style').map((style) => [attr(style, 'nonce'), textOf(style)]), [['N1', 'svg { display: block; }']]);
    assert.deepEqual(select(html, 'link'), []);
    assert.doesNotMatch(html, /https?:\/\//);
  });
});
