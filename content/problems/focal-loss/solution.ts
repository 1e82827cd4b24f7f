/** Mean binary focal loss (torchvision's sigmoid_focal_loss, reduction "mean"). */
export function focalLoss(logits: number[], targets: number[], alpha: number, gamma: number): number {
  let total = 0;
  logits.forEach((z, i) => {
    const y = targets[i];
    const ce = Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))); // −log p_t, stable
    const pT = Math.exp(-ce);
    const alphaT = alpha * y + (1 - alpha) * (1 - y);
    total += alphaT * Math.pow(1 - pT, gamma) * ce;
  });
  return total / logits.length;
}
