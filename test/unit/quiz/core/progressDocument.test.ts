import assert from 'node:assert/strict';
import type { ProgressStats } from '../../../../src/quiz/core/progressStore';
import { renderProgressDocument, renderProgressMain, renderReviewChart } from '../../../../src/quiz/core/progressDocument';

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

describe('progress renderer', () => {
  it('draws reviews per day as SVG bars scaled to the busiest day, with a summary and a table for screen readers', () => {
    assert.equal(
      renderReviewChart(stats, 'en'),
      "<section class=\"chart\"><h2 id=\"reviews-heading\">Reviews per day (last 3 days)</h2><svg class=\"reviews\" viewBox=\"0 0 600 160\" role=\"img\" aria-labelledby=\"reviews-heading reviews-summary\"><line class=\"axis\" x1=\"28\" y1=\"138\" x2=\"580\" y2=\"138\"/><line class=\"grid\" x1=\"28\" y1=\"12\" x2=\"580\" y2=\"12\"/><text class=\"axis-label\" x=\"24\" y=\"16\" text-anchor=\"end\">4</text><text class=\"axis-label\" x=\"24\" y=\"138\" text-anchor=\"end\">0</text><rect class=\"bar\" x=\"55.6\" y=\"138.0\" width=\"128.8\" height=\"0.0\"><title>2025-01-08: 0 reviews</title></rect><rect class=\"bar\" x=\"239.6\" y=\"12.0\" width=\"128.8\" height=\"126.0\"><title>2025-01-09: 4 reviews</title></rect><rect class=\"bar\" x=\"423.6\" y=\"75.0\" width=\"128.8\" height=\"63.0\"><title>2025-01-10: 2 reviews</title></rect><text class=\"axis-label\" x=\"488.0\" y=\"154\" text-anchor=\"middle\">01-10</text></svg><p id=\"reviews-summary\" class=\"summary\">6 reviews in the last 3 days; most on one day: 4.</p><table class=\"sr-only\"><caption>Reviews per day (last 3 days)</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Reviews</th></tr></thead><tbody><tr><td>2025-01-08</td><td>0</td></tr><tr><td>2025-01-09</td><td>4</td></tr><tr><td>2025-01-10</td><td>2</td></tr></tbody></table></section>",
    );
  });

  it('shows retention, cards by state and per-topic mastery with escaped titles', () => {
    assert.equal(
      renderProgressMain({ language: 'en', stats, topicTitles: { 'builtin/a': 'Norms & <more>' } }),
      "<h1>Quiz progress</h1><section class=\"chart\"><h2 id=\"reviews-heading\">Reviews per day (last 3 days)</h2><svg class=\"reviews\" viewBox=\"0 0 600 160\" role=\"img\" aria-labelledby=\"reviews-heading reviews-summary\"><line class=\"axis\" x1=\"28\" y1=\"138\" x2=\"580\" y2=\"138\"/><line class=\"grid\" x1=\"28\" y1=\"12\" x2=\"580\" y2=\"12\"/><text class=\"axis-label\" x=\"24\" y=\"16\" text-anchor=\"end\">4</text><text class=\"axis-label\" x=\"24\" y=\"138\" text-anchor=\"end\">0</text><rect class=\"bar\" x=\"55.6\" y=\"138.0\" width=\"128.8\" height=\"0.0\"><title>2025-01-08: 0 reviews</title></rect><rect class=\"bar\" x=\"239.6\" y=\"12.0\" width=\"128.8\" height=\"126.0\"><title>2025-01-09: 4 reviews</title></rect><rect class=\"bar\" x=\"423.6\" y=\"75.0\" width=\"128.8\" height=\"63.0\"><title>2025-01-10: 2 reviews</title></rect><text class=\"axis-label\" x=\"488.0\" y=\"154\" text-anchor=\"middle\">01-10</text></svg><p id=\"reviews-summary\" class=\"summary\">6 reviews in the last 3 days; most on one day: 4.</p><table class=\"sr-only\"><caption>Reviews per day (last 3 days)</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Reviews</th></tr></thead><tbody><tr><td>2025-01-08</td><td>0</td></tr><tr><td>2025-01-09</td><td>4</td></tr><tr><td>2025-01-10</td><td>2</td></tr></tbody></table></section><section class=\"retention\"><h2>Retention</h2><p><span class=\"big\">75%</span> 3 of 4 reviews of mature cards recalled (75%).</p></section><section class=\"states\"><h2>Cards by state</h2><ul><li><span class=\"state-name\">New</span><span class=\"meter\"><svg class=\"bar-track\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"8\"/><rect class=\"fill state-new\" x=\"0\" y=\"0\" width=\"50.0\" height=\"8\"/></svg><span class=\"meter-text\">2</span></span></li><li><span class=\"state-name\">Learning</span><span class=\"meter\"><svg class=\"bar-track\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"8\"/><rect class=\"fill state-learning\" x=\"0\" y=\"0\" width=\"25.0\" height=\"8\"/></svg><span class=\"meter-text\">1</span></span></li><li><span class=\"state-name\">Review</span><span class=\"meter\"><svg class=\"bar-track\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"8\"/><rect class=\"fill state-review\" x=\"0\" y=\"0\" width=\"25.0\" height=\"8\"/></svg><span class=\"meter-text\">1</span></span></li><li><span class=\"state-name\">Relearning</span><span class=\"meter\"><svg class=\"bar-track\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"8\"/><rect class=\"fill state-relearning\" x=\"0\" y=\"0\" width=\"0.0\" height=\"8\"/></svg><span class=\"meter-text\">0</span></span></li></ul></section><section class=\"mastery\"><h2>Mastery per topic</h2><table class=\"topics\"><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Cards</th><th scope=\"col\">Due</th><th scope=\"col\">Mastered</th><th scope=\"col\">Mastery</th><th scope=\"col\"><span class=\"sr-only\">Quiz</span></th></tr></thead><tbody><tr><th scope=\"row\">Norms &amp; &lt;more&gt;</th><td>4</td><td>1</td><td>1</td><td><span class=\"meter\"><svg class=\"bar-track\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"8\"/><rect class=\"fill mastery\" x=\"0\" y=\"0\" width=\"25.0\" height=\"8\"/></svg><span class=\"meter-text\">25%</span></span></td><td><button type=\"button\" data-action=\"quizTopic\" data-topic-key=\"builtin/a\" aria-label=\"Quiz the topic Norms &amp; &lt;more&gt;\">Quiz</button></td></tr></tbody></table></section>",
    );
  });

  it('says so when there is nothing to measure yet, and draws an empty chart without dividing by zero', () => {
    const empty: ProgressStats = { reviewsPerDay: [{ day: '2025-01-10', count: 0 }], retention: { reviews: 0, passed: 0, rate: undefined }, cardsByState: { new: 0, learning: 0, review: 0, relearning: 0 }, topics: [] };
    const html = renderProgressMain({ language: 'zh-cn', stats: empty, topicTitles: {} });
    assert.match(html, /<span class="big">—<\/span> 这段时间还没有复习过处于“复习”状态的卡片。/);
    assert.match(html, /<p>还没有测验卡片。<\/p>/);
    assert.match(html, /<rect class="bar" x="[\d.]+" y="138.0" width="[\d.]+" height="0.0">/);
    assert.doesNotMatch(html, /NaN/);
  });

  it('builds a locked-down document with the nonce and no remote resources', () => {
    const html = renderProgressDocument({ language: 'en', stats, topicTitles: {} }, { cspSource: 'vscode-resource:', nonce: 'N1', scriptUri: 'x/progress.js', styleUris: ['x/progress.css'] });
    assert.match(html, /content="default-src &#39;none&#39;; [^"]*script-src &#39;nonce-N1&#39;"/);
    assert.match(html, /<script nonce="N1" src="x\/progress.js"><\/script>/);
    assert.doesNotMatch(html, /https?:\/\//);
  });
});
