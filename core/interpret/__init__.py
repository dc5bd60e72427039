"""Interpretation of a coded dream: the contract shared by the LLM chain and the offline link."""
