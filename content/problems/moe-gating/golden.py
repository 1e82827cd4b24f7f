from inputs import randn


def cases(torch, F):
    def gating(logits):
        num_tokens, num_experts = logits.shape
        probs = F.softmax(logits, dim=-1)
        _, order = torch.sort(probs, dim=-1, descending=True, stable=True)
        indices = order[:, :2]
        chosen = probs.gather(1, indices)
        weights = chosen / chosen.sum(dim=-1, keepdim=True)
        f = F.one_hot(indices, num_experts).to(torch.float64).sum(dim=(0, 1)) / (2 * num_tokens)
        loss = num_experts * torch.sum(f * probs.mean(dim=0))
        return {"weights": weights, "indices": indices.to(torch.int64), "loss": loss.item()}

    def case(name, logits):
        return {"name": name, "args": [logits], "expected": gating(logits)}

    f64 = torch.float64
    torch.manual_seed(0)
    random8 = randn(6, 4)
    torch.manual_seed(1)
    random16 = randn(4, 6, scale=3.0)
    return [
        case("6 tokens, 4 experts", random8),
        case("4 tokens, 6 experts, scale 3", random16),
        case("uniform logits: ties to the lower index, loss 1", torch.zeros(4, 4, dtype=f64)),
        case("two experts only", torch.tensor([[1.0, 2.0], [0.5, -0.5], [3.0, 3.0]], dtype=f64)),
        case("every token prefers expert 0", torch.tensor([[5.0, 1.0, 0.0], [4.0, 0.0, 1.0], [6.0, 2.0, 2.0]], dtype=f64)),
        case("a single token", torch.tensor([[0.1, 0.7, -0.3, 0.7]], dtype=f64)),
    ]
