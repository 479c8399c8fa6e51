"""The impact report as a PDF (ReportLab): the funnel, the campaigns' answers and the four
breakdowns, as tables on landscape A4 pages set in the reports' font.

It is drawn in the request: at 25,000 participants the counting is the slow part (the same as
the page's), and the drawing is a few dozen rows.
"""

import io
from collections.abc import Sequence

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from matchfair.events.models import Event
from matchfair.outcomes.domain.breakdowns import Breakdown, breakdown_headers, breakdown_rows
from matchfair.outcomes.domain.impact import Impact, impact_rows
from matchfair.reports.domain.pdf import BOLD, FONT, new_canvas

MARGIN = 14 * mm
WIDTH, HEIGHT = landscape(A4)
LINE = 13
LABEL_WIDTH = 72 * mm


class _Sheet:
    """A cursor down landscape pages that starts a new page, with a running header, when full."""

    def __init__(self, canvas: Canvas, header: str) -> None:
        self.canvas = canvas
        self.header = header
        self.y = HEIGHT - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.canvas.showPage()
            self.y = HEIGHT - MARGIN
            self.canvas.setFont(FONT, 8)
            self.canvas.drawString(MARGIN, self.y - 8, self.header)
            self.y -= 16

    def text(self, value: str, *, size: float = 10, font: str = FONT) -> None:
        for line in simpleSplit(value, font, size, WIDTH - 2 * MARGIN) or [""]:
            self.need(size * 1.4)
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN, self.y - size, line)
            self.y -= size * 1.4

    def table(
        self, headers: Sequence[object], rows: Sequence[Sequence[object]], *, total: bool = False
    ) -> None:
        """A label column, then right-aligned figures; the header repeats on a new page; with
        `total`, the last row is set in bold."""
        columns = len(headers) - 1
        width = (WIDTH - 2 * MARGIN - LABEL_WIDTH) / max(columns, 1)

        def draw(cells: Sequence[object], font: str) -> None:
            self.canvas.setFont(font, 8)
            label = simpleSplit(str(cells[0]), font, 8, LABEL_WIDTH - 4)[:1] or [""]
            self.canvas.drawString(MARGIN, self.y - 9, label[0])
            for index, cell in enumerate(cells[1:], start=1):
                text = simpleSplit(str(cell), font, 8, width - 4)[:1] or [""]
                right = MARGIN + LABEL_WIDTH + index * width - 4
                self.canvas.drawRightString(right, self.y - 9, text[0])
            self.y -= LINE

        def head() -> None:
            self.need(2 * LINE)
            draw(headers, BOLD)
            self.canvas.setLineWidth(0.5)
            self.canvas.line(MARGIN, self.y + 2, WIDTH - MARGIN, self.y + 2)

        head()
        for number, row in enumerate(rows):
            if self.y - LINE < MARGIN:
                self.need(HEIGHT)
                head()
            draw(row, BOLD if total and number == len(rows) - 1 else FONT)
        self.y -= 8


def impact_pdf(
    event: Event,
    impact: Impact,
    breakdowns: Sequence[Breakdown],
    responses: Sequence[object] = (),
    *,
    scope_note: str = "",
    compress: bool | None = None,
) -> bytes:
    buffer = io.BytesIO()
    title = _("Impact of the meetings") + f" · {event.name}"
    canvas = new_canvas(buffer, title=title, compress=compress, pagesize=landscape(A4))
    sheet = _Sheet(canvas, title)
    sheet.text(event.name, size=10)
    sheet.text(_("Impact of the meetings"), size=18, font=BOLD)
    made = formats.date_format(timezone.localtime(), "DATETIME_FORMAT")
    sheet.text(_("Made %(when)s. Every figure is a count of records.") % {"when": made}, size=9)
    if scope_note:
        sheet.text(scope_note, size=9)
    sheet.y -= 6
    headers, rows = impact_rows(impact, responses)
    sheet.table(headers, rows)
    sheet.text(
        _(
            "Breakdowns count sides: a meeting counts once for each of its participants, under "
            "that participant's country, domain, type and supporting organiser. A participant "
            "in several domains counts under each."
        ),
        size=9,
    )
    sheet.y -= 4
    for breakdown in breakdowns:
        sheet.need(4 * LINE)
        sheet.text(breakdown.title, size=13, font=BOLD)
        sheet.table(breakdown_headers(breakdown), breakdown_rows(breakdown), total=True)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
