"""Credits: the first dream is free, each further analysis costs one credit."""
