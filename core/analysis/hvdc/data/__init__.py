"""Word lists of the HVdC coder (TSV), shipped as package data."""
