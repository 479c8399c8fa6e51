"""Name badges with a QR code to the participant's public profile, and big table signs (PDF).

Badges sit eight to an A4 page (two columns, four rows, 90 × 62 mm) with gutters between them
and crop marks in the gutters, so a guillotine cut along the marks never cuts into a badge.
The QR code (segno) is drawn as vector squares: it stays sharp at any printer resolution.
"""

import io
from collections.abc import Sequence

import segno
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from matchfair.events.models import Event, Registration, Table
from matchfair.outbox.domain.links import absolute_url
from matchfair.reports.domain.pdf import BOLD, FONT, fit_font_size, new_canvas

BADGE_WIDTH = 90 * mm
BADGE_HEIGHT = 62 * mm
COLUMNS = 2
ROWS = 4
GUTTER_X = 10 * mm
GUTTER_Y = 8 * mm
CROP = 3 * mm
QR_SIZE = 26 * mm
BAND = (0.12, 0.37, 0.66)


def profile_url(registration: Registration) -> str:
    path = reverse(
        "events:participant", kwargs={"event": registration.event.slug, "pk": registration.pk}
    )
    return absolute_url(path)


def badge_qr(registration: Registration) -> segno.QRCode:
    """The badge's QR code: the absolute URL of the participant's public profile."""
    return segno.make_qr(profile_url(registration), error="m")


def draw_qr(canvas: Canvas, qr: segno.QRCode, x: float, y: float, size: float) -> None:
    """The code's dark modules as filled rectangles, one per horizontal run, with a quiet zone."""
    matrix = qr.matrix
    modules = len(matrix) + 8  # four light modules of quiet zone on each side
    unit = size / modules
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    for row_number, row in enumerate(matrix):
        top = y + size - (row_number + 4 + 1) * unit
        column = 0
        while column < len(row):
            if row[column]:
                run = column
                while run < len(row) and row[run]:
                    run += 1
                canvas.rect(
                    x + (column + 4) * unit, top, (run - column) * unit, unit, stroke=0, fill=1
                )
                column = run
            else:
                column += 1


def _badge_origin(index: int) -> tuple[float, float]:
    page_width, page_height = A4
    margin_x = (page_width - COLUMNS * BADGE_WIDTH - (COLUMNS - 1) * GUTTER_X) / 2
    margin_y = (page_height - ROWS * BADGE_HEIGHT - (ROWS - 1) * GUTTER_Y) / 2
    column, row = index % COLUMNS, index // COLUMNS
    x = margin_x + column * (BADGE_WIDTH + GUTTER_X)
    y = page_height - margin_y - (row + 1) * BADGE_HEIGHT - row * GUTTER_Y
    return x, y


def _crop_marks(canvas: Canvas, x: float, y: float) -> None:
    canvas.setStrokeColorRGB(0.4, 0.4, 0.4)
    canvas.setLineWidth(0.3)
    for corner_x, corner_y, dx, dy in (
        (x, y, -1, -1),
        (x + BADGE_WIDTH, y, 1, -1),
        (x, y + BADGE_HEIGHT, -1, 1),
        (x + BADGE_WIDTH, y + BADGE_HEIGHT, 1, 1),
    ):
        canvas.line(corner_x + dx * 1 * mm, corner_y, corner_x + dx * (1 * mm + CROP), corner_y)
        canvas.line(corner_x, corner_y + dy * 1 * mm, corner_x, corner_y + dy * (1 * mm + CROP))


def _draw_badge(canvas: Canvas, registration: Registration, x: float, y: float) -> None:
    event = registration.event
    _crop_marks(canvas, x, y)
    pad = 5 * mm
    band = 11 * mm
    canvas.setFillColorRGB(*BAND)
    canvas.rect(x, y + BADGE_HEIGHT - band, BADGE_WIDTH, band, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    size = fit_font_size(event.name, BOLD, 12, BADGE_WIDTH - 2 * pad)
    canvas.setFont(BOLD, size)
    canvas.drawString(x + pad, y + BADGE_HEIGHT - band + (band - size) / 2 + 1, event.name)
    canvas.setFillColorRGB(0, 0, 0)
    text_width = BADGE_WIDTH - 2 * pad
    name = registration.user.full_name
    size = fit_font_size(name, BOLD, 22, text_width, smallest=9)
    canvas.setFont(BOLD, size)
    top = y + BADGE_HEIGHT - band - pad - size
    canvas.drawString(x + pad, top, name)
    organisation = registration.user.organisation
    lines = []
    if registration.user.job_title:
        lines.append(registration.user.job_title)
    if organisation is not None:
        lines.append(organisation.name)
        lines.append(str(countries.name(organisation.country) or ""))
    line_y = top - 6 * mm
    for line in lines:
        width = text_width - QR_SIZE - 2 * mm
        line_size = fit_font_size(line, FONT, 11, width, smallest=6)
        canvas.setFont(FONT, line_size)
        canvas.drawString(x + pad, line_y, line)
        line_y -= 5 * mm
    qr_x = x + BADGE_WIDTH - pad - QR_SIZE + 4 * mm
    draw_qr(canvas, badge_qr(registration), qr_x, y + 2 * mm, QR_SIZE)
    canvas.setFont(FONT, 6.5)
    canvas.drawString(x + pad, y + 4 * mm, _("Scan for my profile"))


def badges_pdf(
    event: Event, registrations: Sequence[Registration], *, compress: bool | None = None
) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer, title=_("Badges — %(event)s") % {"event": event.name}, compress=compress
    )
    per_page = COLUMNS * ROWS
    for index, registration in enumerate(registrations):
        if index and index % per_page == 0:
            canvas.showPage()
        _draw_badge(canvas, registration, *_badge_origin(index % per_page))
    if not registrations:
        canvas.setFont(FONT, 12)
        canvas.drawString(20 * mm, A4[1] - 30 * mm, _("No participants to print."))
    canvas.save()
    return buffer.getvalue()


def table_signs_pdf(
    event: Event, tables: Sequence[Table], *, compress: bool | None = None
) -> bytes:
    """One landscape A4 page a table: the table's name as large as fits, its place, its booth."""
    buffer = io.BytesIO()
    pagesize = landscape(A4)
    width, height = pagesize
    canvas = new_canvas(
        buffer,
        title=_("Table signs — %(event)s") % {"event": event.name},
        compress=compress,
        pagesize=pagesize,
    )
    for index, table in enumerate(tables):
        if index:
            canvas.showPage()
        canvas.setFont(FONT, 16)
        canvas.drawCentredString(width / 2, height - 25 * mm, event.name)
        size = fit_font_size(table.name, BOLD, 220, width - 30 * mm, smallest=24)
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(width / 2, height / 2 - size / 3, table.name)
        lines = []
        if table.location:
            lines.append(table.location)
        owner = table.booth_of
        if owner is not None:
            organisation = owner.user.organisation
            host = owner.user.full_name + (f" — {organisation.name}" if organisation else "")
            lines.append(_("Booth of %(host)s") % {"host": host})
        line_y = 40 * mm
        for line in lines:
            line_size = fit_font_size(line, FONT, 26, width - 30 * mm, smallest=10)
            canvas.setFont(FONT, line_size)
            canvas.drawCentredString(width / 2, line_y, line)
            line_y -= line_size * 1.4
    if not tables:
        canvas.setFont(FONT, 16)
        canvas.drawString(20 * mm, height - 30 * mm, _("No tables to print."))
    canvas.save()
    return buffer.getvalue()
