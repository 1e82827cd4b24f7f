/** The file `ML Interview: New Deck File` writes: a valid topic that shows every field of the format. */
export function starterDeckFile(id: string): string {
  return `---
id: ${id}
order: 1
icon: lightbulb
title:
  en: Dropout at train and test time
  zh-cn: Dropout 在训练和测试时的区别
summary:
  en: Why inverted dropout scales by 1/(1-p) during training.
  zh-cn: 为什么 inverted dropout 在训练时乘以 1/(1-p)。
question:
  en: How does dropout behave at training and at inference time?
  zh-cn: Dropout 在训练和推理时有什么不同？
tags: [regularization]
checklist:
  en:
    - Units are zeroed with probability p during training only.
    - Inverted dropout rescales kept units by 1/(1-p), so inference needs no change.
  zh-cn:
    - 只在训练时以概率 p 置零神经元。
    - Inverted dropout 训练时把保留的单元乘以 1/(1-p)，推理时无需改动。
sources:
  - title: "Dropout: A Simple Way to Prevent Neural Networks from Overfitting"
    authors: Srivastava, Hinton, Krizhevsky, Sutskever, Salakhutdinov
    year: 2014
    url: https://jmlr.org/papers/v15/srivastava14a.html
---
<!-- lang: en -->
## Answer
During training each unit is kept with probability $1-p$; the kept ones are scaled by $\\frac{1}{1-p}$ so that
$\\mathbb{E}[\\tilde{h}] = h$. At inference every unit is kept and nothing is scaled.

<!-- lang: zh-cn -->
## 回答
训练时每个单元以 $1-p$ 的概率保留，并乘以 $\\frac{1}{1-p}$，使 $\\mathbb{E}[\\tilde{h}] = h$；推理时保留全部单元，不做缩放。
`;
}
