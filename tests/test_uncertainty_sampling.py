"""Marginals against closed forms, streams per reference, rank correlation by copula and by
Iman–Conover."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from geep.uncertainty.sampling import (
    CorrGroup,
    corr_groups,
    draw_uniforms,
    iman_conover,
    ppf,
    stream,
    transform,
    uniforms,
)
from geep.uncertainty.specs import DistributionError, resolve_marginal, spec_from_mapping

N = 200_000


def marginal(fields, value=10.0, pos=0, ref="t@e#x"):
    return resolve_marginal(pos, ref, value, "CNY", spec_from_mapping(ref, fields))


def draws(fields, value=10.0, n=N, sampling="random"):
    m = marginal(fields, value)
    return ppf(m, uniforms(123, m.ref, n, sampling))


def se(sd, n=N):
    return sd / math.sqrt(n)


def test_normal_mean_and_sd():
    x = draws({"dist": "normal", "loc": 5.0, "scale": 2.0})
    assert abs(x.mean() - 5.0) < 4 * se(2.0)
    assert abs(x.std(ddof=1) - 2.0) < 4 * 2.0 / math.sqrt(2 * N)
    rel = draws({"dist": "normal", "cv": 0.1, "relative": True}, value=-40.0)  # a negative value
    assert abs(rel.mean() + 40.0) < 4 * se(4.0) and abs(rel.std() - 4.0) < 0.05


def test_lognormal_by_median_and_cv():
    """median m, CV c: mean = m·√(1+c²), sd = mean·c, P(X < m) = 1/2 — never log-space μ/σ."""
    m, c = 3406.5, 0.4
    x = draws({"dist": "lognormal", "median": m, "cv": c})
    mean = m * math.sqrt(1 + c**2)
    assert abs(x.mean() - mean) < 5 * se(mean * c)
    assert abs(x.std(ddof=1) / x.mean() - c) < 0.01
    assert abs((x < m).mean() - 0.5) < 0.005
    rel = draws({"dist": "lognormal", "cv": c, "relative": True}, value=m)  # median = the value
    assert abs(np.median(rel) / m - 1) < 0.01


def test_uniform_triangular_pert_moments():
    u = draws({"dist": "uniform", "min": 2.0, "max": 6.0})
    assert abs(u.mean() - 4.0) < 4 * se(4 / math.sqrt(12)) and u.min() >= 2 and u.max() <= 6
    t = draws({"dist": "triangular", "min": 0.0, "mode": 1.0, "max": 4.0})
    assert abs(t.mean() - 5 / 3) < 4 * se(math.sqrt((0 + 1 + 16 - 0 - 0 - 4) / 18))
    p = draws({"dist": "pert", "min": 0.0, "mode": 1.0, "max": 4.0})
    assert abs(p.mean() - (0 + 4 * 1 + 4) / 6) < 0.01  # PERT mean (a + 4m + b) / 6
    # triangular mode defaults to the coefficient's value
    assert (
        marginal({"dist": "triangular", "min": 0.5, "max": 1.5, "relative": True}).param("mode")
        == 1.0
    )


def test_empirical_and_truncated_normal():
    e = draws({"dist": "empirical", "values": "1;2;2;5"})
    assert set(np.unique(e)) == {1.0, 2.0, 5.0}
    assert abs((e == 2.0).mean() - 0.5) < 0.01
    tn = draws({"dist": "normal", "loc": 1.0, "scale": 1.0, "min": 0.0})
    assert tn.min() >= 0.0
    assert abs(tn.mean() - stats.truncnorm.mean(-1, np.inf, loc=1, scale=1)) < 0.01


def test_latin_hypercube_has_one_draw_per_stratum():
    u = uniforms(7, "t@e#x", 500, "lhs")
    assert (np.sort(np.floor(u * 500)) == np.arange(500)).all()


def test_streams_depend_on_the_reference_and_seed_only():
    a = uniforms(42, "t@e#a", 100)
    assert np.array_equal(a, uniforms(42, "t@e#a", 100))
    assert not np.array_equal(a, uniforms(42, "t@e#b", 100))
    assert not np.array_equal(a, uniforms(43, "t@e#a", 100))
    ms = [marginal({"dist": "uniform", "min": 0, "max": 1}, pos=i, ref=r)
          for i, r in enumerate(["t@e#a", "t@e#b", "t@e#c"])]  # fmt: skip
    both = draw_uniforms(ms, 100, 42, "random")
    alone = draw_uniforms(ms[1:2], 100, 42, "random")
    assert np.array_equal(both[1], alone[1])  # order and company do not matter
    assert stream(42, "x").random() == stream(42, "x").random()


def _spearman(x, y):
    return stats.spearmanr(x, y).statistic


@pytest.mark.parametrize("rho", [0.3, 0.6, -0.4])
def test_gaussian_copula_reproduces_the_rank_correlation(rho):
    ms = [marginal({"dist": "lognormal", "cv": 0.5, "relative": True, "corr_group": f"g:{rho}"},
                   pos=i, ref=f"t@e#{i}") for i in range(2)]  # fmt: skip
    groups, _ = corr_groups(ms)
    out = transform(ms, draw_uniforms(ms, 50_000, 1, "random"), groups, 1)
    assert abs(_spearman(out[0], out[1]) - rho) < 0.02
    # the marginals are kept
    assert abs(np.median(out[0]) / 10.0 - 1) < 0.02


def test_iman_conover_for_empirical_marginals_keeps_the_sample():
    rng = np.random.default_rng(0)
    x = np.stack([rng.gamma(2.0, size=20_000), rng.random(20_000)])
    y = iman_conover(x, 0.7, np.random.default_rng(1))
    assert abs(_spearman(y[0], y[1]) - 0.7) < 0.02
    assert np.array_equal(np.sort(y[0]), np.sort(x[0]))  # each marginal sample exactly
    ms = [
        marginal(
            {"dist": "empirical", "values": "1;2;3;4;5;6;7;8", "corr_group": "e:0.8"},
            pos=0,
            ref="t@e#a",
        ),
        marginal({"dist": "normal", "loc": 0, "scale": 1, "corr_group": "e"}, pos=1, ref="t@e#b"),
    ]
    groups, _ = corr_groups(ms)
    out = transform(ms, draw_uniforms(ms, 20_000, 3, "random"), groups, 3)
    assert abs(_spearman(out[0], out[1]) - 0.8) < 0.05


def test_correlation_groups_are_checked():
    def g(spec, ref):
        return marginal({"dist": "normal", "cv": 0.1, "relative": True, **spec}, ref=ref,
                        pos=int(ref.rpartition("#")[2]))  # fmt: skip

    with pytest.raises(DistributionError, match="different ρ"):
        corr_groups([g({"corr_group": "a:0.5"}, "t#1"), g({"corr_group": "a:0.6"}, "t#2")])
    with pytest.raises(DistributionError, match="no rank correlation"):
        corr_groups([g({"corr_group": "a"}, "t#1"), g({"corr_group": "a"}, "t#2")])
    with pytest.raises(DistributionError, match="impossible"):
        corr_groups([g({"corr_group": "a:-0.9"}, f"t#{i}") for i in range(3)])
    groups, notes = corr_groups([g({"corr_group": "a"}, "t#1"), g({"corr_group": "a"}, "t#2")],
                                {"a": 0.4})  # fmt: skip
    assert groups == [CorrGroup("a", (1, 2), 0.4)]
    _, notes = corr_groups([g({"corr_group": "solo:0.5"}, "t#1")])
    assert notes and "one varied member" in str(notes[0])
