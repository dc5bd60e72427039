"""Bot API methods of the fake for the bot's profile: commands, menu button, name and
descriptions. Products call these at start-up, so they must answer rather than 404."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.fakes.telegram_forms import ApiRequest
from tests.fakes.telegram_methods import Handler, require
from tests.fakes.telegram_state import World, bad_request

_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
# Profile texts: method suffix -> (parameter, maximum length), as in the Bot API.
_TEXTS = {"Name": ("name", 64), "Description": ("description", 512)}
_TEXTS["ShortDescription"] = ("short_description", 120)


def _commands_key(params: dict[str, Any]) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")


def set_my_commands(world: World, req: ApiRequest) -> bool:
    """setMyCommands: validates names and descriptions as Telegram does, per scope+language."""
    commands = require(req.params, "commands")
    for command in commands:
        if not _COMMAND.match(str(command.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", ""))) <= 256:
            raise bad_request("command description is empty or too long")
    world.settings.commands[_commands_key(req.params)] = commands
    return True


def get_my_commands(world: World, req: ApiRequest) -> list[dict[str, Any]]:
    """getMyCommands: what setMyCommands stored for that scope and language."""
    return world.settings.commands.get(_commands_key(req.params), [])


def delete_my_commands(world: World, req: ApiRequest) -> bool:
    """deleteMyCommands."""
    world.settings.commands.pop(_commands_key(req.params), None)
    return True


def set_chat_menu_button(world: World, req: ApiRequest) -> bool:
    """setChatMenuButton: stored per chat (None = the default for all chats)."""
    chat_id = req.params.get("chat_id")
    button = req.params.get("menu_button") or {"type": "default"}
    if button.get("type") == "web_app" and not str(button.get("web_app", {}).get("url", "")):
        raise bad_request("web app URL is empty")
    world.settings.menu_buttons[chat_id if isinstance(chat_id, int) else None] = button
    return True


def get_chat_menu_button(world: World, req: ApiRequest) -> dict[str, Any]:
    """getChatMenuButton."""
    chat_id = req.params.get("chat_id")
    buttons = world.settings.menu_buttons
    return buttons.get(chat_id, buttons.get(None, {"type": "default"}))


def _set_text(kind: str) -> Handler:
    parameter, limit = _TEXTS[kind]

    def set_text(world: World, req: ApiRequest) -> bool:
        """setMyName / setMyDescription / setMyShortDescription, per language."""
        value = str(req.params.get(parameter) or "")
        if len(value) > limit:
            raise bad_request(f"{parameter} is too long")
        world.settings.texts[(kind, str(req.params.get("language_code") or ""))] = value
        return True

    return set_text


def _get_text(kind: str) -> Handler:
    parameter, _ = _TEXTS[kind]

    def get_text(world: World, req: ApiRequest) -> dict[str, Any]:
        """getMyName / getMyDescription / getMyShortDescription."""
        key = (kind, str(req.params.get("language_code") or ""))
        return {parameter: world.settings.texts.get(key, "")}

    return get_text


PROFILE_METHODS: dict[str, Handler] = {
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setChatMenuButton": set_chat_menu_button,
    "getChatMenuButton": get_chat_menu_button,
    **{f"setMy{kind}": _set_text(kind) for kind in _TEXTS},
    **{f"getMy{kind}": _get_text(kind) for kind in _TEXTS},
}
