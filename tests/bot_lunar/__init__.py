"""Bot tests of /lunar and /calendar through the fake Bot API server."""
