"""The floor plan as SVG, drawn by the server: halls, pavilions, stands that link to their
pages, and optionally the route of a member's day. Only presentation attributes, no style."""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from matchfair.events.models import Event
from matchfair.visits.models import Hall, Pavilion, Stand

HALL_FILL = "#eef2f7"
HALL_STROKE = "#5b6b7f"
PAVILION_FILL = "#fde9c8"
STAND_FILL = "#ffffff"
STAND_STROKE = "#34495e"
HIGHLIGHT_FILL = "#ffcf4d"
ROUTE = "#c0392b"


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _rect(item: Hall | Pavilion | Stand, fill: str, stroke: str, width: float) -> str:
    return (
        f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.width)}" '
        f'height="{_n(item.depth)}" fill="{fill}" stroke="{stroke}" stroke-width="{_n(width)}"/>'
    )


def floor_plan(
    event: Event,
    *,
    route: Sequence[tuple[float, float]] = (),
    highlight: Stand | Pavilion | None = None,
    dom_id: str = "floor-plan",
    title: str = "",
) -> SafeString:
    halls = list(Hall.objects.filter(event=event))
    if not halls:
        return mark_safe("")
    pavilions = list(Pavilion.objects.filter(event=event).select_related("event"))
    stands = list(Stand.objects.filter(event=event).select_related("event"))
    left = min(h.x for h in halls)
    top = min(h.y for h in halls)
    right = max(h.x + h.width for h in halls)
    bottom = max(h.y + h.depth for h in halls)
    extent = max(right - left, bottom - top)
    pad = extent * 0.03
    font = extent / 70
    line = extent / 900
    title = title or _("Floor plan of %(venue)s") % {"venue": event.venue}
    desc = _("%(halls)s halls, %(pavilions)s pavilions and %(stands)s stands.") % {
        "halls": len(halls),
        "pavilions": len(pavilions),
        "stands": len(stands),
    }
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="floor-plan" id="{escape(dom_id)}" '
        f'viewBox="{_n(left - pad)} {_n(top - pad)} {_n(right - left + 2 * pad)} '
        f'{_n(bottom - top + 2 * pad)}" role="group" '
        f'aria-labelledby="{escape(dom_id)}-title {escape(dom_id)}-desc" '
        f'font-family="sans-serif">',
        f'<title id="{escape(dom_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(dom_id)}-desc">{escape(desc)}</desc>',
    ]
    for hall in halls:
        hours = f"{hall.opens:%H:%M}–{hall.closes:%H:%M}"
        out += [
            '<g class="hall">',
            f"<title>{escape(hall.name)} ({hours})</title>",
            _rect(hall, HALL_FILL, HALL_STROKE, line * 3),
            f'<text x="{_n(hall.x + font * 0.6)}" y="{_n(hall.y + font * 1.6)}" '
            f'font-size="{_n(font * 1.5)}" font-weight="bold" fill="{HALL_STROKE}">'
            f"{escape(hall.name)}</text>",
            "</g>",
        ]
    for pavilion in pavilions:
        label = pavilion.name + (f" ({pavilion.country})" if pavilion.country else "")
        fill = HIGHLIGHT_FILL if highlight == pavilion else PAVILION_FILL
        # Sized so the name fits the pavilion's width (a letter is about 0.6 em wide).
        size = min(font, pavilion.width / max(len(pavilion.name), 1) * 1.6)
        out += [
            f'<a href="{escape(pavilion.get_absolute_url())}" '
            f'class="pavilion{" here" if highlight == pavilion else ""}" '
            f'aria-label="{escape(label)}">',
            f"<title>{escape(label)}</title>",
            _rect(pavilion, fill, "#b9770e", line * 2),
            f'<text x="{_n(pavilion.x + size * 0.3)}" y="{_n(pavilion.y + pavilion.depth - size * 0.4)}" '
            f'font-size="{_n(size)}" fill="#7e5109">{escape(pavilion.name)}</text>',
            "</a>",
        ]
    for stand in stands:
        label = f"{stand.code} {stand.exhibitor}"
        fill = HIGHLIGHT_FILL if highlight == stand else STAND_FILL
        size = min(font * 0.8, stand.width / max(len(stand.code), 1) * 1.6)
        out += [
            f'<a href="{escape(stand.get_absolute_url())}" '
            f'class="stand{" here" if highlight == stand else ""}" aria-label="{escape(label)}">',
            f"<title>{escape(label)}</title>",
            _rect(stand, fill, STAND_STROKE, line),
            f'<text x="{_n(stand.x + stand.width / 2)}" y="{_n(stand.y + stand.depth / 2 + size / 3)}" '
            f'font-size="{_n(size)}" text-anchor="middle" fill="{STAND_STROKE}">'
            f"{escape(stand.code)}</text>",
            "</a>",
        ]
    if len(route) >= 2:
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in route)
        out += [
            '<g class="route">',
            f"<title>{escape(_('Route of the day'))}</title>",
            f'<polyline points="{points}" fill="none" stroke="{ROUTE}" '
            f'stroke-width="{_n(line * 8)}" stroke-linejoin="round" stroke-dasharray="{_n(font)} {_n(font / 2)}"/>',
        ]
        for (x, y), numbers in route_labels(route).items():
            label = ", ".join(numbers)
            width = font * (0.9 + 0.55 * (len(label) - 1))
            out += [
                f'<rect x="{_n(x - width)}" y="{_n(y - font * 0.9)}" width="{_n(2 * width)}" '
                f'height="{_n(font * 1.8)}" rx="{_n(font * 0.9)}" fill="{ROUTE}"/>',
                f'<text x="{_n(x)}" y="{_n(y + font * 0.35)}" font-size="{_n(font)}" '
                f'text-anchor="middle" fill="#ffffff">{escape(label)}</text>',
            ]
        out.append("</g>")
    out.append("</svg>")
    return mark_safe("\n".join(out))


def route_labels(route: Sequence[tuple[float, float]]) -> dict[tuple[float, float], list[str]]:
    """The numbers of the route's places (its points between the entrance at both ends), one
    label per spot, so a hall visited three times reads "1, 3, 6"."""
    labels: dict[tuple[float, float], list[str]] = {}
    for number, point in enumerate(route[1:-1], start=1):
        labels.setdefault(point, []).append(str(number))
    return labels
