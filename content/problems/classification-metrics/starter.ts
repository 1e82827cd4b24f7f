/**
 * Precision, recall and F1 at a threshold (positive iff score ≥ threshold; 0 for a zero denominator), and ROC-AUC
 * over all positive–negative pairs with ties counted as half.
 *
 * @param scores length n @param labels 1 (positive) or 0, length n @param threshold
 * @returns { precision, recall, f1, auc }
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used once implemented
export function classificationMetrics(scores: number[], labels: number[], threshold: number): { precision: number; recall: number; f1: number; auc: number } {
  throw new Error('Not implemented yet');
}
