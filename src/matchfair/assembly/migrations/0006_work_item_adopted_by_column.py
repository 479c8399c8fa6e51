import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assembly", "0005_work_item_adopted_by_motion"),
    ]

    operations = [
        migrations.RemoveField(model_name="workitem", name="adopted_by"),
        migrations.RenameField(
            model_name="workitem", old_name="adopted_by_motion", new_name="adopted_by"
        ),
        migrations.AlterField(
            model_name="workitem",
            name="adopted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="work_items",
                to="assembly.motion",
                verbose_name="adopted by (motion)",
            ),
        ),
    ]
