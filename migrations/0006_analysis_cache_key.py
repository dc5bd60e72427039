"""Each analysis records the key of its LLM interpretation cache entry, so deleting the account
erases the entry too (issue #15).

Numbered 0006 to follow #11's ``0005_dream_claims``; see ``dependencies`` for what it builds on.
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0004_voice_notes")]

    initial = False

    operations = [
        ops.AddField(
            model_name="DreamAnalysis",
            name="llm_cache_key",
            field=fields.CharField(
                null=True,
                description="The LLM interpretation cache entry of this answer (core.llm.cache), erased with the account",
                max_length=128,
            ),
        ),
    ]
