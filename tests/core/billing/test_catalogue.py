"""The catalogue: integer prices in minor units per currency, validated configuration."""

from __future__ import annotations

import json

import pytest

from core.billing.catalogue import load_catalogue
from core.billing.errors import CatalogueError, UnknownItem


def test_the_default_catalogue_prices_every_package_in_all_four_currencies() -> None:
    catalogue = load_catalogue(None)
    for package in catalogue.packages:
        assert set(package.prices) == {"XTR", "USD", "EUR", "RUB"}
        assert all(isinstance(v, int) and v > 0 for v in package.prices.values())
    assert catalogue.plan("monthly").price("XTR") is not None


def test_a_configured_catalogue_replaces_the_default() -> None:
    raw = {"packages": [{"code": "one", "credits": 1, "prices": {"XTR": 25, "RUB": 9900}}]}
    catalogue = load_catalogue(json.dumps(raw))
    assert catalogue.package("one").price("rub") == 9900
    assert [p.code for p in catalogue.packages_in("USD")] == []
    with pytest.raises(UnknownItem):
        catalogue.package("p5")


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        json.dumps({"packages": []}),
        json.dumps({"packages": [{"code": "a", "credits": 1, "prices": {"USD": 2.99}}]}),
        json.dumps({"packages": [{"code": "a", "credits": 0, "prices": {"USD": 299}}]}),
        json.dumps({"packages": [{"code": "a", "credits": 1, "prices": {"GBP": 299}}]}),
    ],
)
def test_a_wrong_catalogue_is_refused_with_a_reason(raw: str) -> None:
    with pytest.raises(CatalogueError):
        load_catalogue(raw)
