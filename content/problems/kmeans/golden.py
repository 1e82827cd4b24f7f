from inputs import randn


def cases(torch, F):
    def lloyd(points, initial, iterations, ties=False):
        centroids = initial.clone()
        assignments = None
        for _ in range(iterations):
            distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(dim=2)
            if not ties and centroids.shape[0] > 1:
                # No point (nearly) equidistant from two centroids: rounding must not decide its cluster.
                two = distances.topk(2, dim=1, largest=False).values
                assert (two[:, 1] - two[:, 0]).min() > 1e-6, distances
            assignments = torch.argmin(distances, dim=1)  # the first minimal index on ties
            for j in range(centroids.shape[0]):
                mask = assignments == j
                if mask.any():
                    centroids[j] = points[mask].mean(dim=0)
        return {"centroids": centroids, "assignments": assignments.to(torch.int64)}

    def case(name, points, initial, iterations, ties=False):
        return {"name": name, "args": [points, initial, iterations], "expected": lloyd(points, initial, iterations, ties)}

    f64 = torch.float64
    torch.manual_seed(0)
    blobs = torch.cat([randn(4, 2, offset=5.0), randn(4, 2, offset=-5.0)])
    torch.manual_seed(1)
    three = randn(9, 3, scale=3.0)
    return [
        case("two blobs, 3 rounds", blobs, blobs[[0, 1]].clone(), 3),
        case("3 clusters in 3-D, 5 rounds", three, three[:3].clone(), 5),
        case("one round only", three, three[[0, 4, 7]].clone(), 1),
        case("ties go to the lower index",
             torch.tensor([[0.0], [2.0], [4.0]], dtype=f64), torch.tensor([[1.0], [3.0]], dtype=f64), 1, ties=True),
        case("an empty cluster keeps its centroid",
             torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]], dtype=f64),
             torch.tensor([[0.5, 0.5], [100.0, 100.0]], dtype=f64), 2, ties=True),
        case("k = 1", blobs, torch.zeros(1, 2, dtype=f64), 2),
    ]
