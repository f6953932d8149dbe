"""The Guidance page: the path in seven steps, every tip with its source point, the checklist in step 2."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from tests.pages.helpers import assert_clean
from tracker.guidance import PATH, SECTIONS, SOURCE_IDS

Open = Callable[[str], AppTest]


def test_the_path_is_shown_step_by_step(open_page: Open) -> None:
    at = open_page("guidance")
    assert_clean(at)
    assert at.title[0].value == "Guidance"
    assert [h.value for h in at.subheader] == [f"{n}. {s.title}" for n, s in enumerate(SECTIONS, start=1)]


def test_every_tip_is_shown_with_its_source_point(open_page: Open) -> None:
    at = open_page("guidance")
    titles = [m.value for m in at.markdown if m.value.startswith("**")]
    assert titles == [f"**{tip.title}**" for tip in PATH]
    sources = [c.value for c in at.caption if c.value.startswith("Source point")]
    assert sources == [f"Source point {tip.source}" for tip in PATH]
    assert {s.removeprefix("Source point ") for s in sources} == set(SOURCE_IDS)


def test_the_checklist_is_in_get_ready(open_page: Open) -> None:
    at = open_page("guidance")
    body = list(at.main)
    position = {id(e): i for i, e in enumerate(_walk(body))}
    ready, learn = at.subheader[1], at.subheader[2]
    checkboxes = list(at.checkbox)
    assert [c.key for c in checkboxes] == ["check_computer", "check_internet", "check_phone",
                                           "check_workplace", "check_skill"]
    assert all(position[id(ready)] < position[id(c)] < position[id(learn)] for c in checkboxes)


def _walk(nodes: list) -> list:
    """Return every element under the nodes, depth first, in page order."""
    flat = []
    for node in nodes:
        flat.append(node)
        children = getattr(node, "children", None)
        if children:
            flat.extend(_walk(list(children.values())))
    return flat
