"""The impact report as a PDF holds the funnel and every breakdown's rows, in our font."""

from matchfair.outcomes.domain.breakdowns import breakdowns_of
from matchfair.outcomes.domain.impact import impact_of
from matchfair.outcomes.models import Outcome
from matchfair.outcomes.pdf import impact_pdf
from tests.reports.domain.test_pdf import read_pdf


def test_the_pdf_holds_the_funnel_and_each_breakdown(met, tia):
    Outcome.objects.create(meeting=met, registration=tia, took_place=True)
    event = met.event
    pdf = impact_pdf(
        event,
        impact_of(event, scope=None),
        breakdowns_of(event, scope=None),
        scope_note="For the participants supported by Тест.",
        compress=False,
    )
    runs, fonts = read_pdf(pdf)
    texts = [run.text for run in runs]
    assert "Impact of the meetings" in texts
    for title in ("By country", "By domain", "By type of organisation", "By supporting organiser"):
        assert title in texts
    assert texts.count("All sides") == 4
    assert "Finland" in texts and "Bulgaria" in texts
    assert "For the participants supported by Тест." in texts
    assert {font.face for font in fonts.values()} <= {"FiraSans-Regular", "FiraSans-Bold"}


def test_a_long_breakdown_goes_on_over_pages_with_its_header(met):
    event = met.event
    breakdowns = breakdowns_of(event, scope=None)
    country = breakdowns[0]
    many = type(country)(
        by=country.by,
        rows=[type(country.rows[0])(label=f"Country {n}", counts=(n,) * 9) for n in range(120)],
        total=country.total,
    )
    runs, _fonts = read_pdf(impact_pdf(event, impact_of(event, scope=None), [many], compress=False))
    texts = [run.text for run in runs]
    assert "Country 119" in texts
    assert texts.count("By country") >= 2  # the column header repeats on the next page
