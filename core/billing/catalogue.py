"""What can be bought: credit packages and subscription plans, priced per currency.

Prices are integers in minor units (cents, euro cents, kopecks; for Telegram Stars one unit is
one star). The default catalogue can be replaced by ``BILLING_CATALOGUE`` (JSON, same shape as
:data:`DEFAULT_CATALOGUE`), so prices change without a release.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from core.billing.errors import CatalogueError, UnknownItem

STARS = "XTR"
CURRENCIES = ("XTR", "USD", "EUR", "RUB")
#: Telegram Stars subscriptions renew every 30 days exactly.
STARS_PERIOD_SECONDS = 2592000


@dataclass(frozen=True, slots=True)
class Package:
    """A one-time purchase of ``credits`` analyses."""

    code: str
    credits: int
    prices: dict[str, int] = field(hash=False)

    def price(self, currency: str) -> int | None:
        return self.prices.get(currency.upper())


@dataclass(frozen=True, slots=True)
class Plan:
    """A monthly subscription giving ``daily_allowance`` analyses a day (UTC days)."""

    code: str
    daily_allowance: int
    prices: dict[str, int] = field(hash=False)

    def price(self, currency: str) -> int | None:
        return self.prices.get(currency.upper())


@dataclass(frozen=True, slots=True)
class Catalogue:
    packages: tuple[Package, ...]
    plans: tuple[Plan, ...]

    def package(self, code: str) -> Package:
        for package in self.packages:
            if package.code == code:
                return package
        raise UnknownItem(f"no package {code!r} in the catalogue")

    def plan(self, code: str) -> Plan:
        for plan in self.plans:
            if plan.code == code:
                return plan
        raise UnknownItem(f"no plan {code!r} in the catalogue")

    def packages_in(self, currency: str) -> list[Package]:
        """The packages sold in ``currency``, smallest first."""
        return [p for p in self.packages if p.price(currency) is not None]


DEFAULT_CATALOGUE: dict[str, Any] = {
    "packages": [
        {"code": "p5", "credits": 5, "prices": {"XTR": 100, "USD": 299, "EUR": 279, "RUB": 29900}},
        {
            "code": "p15",
            "credits": 15,
            "prices": {"XTR": 250, "USD": 699, "EUR": 649, "RUB": 69900},
        },
        {
            "code": "p50",
            "credits": 50,
            "prices": {"XTR": 700, "USD": 1999, "EUR": 1799, "RUB": 199000},
        },
    ],
    "plans": [{"code": "monthly", "daily_allowance": 3, "prices": {"XTR": 450}}],
}


def _prices(raw: Any, where: str) -> dict[str, int]:
    if not isinstance(raw, dict) or not raw:
        raise CatalogueError(f"{where}: 'prices' must be an object like {{\"XTR\": 100}}")
    prices: dict[str, int] = {}
    for currency, amount in raw.items():
        if currency.upper() not in CURRENCIES:
            raise CatalogueError(f"{where}: unknown currency {currency!r}; use {CURRENCIES}")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise CatalogueError(f"{where}: price in {currency} must be a positive integer")
        prices[currency.upper()] = amount
    return prices


def _positive(raw: dict[str, Any], key: str, where: str) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise CatalogueError(f"{where}: {key!r} must be a positive integer")
    return value


def _code(raw: dict[str, Any], where: str) -> str:
    code = raw.get("code")
    if not isinstance(code, str) or not code.isalnum() or len(code) > 16:
        raise CatalogueError(f"{where}: 'code' must be letters and digits, at most 16")
    return code


def parse_catalogue(data: dict[str, Any]) -> Catalogue:
    """A validated catalogue from its JSON shape; :class:`CatalogueError` says what is wrong."""
    packages = []
    for i, raw in enumerate(data.get("packages") or []):
        where = f"packages[{i}]"
        packages.append(
            Package(
                _code(raw, where),
                _positive(raw, "credits", where),
                _prices(raw.get("prices"), where),
            )
        )
    plans = []
    for i, raw in enumerate(data.get("plans") or []):
        where = f"plans[{i}]"
        plans.append(
            Plan(
                _code(raw, where),
                _positive(raw, "daily_allowance", where),
                _prices(raw.get("prices"), where),
            )
        )
    codes = [p.code for p in packages] + [p.code for p in plans]
    if len(set(codes)) != len(codes):
        raise CatalogueError("package and plan codes must be unique")
    if not packages:
        raise CatalogueError("the catalogue needs at least one package")
    return Catalogue(tuple(packages), tuple(plans))


@lru_cache(maxsize=4)
def load_catalogue(catalogue_json: str | None) -> Catalogue:
    """The configured catalogue (``BILLING_CATALOGUE``), or the default one (parsed once per
    configuration: handlers ask for it on every press)."""
    if catalogue_json is None:
        return parse_catalogue(DEFAULT_CATALOGUE)
    try:
        data = json.loads(catalogue_json)
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"BILLING_CATALOGUE is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise CatalogueError("BILLING_CATALOGUE must be a JSON object with 'packages'")
    return parse_catalogue(data)
