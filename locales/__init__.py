"""The gettext catalogues, ``<lang>/LC_MESSAGES/<feature>.po``: a package so that an installed
wheel carries them (``core.i18n`` finds them here, in a checkout and in site-packages alike)."""

from pathlib import Path

#: The folder holding ``en/`` and ``ru/``.
LOCALES_DIR: Path = Path(__file__).resolve().parent
