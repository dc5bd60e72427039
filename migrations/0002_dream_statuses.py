"""Dream statuses that say why a dream waits; ``received`` becomes ``queued``."""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from core.db.models import DreamStatus


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    initial = False

    operations = [
        ops.AlterField(
            model_name="Dream",
            name="status",
            field=fields.CharEnumField(
                default=DreamStatus.QUEUED,
                description="QUEUED: queued\nANALYZING: analyzing\n"
                "WAITING_FOR_CREDIT: waiting_for_credit\n"
                "AWAITING_CONFIRMATION: awaiting_confirmation\nANALYZED: analyzed\nFAILED: failed",
                enum_type=DreamStatus,
                max_length=24,
            ),
        ),
        ops.RunSQL(
            "UPDATE dreams SET status = 'queued' WHERE status = 'received'",
            reverse_sql="UPDATE dreams SET status = 'received' WHERE status = 'queued'",
        ),
    ]
