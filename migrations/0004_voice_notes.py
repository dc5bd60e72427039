from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0003_billing")]

    initial = False

    operations = [
        ops.CreateModel(
            name="AudioUsage",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "user",
                    fields.ForeignKeyField(
                        "models.User",
                        source_field="user_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="audio_usage",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("day", fields.DateField()),
                ("seconds", fields.IntField(default=0)),
            ],
            options={
                "table": "audio_usage",
                "app": "models",
                "unique_together": (("user", "day"),),
                "pk_attr": "id",
                "table_description": "Seconds of audio a user sent on one (UTC) day: the daily voice quota. Kept apart from",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="Dream",
            name="audio_seconds",
            field=fields.IntField(
                null=True,
                description="Length of the voice note, as Telegram reported it (seconds).",
            ),
        ),
        ops.AddField(
            model_name="User",
            name="voice_language",
            field=fields.CharField(
                default="auto",
                description="The language of the user's voice notes: en, ru, or auto (detected among en and ru).",
                max_length=8,
            ),
        ),
    ]
