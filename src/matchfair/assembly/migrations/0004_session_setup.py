import datetime

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assembly", "0003_workplan_ideas"),
    ]

    operations = [
        migrations.AddField(
            model_name="session",
            name="starts_at",
            field=models.TimeField(default=datetime.time(9, 0), verbose_name="starts at"),
        ),
        migrations.CreateModel(
            name="SessionDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                (
                    "file",
                    models.FileField(
                        blank=True, upload_to="assembly/documents/%Y/", verbose_name="PDF"
                    ),
                ),
                ("url", models.URLField(blank=True, verbose_name="link")),
                ("size", models.PositiveIntegerField(default=0)),
                ("created", models.DateTimeField(auto_now_add=True)),
                (
                    "session",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="assembly.session",
                    ),
                ),
            ],
            options={
                "verbose_name": "session document",
                "verbose_name_plural": "session documents",
                "ordering": ["session", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("file", ""), models.Q(("url", ""), _negated=True)),
                            models.Q(models.Q(("file", ""), _negated=True), ("url", "")),
                            _connector="OR",
                        ),
                        name="session_document_file_or_link",
                    )
                ],
            },
        ),
    ]
