/**
 * The built-in TypeScript snippets (files in snippets/), with bilingual titles and
 * descriptions and their editor-snippet prefixes. Which topics show a snippet is said by the topics' front matter
 * (`snippets:`), nowhere else.
 * Plain data, no vscode import: used by the extension and by the build.
 */
import type { LocalizedText } from '../../content/core/language';

/** Catalog texts are given in every content language. */
export type CatalogText = Required<LocalizedText>;

export interface SnippetInfo {
  /** File basename without .ts: snippets/<id>.ts. */
  id: string;
  title: CatalogText;
  description: CatalogText;
  /** What the user types to insert it as an editor snippet. */
  prefix: string;
}

export const SNIPPET_CATALOG: readonly SnippetInfo[] = [
  {
    id: 'tensor',
    title: { en: 'Tensor helpers: matmul, transpose, linear', 'zh-cn': '张量辅助函数：矩阵乘法、转置、线性层' },
    description: {
      en: 'Shape checks, matrix product, transpose and y = x·Wᵀ + b in torch.nn.Linear layout; the other snippets import these.',
      'zh-cn': '形状检查、矩阵乘法、转置，以及 torch.nn.Linear 布局的 y = x·Wᵀ + b；其他片段都导入这些函数。',
    },
    prefix: 'mlip-tensor',
  },
  {
    id: 'batchnorm',
    title: { en: 'BatchNorm1d', 'zh-cn': 'BatchNorm1d 批归一化' },
    description: {
      en: 'Batch normalization with running statistics (unbiased running variance), train and eval modes, matching torch.nn.BatchNorm1d.',
      'zh-cn': '带滑动统计量（无偏滑动方差）的批归一化，区分训练与推理模式，与 torch.nn.BatchNorm1d 一致。',
    },
    prefix: 'mlip-batchnorm',
  },
  {
    id: 'layernorm',
    title: { en: 'LayerNorm', 'zh-cn': 'LayerNorm 层归一化' },
    description: {
      en: 'Layer normalization over each sample’s features, matching torch.nn.LayerNorm.',
      'zh-cn': '对每个样本的特征做层归一化，与 torch.nn.LayerNorm 一致。',
    },
    prefix: 'mlip-layernorm',
  },
  {
    id: 'attention',
    title: { en: 'Scaled dot-product and multi-head attention', 'zh-cn': '缩放点积注意力与多头注意力' },
    description: {
      en: 'softmax(Q·Kᵀ/√d)·V with an optional causal mask, and multi-head self-attention matching torch.nn.MultiheadAttention.',
      'zh-cn': 'softmax(Q·Kᵀ/√d)·V（可选因果掩码），以及与 torch.nn.MultiheadAttention 一致的多头自注意力。',
    },
    prefix: 'mlip-attention',
  },
  {
    id: 'encoder-layer',
    title: { en: 'Transformer encoder layer (Pre-LN / Post-LN)', 'zh-cn': 'Transformer 编码器层（Pre-LN / Post-LN）' },
    description: {
      en: 'Self-attention plus ReLU feed-forward with residuals and LayerNorm, either placement, matching torch.nn.TransformerEncoderLayer.',
      'zh-cn': '自注意力加 ReLU 前馈网络，带残差与 LayerNorm，两种归一化位置，与 torch.nn.TransformerEncoderLayer 一致。',
    },
    prefix: 'mlip-encoder-layer',
  },
  {
    id: 'mlm-masking',
    title: { en: 'BERT masked-LM masking (80/10/10)', 'zh-cn': 'BERT 掩码语言模型的掩码策略（80/10/10）' },
    description: {
      en: 'Selects 15% of tokens (never [CLS]/[SEP]) and replaces 80% with [MASK], 10% with a random word, keeps 10%; seeded and reproducible.',
      'zh-cn': '选出 15% 的词元（从不选 [CLS]/[SEP]），其中 80% 换成 [MASK]、10% 换成随机词、10% 保持不变；带种子，可复现。',
    },
    prefix: 'mlip-mlm-masking',
  },
  {
    id: 'lamb',
    title: { en: 'LAMB vs AdamW: one optimizer step', 'zh-cn': 'LAMB 与 AdamW：一步优化' },
    description: {
      en: 'One AdamW step (matching torch.optim.AdamW) beside one LAMB step with its per-layer trust ratio ‖w‖/‖u‖.',
      'zh-cn': '一步 AdamW（与 torch.optim.AdamW 一致）和一步 LAMB 对照，展示逐层信任比 ‖w‖/‖u‖。',
    },
    prefix: 'mlip-lamb',
  },
];
