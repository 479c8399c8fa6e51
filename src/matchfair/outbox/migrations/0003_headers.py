"""A message carries headers of its own (such as a newsletter's List-Unsubscribe) beside the
Message-ID that the outbox gives it. Existing messages carry none."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("outbox", "0002_batch")]

    operations = [
        migrations.AddField(
            model_name="message",
            name="headers",
            field=models.JSONField(blank=True, default=dict, verbose_name="extra headers"),
        ),
    ]
