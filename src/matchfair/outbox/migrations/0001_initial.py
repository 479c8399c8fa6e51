"""The outbox's message moves here from the mailings app: its table and rows stay as they are
(state only), so no message is lost or sent twice."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("events", "0003_search"),
        ("mailings", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Message",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("to", models.EmailField(max_length=254, verbose_name="to")),
                        ("subject", models.CharField(max_length=300, verbose_name="subject")),
                        ("body", models.TextField(verbose_name="text")),
                        ("kind", models.CharField(max_length=40, verbose_name="kind")),
                        (
                            "key",
                            models.CharField(
                                max_length=200, unique=True, verbose_name="idempotency key"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("sending", "Sending"),
                                    ("sent", "Sent"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("error", models.TextField(blank=True)),
                        ("created", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("claimed", models.DateTimeField(blank=True, null=True)),
                        ("sent", models.DateTimeField(blank=True, null=True)),
                        (
                            "event",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="messages",
                                to="events.event",
                            ),
                        ),
                        (
                            "mailing",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="mailings.mailing",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="messages",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "message",
                        "verbose_name_plural": "messages",
                        "ordering": ["-created", "-id"],
                        "db_table": "mailings_message",
                        "indexes": [
                            models.Index(
                                fields=["status", "created"], name="message_status_created"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
