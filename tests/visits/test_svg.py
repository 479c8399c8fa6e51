"""The floor plan drawn as SVG: `visits.svg`."""

from matchfair.visits.models import Stand
from matchfair.visits.svg import floor_plan


def test_floor_plan_draws_halls_pavilions_and_clickable_stands(event, stands, bavaria):
    svg = str(floor_plan(event))
    # A group, not an image: the plan's stands are links, and an image cannot hold links.
    assert svg.startswith("<svg") and 'role="group"' in svg
    assert svg.count("<rect") == 2 + 1 + 3
    for stand in stands:
        assert f'<a href="/e/{event.slug}/venue/stands/{stand.pk}/" class="stand"' in svg
    assert f'href="/e/{event.slug}/venue/pavilions/{bavaria.pk}/"' in svg
    assert "<title>1A10 AMEC Urbis</title>" in svg and ">Hall 2</text>" in svg
    assert "style=" not in svg


def test_floor_plan_escapes_names(event, halls):
    Stand.objects.create(event=event, hall=halls[0], code="X<1>", exhibitor="<script>", x=1, y=1)
    svg = str(floor_plan(event))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_floor_plan_draws_the_route(event, stands):
    svg = str(floor_plan(event, route=[(50, 30), (63, 12), (300, 30), (50, 30)]))
    assert '<polyline points="50,30 63,12 300,30 50,30"' in svg
    assert (">1</text>" in svg, ">2</text>" in svg) == (True, True)


def test_route_labels_join_the_numbers_of_one_spot():
    from matchfair.visits.svg import route_labels

    route = [(0, 0), (5, 5), (9, 9), (5, 5), (0, 0), (0, 0)]
    assert route_labels(route) == {(5, 5): ["1", "3"], (9, 9): ["2"], (0, 0): ["4"]}
