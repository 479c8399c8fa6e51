"""A member's printable itinerary (ReportLab): each day's timeline, then its floor plan with the
route drawn."""

import io
from collections.abc import Sequence

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from matchfair.reports.domain.pdf import BOLD, FONT, new_canvas
from matchfair.visits.domain.day import Day
from matchfair.visits.models import DelegationMember, Hall, Pavilion, Stand
from matchfair.visits.svg import route_labels

MARGIN = 16 * mm
WIDTH, HEIGHT = A4


def _plan(
    canvas: Canvas,
    halls: Sequence[Hall],
    pavilions: Sequence[Pavilion],
    stands: Sequence[Stand],
    route: Sequence[tuple[float, float]],
    box: tuple[float, float, float, float],
) -> None:
    """Draw the floor plan scaled into box (x, y, width, height) with the route on top."""
    left = min(h.x for h in halls)
    top = min(h.y for h in halls)
    right = max(h.x + h.width for h in halls)
    bottom = max(h.y + h.depth for h in halls)
    bx, by, bw, bh = box
    scale = min(bw / (right - left), bh / (bottom - top))

    def at(x: float, y: float) -> tuple[float, float]:
        return bx + (x - left) * scale, by + bh - (y - top) * scale

    def rect(item: Hall | Pavilion | Stand) -> None:
        x, y = at(item.x, item.y + item.depth)
        canvas.rect(x, y, item.width * scale, item.depth * scale, fill=1, stroke=1)

    canvas.setLineWidth(0.6)
    canvas.setStrokeColorRGB(0.36, 0.42, 0.5)
    canvas.setFillColorRGB(0.93, 0.95, 0.97)
    for hall in halls:
        rect(hall)
    canvas.setFillColorRGB(0.99, 0.91, 0.78)
    for pavilion in pavilions:
        rect(pavilion)
    canvas.setLineWidth(0.3)
    canvas.setFillColorRGB(1, 1, 1)
    for stand in stands:
        rect(stand)
    canvas.setFillColorRGB(0.2, 0.25, 0.3)
    canvas.setFont(BOLD, 7)
    for hall in halls:
        x, y = at(hall.x, hall.y)
        canvas.drawString(x + 2, y - 9, hall.name)
    canvas.setFont(FONT, 5)
    for pavilion in pavilions:
        x, y = at(pavilion.x, pavilion.y + pavilion.depth)
        canvas.drawString(x + 1, y + 2, pavilion.name)
    if len(route) >= 2:
        canvas.setStrokeColorRGB(0.75, 0.22, 0.17)
        canvas.setLineWidth(2)
        path = canvas.beginPath()
        path.moveTo(*at(*route[0]))
        for point in route[1:]:
            path.lineTo(*at(*point))
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setFillColorRGB(0.75, 0.22, 0.17)
        for point, numbers in route_labels(route).items():
            x, y = at(*point)
            label = ", ".join(numbers)
            half = 5 + 1.7 * (len(label) - 1)
            canvas.roundRect(x - half, y - 5, 2 * half, 10, 5, stroke=0, fill=1)
            canvas.setFillColorRGB(1, 1, 1)
            canvas.setFont(BOLD, 6)
            canvas.drawCentredString(x, y - 2, label)
            canvas.setFillColorRGB(0.75, 0.22, 0.17)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setStrokeColorRGB(0, 0, 0)


def itinerary_pdf(
    member: DelegationMember, days: list[Day], *, compress: bool | None = None
) -> bytes:
    event = member.delegation.event
    zone = event.zone
    name = member.registration.user.full_name
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer, title=_("Itinerary of %(name)s") % {"name": name}, compress=compress
    )
    halls = list(Hall.objects.filter(event=event))
    pavilions = list(Pavilion.objects.filter(event=event))
    stands = list(Stand.objects.filter(event=event))
    if not days:
        canvas.setFont(BOLD, 14)
        canvas.drawString(MARGIN, HEIGHT - MARGIN, _("Itinerary of %(name)s") % {"name": name})
        canvas.setFont(FONT, 10)
        canvas.drawString(MARGIN, HEIGHT - MARGIN - 20, _("Nothing is planned yet."))
        canvas.showPage()
    for day in days:
        y = HEIGHT - MARGIN
        canvas.setFont(BOLD, 14)
        canvas.drawString(MARGIN, y, f"{name} — {date_format(day.date, 'l j F Y')}")
        y -= 16
        canvas.setFont(FONT, 9)
        canvas.drawString(
            MARGIN,
            y,
            f"{event.name}, {event.venue}. "
            + _("Times are local (%(zone)s).") % {"zone": event.time_zone},
        )
        y -= 18
        plan_height = 95 * mm
        numbers = {
            item.uid: number
            for number, (_point, items) in enumerate(day.places, start=1)
            for item in items
        }
        for item in day.items:
            if item.walk_minutes:
                canvas.setFont(FONT, 8)
                canvas.setFillColorRGB(0.4, 0.4, 0.4)
                canvas.drawString(
                    MARGIN + 36 * mm,
                    y,
                    _("%(minutes)s min walk from %(place)s")
                    % {"minutes": item.walk_minutes, "place": item.walk_from},
                )
                canvas.setFillColorRGB(0, 0, 0)
                y -= 11
            start = item.starts_at.astimezone(zone)
            end = item.ends_at.astimezone(zone)
            canvas.setFont(BOLD, 10)
            canvas.drawString(MARGIN, y, f"{numbers[item.uid]}.  {start:%H:%M}–{end:%H:%M}")
            canvas.setFont(FONT, 10)
            label = item.title + (" " + _("(joint visit)") if item.joint else "")
            lines = simpleSplit(f"{label} · {item.place}", FONT, 10, WIDTH - 2 * MARGIN - 36 * mm)
            for text in lines:
                canvas.drawString(MARGIN + 36 * mm, y, text)
                y -= 12
            y -= 2
            if y < MARGIN + plan_height + 10:
                canvas.showPage()
                y = HEIGHT - MARGIN
        if halls:
            if y < MARGIN + plan_height + 10:
                canvas.showPage()
            canvas.setFont(BOLD, 10)
            canvas.drawString(MARGIN, MARGIN + plan_height + 4, _("Route of the day"))
            _plan(
                canvas,
                halls,
                pavilions,
                stands,
                day.route,
                (MARGIN, MARGIN, WIDTH - 2 * MARGIN, plan_height),
            )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
