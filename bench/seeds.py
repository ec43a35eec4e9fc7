#!/usr/bin/env python3
"""Test error of the notes' run over many seeds, per trainer, from JSON lines in peer_bench.py's format.

Reads the lines of `java -jar target/playground.jar bench --fits N`, `../shared/bench/peer_bench.py` and
`keras-js/notes_run.js` (any other line is skipped) and prints, per peer: the median test MSE with a bootstrap
95 % interval, the median R², the 10th-90th percentile of the MSE, and how often ten seeds drawn at random
reach issue 3's bar (median MSE <= 16 and median R² >= 0.80), and for each peer a Mann-Whitney test of its test
MSEs against the engine's (p near 0: the two spreads differ).
Usage: python3 bench/seeds.py FILE...
"""
import collections
import json
import sys

import numpy as np

BAR_MSE, BAR_R2 = 16.0, 0.80


def read(paths):
    runs = collections.defaultdict(list)
    for path in paths:
        for line in open(path):
            if line.startswith('{'):
                d = json.loads(line)
                if 'peer' in d and 'test_mse' in d:
                    runs[d['peer']].append((d['test_mse'], d['test_r2']))
    return runs


def differs_from(engine, runs):
    """Two-sided Mann-Whitney p-value of the test MSEs, or None without SciPy (Debian's python3-scipy)."""
    try:
        from scipy.stats import mannwhitneyu
    except ImportError:
        return None
    return round(float(mannwhitneyu([r[0] for r in engine], [r[0] for r in runs]).pvalue), 2)


def describe(peer, runs, rng):
    a = np.array(runs)
    mse, r2 = a[:, 0], a[:, 1]
    boot = [np.median(rng.choice(mse, len(mse))) for _ in range(4000)]
    tens = [a[rng.choice(len(a), 10, replace=False)] for _ in range(4000)]
    meets = np.mean([np.median(t[:, 0]) <= BAR_MSE and np.median(t[:, 1]) >= BAR_R2 for t in tens])
    return {'peer': peer, 'seeds': len(a), 'median_test_mse': round(float(np.median(mse)), 2),
            'median_ci95': [round(float(np.percentile(boot, 2.5)), 2), round(float(np.percentile(boot, 97.5)), 2)],
            'median_test_r2': round(float(np.median(r2)), 3),
            'mse_p10_p90': [round(float(np.percentile(mse, 10)), 1), round(float(np.percentile(mse, 90)), 1)],
            'ten_seeds_meet_bar': round(float(meets), 2)}


if __name__ == '__main__':
    rng = np.random.default_rng(0)
    trainers = read(sys.argv[1:])
    for peer, runs in trainers.items():
        if len(runs) >= 10:
            line = describe(peer, runs, rng)
            if peer != 'engine' and 'engine' in trainers:
                line['mann_whitney_p_vs_engine'] = differs_from(trainers['engine'], runs)
            print(json.dumps(line, ensure_ascii=False))
