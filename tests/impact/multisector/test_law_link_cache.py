"""The cached Caliendo-Parro baseline and the solver's start Jacobian give the same answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.multisector import (
    MSShock,
    law_link,
    load_cp_data,
    solve,
    zero_surplus_baseline,
)
from tariffscope.impact.multisector.solve import residual_jacobian

pytestmark = [pytest.mark.shared, pytest.mark.issue(6)]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path))
    law_link._cached.cache_clear()
    yield tmp_path
    law_link._cached.cache_clear()


def test_cache_round_trip(shared: Path, fresh_cache: Path) -> None:
    built = law_link.cp_baseline()  # computed, then written to the cache
    files = list((fresh_cache / "cache" / "ge").glob("cp_zero_surplus_*.npz"))
    assert len(files) == 1
    law_link._cached.cache_clear()
    loaded = law_link.cp_baseline()  # read back
    reference = zero_surplus_baseline(load_cp_data())
    for name in ("shares", "tariffs", "expenditure", "flows", "value_added", "alpha", "io"):
        assert np.array_equal(getattr(loaded, name), getattr(built, name)), name
        assert np.allclose(getattr(loaded, name), getattr(reference, name), rtol=1e-12), name
    assert np.allclose(law_link.cp_jacobian(), residual_jacobian(reference), rtol=1e-6, atol=1e-9)


def test_jacobian_start_gives_the_same_equilibrium(shared: Path) -> None:
    data = load_cp_data()
    base = law_link.cp_baseline()
    shock = MSShock.nafta(base, data.tariffs_2005)
    plain = solve(base, shock)
    started = solve(base, shock, jacobian=law_link.cp_jacobian())
    assert started.iterations < plain.iterations
    assert np.allclose(started.wage_hat, plain.wage_hat, rtol=0, atol=1e-10)
    assert np.allclose(started.real_income_hat, plain.real_income_hat, rtol=0, atol=1e-10)


def test_bad_jacobian(shared: Path) -> None:
    base = law_link.cp_baseline()
    with pytest.raises(InputError, match="31 x 31"):
        solve(base, MSShock.none(base), jacobian=np.ones((3, 3)))


def test_unchanged_result_is_the_baseline(shared: Path) -> None:
    base = law_link.cp_baseline()
    result = law_link.unchanged(base, MSShock.none(base))
    frame = result.by_country()
    assert (frame[["welfare_pct", "real_wage_pct"]].to_numpy() == 0).all()
    assert np.abs(frame["exports_pct"].to_numpy()).max() < 1e-12  # flows recomputed from shares
    assert result.residual_norm < 1e-8  # the zero-surplus baseline balances trade
