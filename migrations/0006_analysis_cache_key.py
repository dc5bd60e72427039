"""Each analysis records the key of its LLM interpretation cache entry, so deleting the account
erases the entry too (issue #15).

Numbered 0006 to sort after #11's ``0005_dream_claims``, which was not on main when this landed:
so it depends on 0004 only. The two touch different tables; the engine applies both leaves in
name order (0005, then 0006) on a fresh database, and either order on one that has one already.
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
