"""Fixed-width text (``pdftotext -layout``): columns drawn with spaces, moving by page."""

from __future__ import annotations

from checker.parse import parse_text
from checker.readers.text import page_starts
from tests.parse.accounting import unaccounted


def _row(*cells: tuple[int, str]) -> str:
    line = ""
    for start, text in cells:
        line = line.ljust(start) + text
    return line


def _heading(*starts: int) -> str:
    """The HMPPS column headings, each opening at its start."""
    titles = ("1. Rec No", "2. Concerns", "3. Response Action Taken/Planned",
              "4. Responsible Owner", "5. Target Date")  # fmt: skip
    return _row(*zip(starts, titles, strict=True))


# page 1 columns: 0, 8, 40, 90, 110; page 2 moved left: 0, 5, 36, 86, 106
P1 = (0, 8, 40, 90, 110)
P2 = (0, 5, 36, 86, 106)


def _plan() -> str:
    a, b, c, d, e = P1
    lines = [
        "ACTION PLAN: HMIP REPORT",
        "ESTABLISHMENT: HMP FENWICK",
        _row(
            (a, "1. Rec"),
            (b, "2. Concerns"),
            (c, "3. Response Action Taken/Planned"),
            (d, "4. Responsible"),
            (e, "5. Target Date"),
        ),
        _row((a, "No"), (d, "Owner")),
        _row((b, "Priority concerns")),
        _row(
            (a, "1"),
            (b, "Showers on two landings"),
            (c, "Replace the shower heads on"),
            (d, "Head of Estates"),
            (e, "31/05/2026"),
        ),
        _row((b, "were broken for weeks."), (c, "C and D landings.")),
        _row((c, "Check every shower weekly and"), (d, "Head of"), (e, "Ongoing")),
        _row((c, "log faults the same day."), (d, "Residence")),
    ]
    a, b, c, d, e = P2
    lines += [
        "\f"
        + _row(
            (a, "2"),
            (b, "Mail was opened late."),
            (c, "Open all mail within 24 hours,"),
            (d, "Business Hub"),
            (e, "June 2026"),
        ),
        _row((c, "with a daily audit.")),
        _row(
            (a, "3"),
            (b, "Too few staff."),
            (c, "Recruit six officers."),
            (d, "Governor"),
            (e, "March 2027"),
        ),
        "",
    ]
    return "\n".join(lines)


def test_layout_text_is_cut_into_columns_page_by_page() -> None:
    text = _plan()
    plan = parse_text(text.replace("\f", " "), "fenwick.txt", pages=page_starts(text))
    assert [c.role for c in plan.columns] == ["ref", "concern", "action", "owner", "target"]
    assert plan.columns[0].title == "1. Rec No"
    assert [r.ref for r in plan.recommendations] == ["1", "2", "3"]
    first = plan.recommendations[0]
    assert first.concern == "Showers on two landings were broken for weeks."
    texts = [(a.text, a.owner, a.target) for a in first.actions]
    assert texts == [
        ("Replace the shower heads on C and D landings.", "Head of Estates", "31/05/2026"),
        ("Check every shower weekly and log faults the same day.", "Head of Residence", "Ongoing"),
    ]
    second = plan.recommendations[1].actions[0]
    assert second.text == "Open all mail within 24 hours, with a daily audit."
    assert (second.owner, second.target) == ("Business Hub", "June 2026")
    assert unaccounted(text.replace("\f", " "), plan) == []


def test_a_form_feed_marks_the_line_a_page_starts_on() -> None:
    assert page_starts("a\nb\fc\n\fd\r\n\fe") == (3, 4)


def test_a_cell_of_bullets_shares_its_owner_and_deals_its_stacked_targets() -> None:
    a, b, c, d, e = 0, 12, 44, 94, 118
    bullet = "\u2022   "
    lines = [
        _heading(a, b, c, d, e),
        _row(
            (a, "1"),
            (b, "Laundry was slow."),
            (c, bullet + "Second washer fitted on"),
            (d, "Head of Facilities"),
            (e, "Jul-26"),
        ),
        _row((c + 4, "the east landing")),
        _row((c, bullet + "Laundry returned within two"), (d, "(Estates"), (e, "Aug-26")),
        _row((c + 4, "days, checked weekly"), (d, "Partner)"), (e, "Sep-26")),
        _row((c, bullet + "Rota for laundry orderlies")),
        "",
    ]
    plan = parse_text("\n".join(lines), "laundry.txt")
    got = [(a.text.split()[0], a.owner, a.target) for a in plan.recommendations[0].actions]
    owner = "Head of Facilities (Estates Partner)"
    assert got == [
        ("Second", owner, "Jul-26"),
        ("Laundry", owner, "Aug-26"),
        ("Rota", owner, "Sep-26"),
    ]


