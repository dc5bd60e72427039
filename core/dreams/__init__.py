"""Dreams: intake and validation, the analysis pipeline, and the journal."""
