"""``/api/v1/packages``: what the caller can buy by card right now — billing's signed checkout
links (Stars are bought in the chat with /buy)."""

from __future__ import annotations

from pydantic import BaseModel

from core.billing.catalogue import load_catalogue
from core.billing.checkout import card_links
from miniapp.api.registry import ApiCall, ApiRouter, NoInput

api = ApiRouter(tag="billing")


class PackageOut(BaseModel):
    #: The package with its price, in the caller's language ("10 analyses — $4.99").
    title: str
    #: A signed, short-lived checkout link (billing's ``/checkout/<token>``).
    url: str


class PackagesOut(BaseModel):
    items: list[PackageOut]


@api.route(
    "GET",
    "/packages",
    summary="Card packages with signed checkout links (empty when card payments are off)",
    input=NoInput,
    output=PackagesOut,
)
async def get_packages(call: ApiCall, _: NoInput) -> PackagesOut:
    settings = call.services.settings
    links = card_links(settings, load_catalogue(settings.billing.catalogue_json), call.user)
    return PackagesOut(items=[PackageOut(title=title, url=url) for title, url in links])