def test_text_whose_columns_were_lost_says_so() -> None:
    joined = (
        "1. Rec 2. Concerns 3. Response Action Taken/Planned 4. Responsible 5. Target Date\n"
        "1 Showers were broken. Replace the shower heads. Head of Estates May 2026\n"
    )
    assert parse_text(joined).notes == ("columns-lost",)
    blocks = "1. Rec\nNo\n\n2. Concerns\n\n3. Response Action Taken/Planned\n\n1\nShowers broke.\n"
    assert parse_text(blocks).notes == ("columns-lost",)
    assert parse_text("A note about the prison with no table.\n").notes == ()


def _short_heading() -> str:
    a, b, c, d, e = P1
    return _row(
        (a, "1. Rec"), (b, "2. Concerns"), (c, "3. Response"), (d, "4. Owner"), (e, "5. Target")
    )


def _read(lines: list[str]):  # type: ignore[no-untyped-def]
    """The plan the lines make, once every character is known to be accounted for."""
    text = "\n".join(lines) + "\n"
    plan = parse_text(text, "fixture.txt")
    assert unaccounted(text, plan) == []
    return plan


def test_the_bullets_of_a_row_share_its_one_target_and_a_gap_ends_the_row() -> None:
    # A Word cell of three bullets beside one owner and one target, then a row of its own
    # with no owner: the concern running on alone beside an empty action cell ends the
    # first row, so the last bullet neither shares its owner nor lends its target.
    a, b, c, d, e = P1
    lines = [
        _short_heading(),
        _row(
            (a, "1"),
            (b, "Meals arrived cold"),
            (c, "\u2022 Heated trolleys bought for"),
            (d, "Catering Manager"),
            (e, "June 2026"),
        ),
        _row((b, "on the upper"), (c + 2, "every servery")),
        _row((b, "landings and the"), (c, "\u2022 Food temperatures logged at each meal")),
        _row((b, "menu rarely"), (c, "\u2022 Menu choices posted on every landing")),
        _row((b, "changed.")),
        _row((c, "\u2022 Food comments book kept at each servery"), (e, "May 2026")),
    ]
    plan = _read(lines)
    acts = [(x.text.lstrip("\u2022 "), x.owner, x.due) for x in plan.recommendations[0].actions]
    assert acts == [
        ("Heated trolleys bought for every servery", "Catering Manager", "2026-06"),
        ("Food temperatures logged at each meal", "Catering Manager", "2026-06"),
        ("Menu choices posted on every landing", "Catering Manager", "2026-06"),
        ("Food comments book kept at each servery", None, "2026-05"),
    ]


def test_a_target_left_on_a_joining_word_carries_on_and_so_does_its_action() -> None:
    a, b, c, d, e = P1
    lines = [
        _short_heading(),
        _row(
            (a, "1"),
            (b, "Mail was late."),
            (c, "Letters are logged and the log is read at the"),
            (d, "Head of Post"),
            (e, "Complete &"),
        ),
        _row((c, "Weekly Operations meeting."), (d, "Room"), (e, "ongoing")),
    ]
    plan = _read(lines)
    (act,) = plan.recommendations[0].actions
    assert act.text == "Letters are logged and the log is read at the Weekly Operations meeting."
    assert (act.owner, act.target) == ("Head of Post Room", "Complete & ongoing")


def test_a_stacked_target_beside_a_wrapped_bullet_goes_to_the_next_bullet() -> None:
    # the target cell prints one line per bullet, but the first bullet wraps, so the
    # second bullet's target stands beside the first bullet's second line
    a, b, c, d, e = 0, 12, 44, 94, 118
    bullet = "\u2022   "
    lines = [
        _heading(a, b, c, d, e),
        _row(
            (a, "1"),
            (b, "Kitchen fans failed."),
            (c, bullet + "Fans replaced and serviced"),
            (d, "Estates Partner"),
            (e, "Complete"),
        ),
        _row((c + 4, "every quarter"), (e, "2026")),
        _row((c, bullet + "New extraction hood fitted"), (d, "Head of Catering")),
        "",
    ]
    text = "\n".join(lines)
    plan = parse_text(text, "fans.txt")
    assert unaccounted(text, plan) == []
    got = [(a.owner, a.target, a.due) for a in plan.recommendations[0].actions]
    assert got == [("Estates Partner", "Complete", "complete"), ("Head of Catering", "2026", None)]
