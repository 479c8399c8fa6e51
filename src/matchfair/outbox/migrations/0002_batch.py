"""A message names the batch it was sent in ("mailing:17") instead of pointing at the mailings
app, and its table takes the outbox's name. The rows stay."""

from django.db import migrations, models
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat


def batch_from_mailing(apps, schema_editor):
    Message = apps.get_model("outbox", "Message")
    Message.objects.filter(mailing__isnull=False).update(
        batch=Concat(Value("mailing:"), Cast("mailing_id", CharField()))
    )


def mailing_from_batch(apps, schema_editor):
    Message = apps.get_model("outbox", "Message")
    for message in Message.objects.filter(batch__startswith="mailing:"):
        message.mailing_id = int(message.batch.removeprefix("mailing:"))
        message.save(update_fields=["mailing"])


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("mailings", "0002_message_to_outbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="batch",
            field=models.CharField(blank=True, db_index=True, max_length=60, verbose_name="batch"),
        ),
        migrations.RunPython(batch_from_mailing, mailing_from_batch),
        migrations.RemoveField(model_name="message", name="mailing"),
        migrations.AlterModelTable(name="message", table=None),
    ]
