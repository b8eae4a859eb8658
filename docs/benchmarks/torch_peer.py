#!/usr/bin/env python3
"""PyTorch peer for the forecasting benchmarks (docs/benchmarks.md).

Two modes, both on the shapes and settings of the Java benchmarks:

  throughput  Training and inference samples/s of the reference LSTM (u = 24 steps of 8 inputs,
              LSTM(32) -> last step -> Linear(1)) and of the MLP (192 -> 64 -> 64 -> 1), batch 256,
              Adam 1e-3, MSE, float32, random data: the peer of TrainingBench.
                python3 torch_peer.py throughput [--threads N]

  recipe      The per-age retraining recipe on TMY3 (the peer of StudyBench): GHI target; GHI,
              dry-bulb temperature, relative humidity and total cloud cover as sources, u = 6,
              ages 1..48, the same common targets, chronological 70/15/15 split with no window
              crossing a boundary, standardisation on the training rows; one MLP (64-64 ReLU,
              Adam 1e-3, L2 1e-5, batch 256, at most 60 epochs, early stopping with patience 8 on
              the validation MSE) per age. Prints the total time and the mean test MSE over ages.
                python3 torch_peer.py recipe ../shared/data/tmy3/723170TYA.CSV [--threads N] [--seed S]

Debian: apt-get install python3-torch python3-pandas (PyTorch 1.13).
"""
import argparse
import time

import numpy as np
import torch
from torch import nn


def throughput(threads):
    torch.manual_seed(1)
    u, inputs, batch = 24, 8, 256

    class Lstm(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(inputs, 32, batch_first=True)
            self.out = nn.Linear(32, 1)

        def forward(self, x):
            h, _ = self.lstm(x)
            return self.out(h[:, -1, :])

    models = {
        "lstm": (Lstm(), lambda: torch.rand(batch, u, inputs)),
        "mlp": (nn.Sequential(nn.Linear(u * inputs, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1)),
                lambda: torch.rand(batch, u * inputs)),
    }
    for name, (model, make) in models.items():
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.MSELoss()
        data = [(make(), torch.rand(batch, 1)) for _ in range(20)]

        def step(i):
            x, y = data[i % len(data)]
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()

        i = 0
        end = time.perf_counter() + 3
        while time.perf_counter() < end:
            step(i)
            i += 1
        rates = []
        for _ in range(3):
            t0, n = time.perf_counter(), 0
            while time.perf_counter() - t0 < 3:
                step(i)
                i += 1
                n += batch
            rates.append(n / (time.perf_counter() - t0))
        big = torch.cat([x for x, _ in data[:16]])
        infer = []
        with torch.no_grad():
            for _ in range(3):
                t0, n = time.perf_counter(), 0
                while time.perf_counter() - t0 < 2:
                    model(big)
                    n += big.shape[0]
                infer.append(n / (time.perf_counter() - t0))
        rates.sort()
        infer.sort()
        print(f"pytorch {torch.__version__} {name} ({threads} thread(s)): training {rates[1]:.0f} samples/s "
              f"(range {rates[0]:.0f}-{rates[2]:.0f}), inference {infer[1]:.0f} samples/s (batch {big.shape[0]})")


def recipe(path, threads, seed):
    import pandas as pd

    df = pd.read_csv(path, skiprows=1)
    cols = ["GHI (W/m^2)", "Dry-bulb (C)", "RHum (%)", "TotCld (tenths)"]
    data = df[cols].to_numpy(dtype=np.float64)
    target = data[:, 0]
    n = len(data)
    u, max_age = 6, 48
    ages = range(1, max_age + 1)
    train_end = round(n * 0.70)
    val_end = train_end + round(n * 0.15)
    mean = data[:train_end].mean(axis=0)
    sd = data[:train_end].std(axis=0)
    z = (data - mean) / sd

    def samples(lo, hi, age):
        # common targets: the anchors the oldest age allows inside [lo, hi)
        anchors = np.arange(lo + max_age + u - 1, hi)
        x = np.stack([z[anchors - age - lag] for lag in range(u)], axis=2).reshape(len(anchors), -1)
        return torch.tensor(x, dtype=torch.float32), torch.tensor(z[anchors, 0:1], dtype=torch.float32), anchors

    torch.manual_seed(seed)
    t0 = time.perf_counter()
    test_mse = []
    for age in ages:
        xtr, ytr, _ = samples(0, train_end, age)
        xva, yva, _ = samples(train_end, val_end, age)
        xte, _, anchors = samples(val_end, n, age)
        model = nn.Sequential(nn.Linear(xtr.shape[1], 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
        best, best_state, since = float("inf"), None, 0
        for epoch in range(60):
            perm = torch.randperm(len(xtr))
            for b in range(0, len(xtr), 256):
                idx = perm[b:b + 256]
                opt.zero_grad()
                loss = nn.functional.mse_loss(model(xtr[idx]), ytr[idx])
                loss.backward()
                opt.step()
            with torch.no_grad():
                v = nn.functional.mse_loss(model(xva), yva).item()
            if v < best:
                best, since = v, 0
                best_state = {k: t.clone() for k, t in model.state_dict().items()}
            else:
                since += 1
                if since >= 8:
                    break
        model.load_state_dict(best_state)
        with torch.no_grad():
            pred = model(xte).numpy()[:, 0] * sd[0] + mean[0]
        test_mse.append(float(np.mean((pred - target[anchors]) ** 2)))
    seconds = time.perf_counter() - t0
    print(f"pytorch {torch.__version__} per-age recipe ({threads} thread(s), seed {seed}): 48 networks in {seconds:.1f} s, "
          f"mean test MSE {np.mean(test_mse):.0f} (W/m^2)^2")


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=["throughput", "recipe"])
    p.add_argument("tmy3", nargs="?")
    p.add_argument("--threads", type=int, default=torch.get_num_threads())
    p.add_argument("--seed", type=int, default=42, help="seed of the recipe's weights and minibatch order")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    if a.mode == "throughput":
        throughput(a.threads)
    else:
        if not a.tmy3:
            p.error("recipe needs the TMY3 file")
        recipe(a.tmy3, a.threads, a.seed)
