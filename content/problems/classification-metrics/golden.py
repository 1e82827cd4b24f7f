from inputs import short


def cases(torch, F):
    def metrics(scores, labels, threshold):
        predicted = scores >= threshold
        positive = labels == 1
        tp = (predicted & positive).sum().item()
        fp = (predicted & ~positive).sum().item()
        fn = (~predicted & positive).sum().item()
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        diff = scores[positive][:, None] - scores[~positive][None, :]
        auc = ((diff > 0).to(torch.float64) + 0.5 * (diff == 0).to(torch.float64)).mean().item()
        return {"precision": float(precision), "recall": float(recall), "f1": float(f1), "auc": auc}

    def case(name, scores, labels, threshold):
        return {"name": name, "args": [scores, labels, threshold], "expected": metrics(scores, labels, threshold)}

    f64, i64 = torch.float64, torch.int64
    torch.manual_seed(0)
    labels = torch.randint(0, 2, (20,))
    scores = short(torch.sigmoid(torch.randn(20, dtype=f64) + 1.5 * labels.to(f64)))
    return [
        case("example with a tie", torch.tensor([0.9, 0.4, 0.4, 0.1], dtype=f64), torch.tensor([1, 1, 0, 0], dtype=i64), 0.5),
        case("20 random scores, threshold 0.5", scores, labels, 0.5),
        case("threshold equal to a score counts as positive", torch.tensor([0.5, 0.2, 0.7], dtype=f64),
             torch.tensor([1, 0, 0], dtype=i64), 0.5),
        case("nothing predicted positive: precision 0", torch.tensor([0.1, 0.2, 0.3], dtype=f64),
             torch.tensor([1, 0, 1], dtype=i64), 0.9),
        case("all scores tied: AUC 0.5", torch.full((4,), 0.3, dtype=f64), torch.tensor([1, 0, 1, 0], dtype=i64), 0.3),
        case("perfectly inverted ranking: AUC 0", torch.tensor([0.1, 0.2, 0.8, 0.9], dtype=f64),
             torch.tensor([1, 1, 0, 0], dtype=i64), 0.5),
    ]
