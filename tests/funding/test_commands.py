import json

import pytest
from django.core.management import CommandError, call_command

from matchfair.funding.models import Topic
from tests.funding.helpers import FIXTURE, fixture_results

pytestmark = pytest.mark.django_db


def test_import_topics_command_imports_the_fixture_then_changes_nothing(capsys):
    call_command("import_topics", str(FIXTURE))
    call_command("import_topics", str(FIXTURE))
    assert (Topic.objects.count(), capsys.readouterr().out.splitlines()) == (
        40,
        [
            "topics: 40 new, 0 changed, 0 unchanged; 0 messages to subscribers",
            "topics: 0 new, 0 changed, 40 unchanged; 0 messages to subscribers",
        ],
    )


def test_import_topics_command_refuses_a_bad_file_and_writes_nothing(tmp_path):
    document = fixture_results()
    document["results"][39]["metadata"]["startDate"] = ["31/12/2026"]
    path = tmp_path / "topics.json"
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError) as raised:
        call_command("import_topics", str(path))
    assert (str(raised.value), raised.value.returncode, Topic.objects.count()) == (
        f"{path}: $.results[39].metadata.startDate[0]: is not a date, got '31/12/2026'",
        2,
        0,
    )
