"""A user's data as a whole: the export of everything held on them, and erasing it."""

from core.account.erase import AccountEraser, Erasure, erase_account
from core.account.export import AccountExport, export_account, export_csv, export_json

__all__ = [
    "AccountEraser",
    "AccountExport",
    "Erasure",
    "erase_account",
    "export_account",
    "export_csv",
    "export_json",
]
