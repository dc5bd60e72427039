"""Personal data in dream texts: scrubbed to placeholders before any call that leaves the machine,
restored in the answer."""

from core.privacy.scrub import ScrubResult, restore, scrub

__all__ = ["ScrubResult", "restore", "scrub"]
