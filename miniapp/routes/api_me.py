"""``/api/v1/me``: the caller's profile and settings, and deleting the account."""

from __future__ import annotations

from typing import Literal

from aiohttp import web
from pydantic import BaseModel, Field, model_validator

from core.account import erase_account
from core.billing.credits import balance_of
from core.db.models import Sex
from core.i18n import gettext
from core.lunar.places import user_place
from core.users import UserError, set_language, set_place, set_sex, validate_timezone
from miniapp.api.errors import ApiError
from miniapp.api.registry import ApiCall, ApiRouter, NoInput
from miniapp.auth import clear_session_cookies
from miniapp.keys import JOURNAL_PAGES

api = ApiRouter(tag="account")


class PlaceOut(BaseModel):
    name: str
    latitude: float
    longitude: float
    timezone: str
    is_default: bool


class MeOut(BaseModel):
    id: str
    telegram_id: int | None
    first_name: str
    language: str
    sex: Sex
    place: PlaceOut
    free_dream_available: bool
    credits: int
    is_admin: bool


class SettingsIn(BaseModel):
    language: Literal["en", "ru"] | None = None
    sex: Sex | None = None
    timezone: str | None = Field(None, max_length=64)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    place_name: str | None = Field(None, max_length=128)

    @model_validator(mode="after")
    def _coordinates_together(self) -> SettingsIn:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together")
        return self


class DeleteAccountIn(BaseModel):
    #: The user typed or pressed the confirmation: an accidental request deletes nothing.
    confirm: Literal[True]


class DeletedOut(BaseModel):
    deleted: bool


def me_out(call: ApiCall) -> MeOut:
    user = call.user
    place, is_default = user_place(user.latitude, user.longitude, user.timezone, user.place_name)
    balance = balance_of(user)
    return MeOut(
        id=str(user.id),
        telegram_id=user.telegram_id,
        first_name=user.first_name,
        language=user.language,
        sex=user.sex,
        place=PlaceOut(
            name=place.name,
            latitude=place.lat,
            longitude=place.lon,
            timezone=place.tz,
            is_default=is_default,
        ),
        free_dream_available=balance.free_dream_available,
        credits=balance.credits,
        is_admin=bool(call.identity and call.identity.is_admin),
    )


@api.route(
    "GET", "/me", summary="The caller's profile, balance and settings", input=NoInput, output=MeOut
)
async def get_me(call: ApiCall, _: NoInput) -> MeOut:
    return me_out(call)


@api.route(
    "PATCH",
    "/me/settings",
    summary="Change language, sex for norms, place or time zone",
    input=SettingsIn,
    output=MeOut,
)
async def update_settings(call: ApiCall, body: SettingsIn) -> MeOut:
    user = call.user
    try:
        if body.language is not None:
            await set_language(user, body.language)
        if body.sex is not None:
            await set_sex(user, body.sex)
        if body.latitude is not None and body.longitude is not None:
            zone = body.timezone or user.timezone
            await set_place(
                user,
                latitude=body.latitude,
                longitude=body.longitude,
                timezone=zone,
                place_name=body.place_name or "",
            )
        elif body.timezone is not None:
            user.timezone = validate_timezone(body.timezone)
            await user.save(update_fields=["timezone", "updated_at"])
    except UserError as exc:
        raise ApiError(422, "invalid_setting", gettext(exc.message, call.locale)) from exc
    call.locale = user.language
    return me_out(call)


@api.route(
    "DELETE",
    "/me",
    summary="Delete the account and everything held on it (confirmed)",
    input=DeleteAccountIn,
    output=DeletedOut,
)
async def delete_me(call: ApiCall, _: DeleteAccountIn) -> web.Response:
    # Cancels a Stars subscription's renewal first, as the bot's /delete_me does.
    await erase_account(call.user, call.services.erasure())
    call.request.app[JOURNAL_PAGES].changed(call.user.id)  # its excerpts, held in memory
    response = web.json_response(text=DeletedOut(deleted=True).model_dump_json())
    clear_session_cookies(response)  # a dashboard session of a deleted account is over
    return response
