"""Dream claims and status messages: which job analyses a dream now, which message to resolve,
and an index for the sweeper's question (status, updated_at)."""

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0004_voice_notes")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Dream",
            name="analysis_job",
            field=fields.CharField(
                null=True,
                description="The job analysing the dream now, see core.dreams.claims, stale once its lease ends",
                max_length=160,
            ),
        ),
        ops.AddField(
            model_name="Dream",
            name="status_message_id",
            field=fields.BigIntField(
                null=True,
                description="The status message shown while analysing, resolved by whichever job finishes the dream",
            ),
        ),
        ops.AddIndex(
            model_name="Dream",
            index=Index(fields=["status", "updated_at"]),
        ),
    ]
