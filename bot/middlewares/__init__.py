"""Middlewares: update de-duplication, user loading, language, throttling."""
