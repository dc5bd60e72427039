"""HVdC indicators, the Hall/Van de Castle norms and h-profiles (placeholder, filled below)."""
