"""A work plan item's `adopted_by` becomes a link to the motion: the text links the motion of
the item's network whose title it is exactly (when one motion has it); any other text is kept
at the end of the item's description, so nothing is lost. 0006 drops the text column."""

import django.db.models.deletion
from django.db import migrations, models

KEPT = "\n\nAdopted by: "


def link_motions(apps, schema_editor):
    WorkItem = apps.get_model("assembly", "WorkItem")
    Motion = apps.get_model("assembly", "Motion")
    for item in WorkItem.objects.exclude(adopted_by=""):
        text = item.adopted_by.strip()
        found = list(Motion.objects.filter(session__network=item.network_id, title=text)[:2])
        if len(found) == 1:
            item.adopted_by_motion = found[0]
        else:
            item.description = f"{item.description.rstrip()}{KEPT}{text}".lstrip()
        item.save(update_fields=["adopted_by_motion", "description"])


def unlink_motions(apps, schema_editor):
    WorkItem = apps.get_model("assembly", "WorkItem")
    for item in WorkItem.objects.select_related("adopted_by_motion"):
        if item.adopted_by_motion is not None:
            item.adopted_by = item.adopted_by_motion.title[:300]
        elif KEPT.strip() in item.description:
            head, _sep, text = item.description.rpartition(KEPT.lstrip("\n"))
            item.adopted_by = text.strip()[:300]
            item.description = head.rstrip()
        item.save(update_fields=["adopted_by", "description"])


class Migration(migrations.Migration):
    dependencies = [
        ("assembly", "0004_session_setup"),
    ]

    operations = [
        migrations.AddField(
            model_name="workitem",
            name="adopted_by_motion",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="assembly.motion",
            ),
        ),
        migrations.RunPython(link_motions, unlink_motions),
    ]
