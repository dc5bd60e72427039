"""Tests of the lunar service (core/lunar, cli/lunar.py)."""
