"""What a user's journal shows as a whole: the h-profile against the norms of their sex,
emotions over time, recurring symbols and characters, and the moon and their dreams."""

from core.insights.overview import JournalInsights, journal_insights, user_h_profile

__all__ = ["JournalInsights", "journal_insights", "user_h_profile"]
