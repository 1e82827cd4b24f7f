def cases(torch, F):
    def lloyd(points, initial, iterations):
        centroids = initial.clone()
        assignments = None
        for _ in range(iterations):
            distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(dim=2)
            assignments = torch.argmin(distances, dim=1)  # the first minimal index on ties
            for j in range(centroids.shape[0]):
                mask = assignments == j
                if mask.any():
                    centroids[j] = points[mask].mean(dim=0)
        return {"centroids": centroids, "assignments": assignments.to(torch.int64)}

    def case(name, points, initial, iterations):
        return {"name": name, "args": [points, initial, iterations], "expected": lloyd(points, initial, iterations)}

    f64 = torch.float64
    torch.manual_seed(0)
    blobs = torch.cat([torch.randn(5, 2, dtype=f64) + torch.tensor([5.0, 5.0], dtype=f64),
                       torch.randn(5, 2, dtype=f64) - torch.tensor([5.0, 5.0], dtype=f64)])
    torch.manual_seed(1)
    three = torch.randn(12, 3, dtype=f64) * 3
    return [
        case("two blobs, 3 rounds", blobs, blobs[[0, 1]].clone(), 3),
        case("3 clusters in 3-D, 5 rounds", three, three[:3].clone(), 5),
        case("one round only", three, three[[0, 5, 9]].clone(), 1),
        case("ties go to the lower index",
             torch.tensor([[0.0], [2.0], [4.0]], dtype=f64), torch.tensor([[1.0], [3.0]], dtype=f64), 1),
        case("an empty cluster keeps its centroid",
             torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]], dtype=f64),
             torch.tensor([[0.5, 0.5], [100.0, 100.0]], dtype=f64), 2),
        case("k = 1", blobs, torch.zeros(1, 2, dtype=f64), 2),
    ]
