"""Calendar feeds keep a fingerprint of their secret, not the secret: existing URLs go on working,
since the fingerprint of the secret they carry is the one stored."""

import hashlib

from django.db import migrations, models


def fingerprint_secrets(apps, schema_editor):
    CalendarFeed = apps.get_model("api", "CalendarFeed")
    for feed in CalendarFeed.objects.all().only("pk", "token"):
        CalendarFeed.objects.filter(pk=feed.pk).update(
            token_hash=hashlib.sha256(feed.token.encode()).hexdigest(), prefix=feed.token[:8]
        )


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="calendarfeed",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.AddField(
            model_name="calendarfeed",
            name="prefix",
            field=models.CharField(default="", editable=False, max_length=12),
            preserve_default=False,
        ),
        # One way: a secret that is no longer stored cannot be brought back.
        migrations.RunPython(fingerprint_secrets, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendarfeed", name="token"),
        migrations.AlterField(
            model_name="calendarfeed",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
