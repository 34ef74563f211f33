"""A recommendation's action, owner and target cells -> lead-ins and actions.

The steps, in order:

1. A target cell wrapped over two lines ("December" / "2026") is joined.
2. Lines are glued into blocks where the export broke a cell: a line that
   starts in lower case, or follows text with no closing full stop, continues
   the block above (with no owner or target of its own, or the same ones
   repeated, or, in lower case, even with others: then the block holds several).
3. Each block is cut into lead-ins ("... will improve X by:") and actions;
   numbered steps split an action, and so do bullets under a lead-in.
4. A block's stacked or several targets are shared out in order; where there
   are more targets than actions, the text is cut at the sentence nearest each
   target's line (a sentence that leans on the one before stays with it).
5. Under a lead-in, the steps form a group: an owner cell printed over several
   lines is folded into one group owner, steps with no owner inherit it, and a
   step with no target takes its neighbour's (a merged or misaligned cell).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from checker.dates.grammar import Due
from checker.dates.targets import join_wrapped, normalise_target, split_stacked, split_targets
from checker.models import Action, LeadIn, OwnerSource, Unplaced
from checker.parse.grid import ends_sentence
from checker.parse.pieces import Piece, Run, is_note, plain
from checker.parse.table import ActionLine
from checker.parse.text_units import (
    BULLET_START,
    STEP_START,
    bullets,
    elaborates,
    is_leadin,
    missing_period_starts,
    sentence_starts,
    steps,
)
from checker.readers import PARAGRAPH

_ORG_TAILS = frozenset(
    "trust service services team unit board group partnership foundation provider providers "
    "council authority commissioners commissioning".split()
)


@dataclass
class Token:
    """One target read from a target cell, with where it stands."""

    due: Due
    run: Run
    anchor: int  # offset in the block text where the line carrying it ends


@dataclass
class Line:
    text: Piece | None
    owner: Run
    target: Run
    aligned: bool = False  # fixed-width text: a row's owner and target open on its first line


@dataclass
class Unit:
    kind: str  # "leadin" | "action"
    run: Run
    step: Run = field(default_factory=Run)
    owner: Run = field(default_factory=Run)
    owner_source: OwnerSource = "none"
    own_owner: Run = field(default_factory=Run)
    tokens: list[Token] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_UNFINISHED = re.compile(r"(?:[&/,+–-]|\band|\bto|\bor)\s*$", re.IGNORECASE)


def _join_wrapped_targets(raw: list[ActionLine]) -> list[Line]:
    lines = [
        Line(
            a.text,
            Run([a.owner] if a.owner else []),
            Run([a.target] if a.target else []),
            a.aligned,
        )
        for a in raw
    ]
    for i in range(len(lines) - 1):
        a, b = lines[i].target, lines[i + 1].target
        if _new_step(lines[i], lines[i + 1]):
            continue  # "January 26" above a step of its own whose target is "2027"
        # a date wrapped in two ("December" / "2026"), or a cell left unfinished on a
        # joining word ("Complete &" / "ongoing")
        if a and b and (join_wrapped(a.text, b.text) or _UNFINISHED.search(a.text)):
            lines[i].target = a + b
            lines[i + 1].target = Run()
    return lines


def _new_step(line: Line, after: Line) -> bool:
    """Does the line after open a step of its own: text that starts a sentence after a
    line whose text ended one? Its target is then its own, not the tail of this one's."""
    if line.text is None or after.text is None:
        return False
    text, prev = after.text.text.strip(), line.text.text.strip()
    return bool(text and prev) and text[0].isupper() and ends_sentence(prev)


def _continues(block: list[Line], line: Line) -> bool:
    assert line.text is not None
    text = line.text.text
    prev = " ".join(ln.text.text for ln in block if ln.text)
    if not prev or STEP_START.match(text) or BULLET_START.match(text):
        return False
    lower = text[:1].islower()
    if not (lower or not ends_sentence(prev)):
        return False
    if lower or not (line.owner or line.target):
        return True
    first = next((ln.text.text for ln in block if ln.text), "")
    if BULLET_START.match(first) and not bullets(prev[1:]):
        # a bulleted item whose every item carries its mark: an unmarked line carries it on
        return True
    if bullets(prev):  # a bulleted list's last item often has no full stop
        return False
    last_owner = next((ln.owner.text for ln in reversed(block) if ln.owner), "")
    last_target = next((ln.target.text for ln in reversed(block) if ln.target), "")
    same_owner = line.owner.text in ("", last_owner) or (
        bool(last_owner)
        and (
            _continues_owner(last_owner, line.owner.text)
            # in fixed-width text a new row opens its owner beside its text's first line;
            # beside an unfinished line the owner cell is only wrapping ("Business Hub" / "Manager")
            or (line.aligned and not line.target)
        )
    )  # the owner cell wrapped beside the wrapped text: "Head of Healthcare" / "(Provider)"
    return same_owner and line.target.text in ("", last_target)


def blocks_of(raw: list[ActionLine], rows_known: bool = False) -> list[list[Line]]:
    """Lines glued into blocks where the export broke a cell; never, where rows are known,
    a line with text of its own (a Word or spreadsheet row is a row)."""
    blocks: list[list[Line]] = []
    for line in _join_wrapped_targets(raw):
        joins = line.text is None or (not rows_known and blocks and _continues(blocks[-1], line))
        if joins and blocks:
            blocks[-1].append(line)
            continue
        blocks.append([line])
    return blocks


def _segments(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) for lead-ins and the bodies between them."""
    bounds = [0, *sentence_starts(text, colons=True), len(text)]
    out: list[tuple[str, int, int]] = []
    body_start = 0
    for a, b in itertools.pairwise(bounds):
        if is_leadin(text[a:b]):
            if text[body_start:a].strip():
                out.append(("action", body_start, a))
            out.append(("leadin", a, b))
            body_start = b
    if text[body_start:].strip():
        out.append(("action", body_start, len(text)))
    return out


def _split_steps(run: Run, start: int, end: int, after_leadin: bool) -> list[Unit]:
    text = run.text[start:end]
    marks = [(s, b, "") for s, b, _n in steps(text)]
    if not marks and (after_leadin or BULLET_START.match(text)):
        # a cell that is a bulleted list holds one action per bullet; bullets after a
        # sentence of the action's own are items of that sentence
        marks = [(s, b, "") for s, b in bullets(text)]
    if not marks:
        return [Unit("action", run.slice(start, end))]
    units: list[Unit] = []
    if text[: marks[0][0]].strip():
        units.append(Unit("action", run.slice(start, start + marks[0][0])))
    for i, (s, b, _) in enumerate(marks):
        e = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        units.append(
            Unit("action", run.slice(start + b, start + e), step=run.slice(start + s, start + b))
        )
    return units


def _tokens(block: list[Line], run: Run) -> list[Token]:
    """The block's targets in order, each anchored at the end of its line's text."""
    ends = iter(run.piece_ends())
    anchor = 0
    tokens: list[Token] = []
    for line in block:
        if line.text is not None:
            anchor = next(ends, anchor)
        if not line.target:
            continue
        for due, piece_run in _targets_of(line.target):
            if tokens and tokens[-1].due.text == due.text and tokens[-1].anchor != anchor:
                tokens[-1] = Token(tokens[-1].due, tokens[-1].run + piece_run, anchor)
                continue
            tokens.append(Token(due, piece_run, anchor))
    return tokens


def _targets_of(cell: Run) -> list[tuple[Due, Run]]:
    """The targets of one target cell: each paragraph on its own, where a reader marked them."""
    out: list[tuple[Due, Run]] = []
    for a, b in cell.paragraphs():
        part = cell.slice(a, b)
        out.extend((due, part.slice(due.start, due.end)) for due in split_targets(part.text))
    return out


def _cuts(text: str, lo: int, hi: int, anchors: list[int]) -> list[int] | None:
    """Cut text[lo:hi] at len(anchors) sentence starts, each near its anchor."""
    cands = [s for s in sentence_starts(text) if lo < s < hi]
    if len(cands) < len(anchors):
        cands = sorted(set(cands) | {s for s in missing_period_starts(text) if lo < s < hi})
    if len(cands) < len(anchors):
        return None
    cuts: list[int] = []
    for j, anchor in enumerate(anchors):
        room = len(anchors) - j - 1
        usable = [c for c in cands if (not cuts or c > cuts[-1])]
        usable = usable[: len(usable) - room] if room else usable
        best = min(usable, key=lambda c: abs(c - anchor) + (1000 if elaborates(text, c) else 0))
        cuts.append(best)
    return cuts


def _share_targets(units: list[Unit], tokens: list[Token], run: Run) -> list[Unit]:
    actions = [u for u in units if u.kind == "action"]
    if tokens and not actions:
        for u in units:  # a lead-in row's own date: its steps with none inherit it
            if u.kind == "leadin":
                u.tokens = list(tokens)
        return units
    if not tokens:
        return units
    if len(tokens) == 1:
        for u in actions:
            u.tokens = [tokens[0]]
        return units
    if len(actions) == 1 and len(tokens) > 1:
        units = _split_by_targets(units, actions[0], tokens, run)
        actions = [u for u in units if u.kind == "action"]
        if len(actions) == 1:
            actions[0].tokens = list(tokens)
            actions[0].notes.append("stacked-target-unsplit")
            return units
    if len(actions) == len(tokens):
        for u, t in zip(actions, tokens, strict=True):
            u.tokens = [t]
        return units
    for u in actions:  # fewer or more targets than actions: the target beside the text
        start = run.text.find(u.run.text[:20]) if u.run else 0
        u.tokens = [next((t for t in tokens if t.anchor > start), tokens[-1])]
        u.notes.append("target-misaligned")
    return units


def _stacked_tokens(tokens: list[Token], count: int) -> list[Token] | None:
    """The tokens cut into ``count``, where one of them folds a stacked cell with a bare
    year ("Complete 2026" beside two steps: ``split_stacked``)."""
    for k, token in enumerate(tokens):
        want = count - (len(tokens) - 1)
        dues = split_stacked(token.run.text, want)
        if dues is not None:
            cut = [Token(d, token.run.slice(d.start, d.end), token.anchor) for d in dues]
            return [*tokens[:k], *cut, *tokens[k + 1 :]]
    return None


def _split_by_targets(units: list[Unit], unit: Unit, tokens: list[Token], run: Run) -> list[Unit]:
    lo = run.text.find(unit.run.text) if unit.run else -1
    if lo < 0:
        return units
    hi = lo + len(unit.run.text)
    if len({t.anchor for t in tokens}) == len(tokens):
        anchors = [t.anchor for t in tokens[:-1]]
    else:
        anchors = [lo + (hi - lo) * (j + 1) // len(tokens) for j in range(len(tokens) - 1)]
    cuts = _cuts(run.text, lo, hi, anchors)
    if cuts is None:
        return units
    edges = [lo, *cuts, hi]
    pieces = [run.slice(a, b) for a, b in itertools.pairwise(edges)]
    new: list[Unit] = []
    for u in units:
        if u is not unit:
            new.append(u)
            continue
        for j, (part, token) in enumerate(zip(pieces, tokens, strict=True)):
            nu = Unit("action", part, step=unit.step if j == 0 else Run(), tokens=[token])
            nu.notes.append("split-by-target")
            new.append(nu)
    return new


def units_of_block(block: list[Line], in_group: bool) -> tuple[list[Unit], list[Run]]:
    """The lead-ins and actions of one block, and any owner or target cell left with no text."""
    run = Run([ln.text for ln in block if ln.text is not None])
    owner = _fold_all([ln.owner for ln in block if ln.owner])
    tokens = _tokens(block, run)
    if not run:
        return [], [r for r in (owner, *(t.run for t in tokens)) if r]
    units: list[Unit] = []
    after_leadin = in_group
    for kind, a, b in _segments(run.text):
        if kind == "leadin":
            units.append(Unit("leadin", run.slice(a, b)))
            after_leadin = True
        else:
            units.extend(_split_steps(run, a, b, after_leadin))
    if not units:
        units.append(Unit("action", run))
    steps_count = sum(u.kind == "action" for u in units)
    if tokens and len(tokens) < steps_count:
        tokens = _stacked_tokens(tokens, steps_count) or tokens
    units = _share_targets(units, tokens, run)
    for u in units:  # an action whose text the export split over lines, joined again
        if u.kind == "action" and len({p.line for p in u.run.pieces}) > 1:
            u.notes.append("joined-lines")
            # joined though the next line opened on a capital: a guess, said aloud
            if any(p.text[:1].isupper() for p in u.run.pieces[1:]):
                u.notes.append("joined-unsure")
    leftovers = _unused_tokens(units, tokens)
    stacked = _stacked_owners(owner, units)
    for i, u in enumerate(units):
        if u.kind == "leadin" and i > 0:
            continue  # a lead-in after an action: the owner cell belongs to that action
        u.own_owner = stacked.pop(0) if stacked else owner
    return units, leftovers


def _stacked_owners(owner: Run, units: list[Unit]) -> list[Run]:
    """One owner per step where the owner cell prints one paragraph per step, else [].

    Where an export folded the cell's paragraphs into one line ("Head of Safety Head of
    Healthcare (Provider)" beside two bullets), the owners are cut apart where a new role
    plainly begins, if that gives exactly one owner per bullet."""
    if len(units) < 2 or any(u.kind != "action" for u in units):
        return []
    parts = owner.paragraphs()
    if len(parts) < 2 and all(_bulleted(u) for u in units):
        parts = _folded_owners(owner.text, len(units))
    if len(parts) != len(units):
        return []
    return [owner.slice(a, b) for a, b in parts]


# where a folded owner cell starts its next owner: after a bracket closes, or at a role
# word that opens a title, when nothing joins it to the owner before ("/", "&", "and")
_OWNER_CUT = re.compile(
    r"(?<=\)) (?=[A-Z])|(?<=[a-z]) (?=(?:Head|Deputy|Director|Governor|Chief|Assistant|"
    r"Senior|Lead|Regional|National|Prison Group)\b)"
)


# nothing starts after a joining word, or inside a title ("Deputy Governor", "Head of ...")
_JOINED = re.compile(
    r"(?:/|&|,|\b(?:and|or|of|the|to|for|Deputy|Assistant|Senior|Chief|Lead|Regional|"
    r"National|Prison|Group))\s*$"
)


def _folded_owners(text: str, n: int) -> list[tuple[int, int]]:
    """(start, end) of n owners in one folded owner cell, or [] where no single cut fits."""
    cuts = [m.start() for m in _OWNER_CUT.finditer(text)]
    cuts = [c for c in cuts if not _JOINED.search(text[:c])]
    if len(cuts) != n - 1:
        return []
    bounds = [0, *cuts, len(text)]
    return [(bounds[k], bounds[k + 1]) for k in range(n)]


def _unused_tokens(units: list[Unit], tokens: list[Token]) -> list[Run]:
    """Targets no action took go to the last action as extra stacked targets, else nowhere."""
    used = {id(t) for u in units for t in u.tokens}
    unused = [t for t in tokens if id(t) not in used]
    actions = [u for u in units if u.kind == "action"]
    if unused and actions:
        actions[-1].tokens.extend(unused)
        actions[-1].notes.append("extra-target")
        return []
    return [t.run for t in unused]


def _continues_owner(prev: str, frag: str) -> bool:
    words = frag.split()
    if not words:
        return False
    first = words[0]
    if (
        first[:1].islower()
        or first.lower() in ("and", "&", "of", "for")
        or first.startswith(("(", "-", "–"))
    ):
        return True
    if prev.rstrip().endswith((" and", "&", ",", " of", " for", "-", "–", "/")):
        return True
    if prev.count("(") > prev.count(")"):
        return True  # "Head of Healthcare (Practice Plus" / "Group)"
    said = prev.split()
    if len(said) >= 2 and said[-2].lower() == "of" and said[-1].endswith("ing"):
        return True  # "Head of Reducing" / "Reoffending": a title does not end on "of -ing"
    tail = first.lower().strip("().,;")
    return tail in _ORG_TAILS and len(prev.split()) >= 2  # "Community Accommodation" / "Service"


def _fold_all(owners: list[Run]) -> Run:
    """Owner pieces of one block, in order (``owner_text`` says a repeat once)."""
    return Run([p for o in owners for p in o.pieces])


def owner_text(run: Run) -> str | None:
    """The owner as printed, with repeats of a split row said once."""
    if not run:
        return None
    seen: list[str] = []
    for p in run.pieces:
        if seen and p.text == seen[-1]:
            continue
        seen.append(p.text)
    return re.sub(r"\s+", " ", " ".join(seen)).strip()


def apply_groups(units: list[Unit]) -> None:
    """Owner and target inheritance under each lead-in (step 5 of the module docstring)."""
    for u in units:
        if u.kind == "action" and u.own_owner:
            u.owner, u.owner_source = u.own_owner, "own"
    i = 0
    while i < len(units):
        if units[i].kind != "leadin":
            i += 1
            continue
        j = i + 1
        while j < len(units) and units[j].kind != "leadin":
            j += 1
        _group(units[i], units[i + 1 : j])
        i = j


def _group(leadin: Unit, members: list[Unit]) -> None:
    chain = leadin.own_owner
    chained: list[Unit] = []
    for u in members:
        frag = u.own_owner
        if not frag:
            continue
        if chain and frag.pieces[0] in chain.pieces:  # the lead-in's own cell, shared
            chained.append(u)
        elif chain and _continues_owner(chain.text, frag.text):
            chain = chain + frag
            chained.append(u)
        elif not chain:  # no lead-in owner: this may open an owner cell wrapped over steps
            chain = frag
            chained.append(u)
        else:
            break  # a distinct owner of its own: the wrapped cell is over
    if not leadin.own_owner and len(chain.pieces) < 2:
        chain, chained = Run(), []  # one owner on one step is that step's own
    leadin.owner = chain
    for u in members:
        if u in chained or (not u.own_owner and chain):
            source: OwnerSource = "group" if u in chained else "lead-in"
            u.owner, u.owner_source = chain, source
    _borrow_targets(leadin, members)


def share_bullet_cells(units: list[Unit], gaps: AbstractSet[int] = frozenset()) -> None:
    """Owners and targets of bulleted items in a text export, where a cell's lines fold.

    A Word cell of bullets prints its owner once at the top (or one per bullet) and
    its targets one per bullet, but a text export cannot show where a cell ends, and
    the owner and target lines fall beside whichever bullet they reach. Read in order,
    an owner line that carries on the one above (``(Provider)``, ``Skills and Work``
    after a comma) belongs to it, a bullet with no owner of its own is in the cell of
    the bullet above, and a cell with as many targets as bullets gives one to each.
    A line with no action text above an item (``gaps``) ends the row before it, and a
    row's one target is each of its bullets'.
    """
    marked = [u.kind == "action" and _bulleted(u) for u in units]
    cells: list[tuple[Run, list[Unit]]] = []
    for u, bulleted in zip(units, marked, strict=True):
        if u.kind != "action" or not bulleted:
            if u.kind == "leadin":
                break  # bullets under a lead-in are its steps: apply_groups reads them
            cells.append((Run(), []))
            continue
        pieces = list(u.own_owner.pieces)
        if cells and cells[-1][1] and pieces:
            chain = cells[-1][0]
            while pieces and chain and _continues_owner(chain.text, pieces[0].text):
                chain = chain + Run([pieces.pop(0)])
            cells[-1] = (chain, cells[-1][1])
        if pieces or not cells or not cells[-1][1] or _opens_row(u, gaps):
            cells.append((Run(pieces), [u]))
        else:
            cells[-1][1].append(u)
    for owner, members in cells:
        if len(members) < 2 and not (members and owner != members[0].own_owner):
            continue
        for u in members:
            u.own_owner = owner
        tokens = [t for u in members for t in u.tokens]
        if len(set(map(id, tokens))) == len(members) and len(tokens) == len(members):
            for u, t in zip(members, tokens, strict=True):
                if u.tokens != [t]:
                    u.tokens = [t]
                    u.notes = [n for n in u.notes if n != "stacked-target-unsplit"]
                    u.notes.append("target-stacked-in-cell")
    # one target beside a row's bullets is the whole cell's: each bullet's; a row's
    # target cell that stacks one target per bullet gives one to each, though the
    # wrapped lines of a bullet's text pushed the next target beside it
    for row in _rows_of_bullets(units, marked, gaps):
        tokens = list({id(t): t for u in row for t in u.tokens}.values())
        if len(row) > 1 and len(tokens) == len(row) and any(len(u.tokens) != 1 for u in row):
            for u, t in zip(row, tokens, strict=True):
                u.tokens = [t]
                u.notes = [n for n in u.notes if n != "stacked-target-unsplit"]
                u.notes.append("target-stacked-in-cell")
        elif len(row) > 1 and len(tokens) == 1:
            for u in row:
                if not u.tokens:
                    u.tokens = [tokens[0]]
                    u.notes.append("target-of-cell")


def _rows_of_bullets(
    units: list[Unit], marked: list[bool], gaps: AbstractSet[int]
) -> list[list[Unit]]:
    """Runs of bullets, cut where a row ends (a gap in the action column, or a non-bullet)."""
    rows: list[list[Unit]] = []
    current: list[Unit] = []
    for u, bulleted in zip(units, marked, strict=True):
        if u.kind != "action" or not bulleted or _opens_row(u, gaps):
            if current:
                rows.append(current)
            current = [u] if u.kind == "action" and bulleted else []
            continue
        current.append(u)
    if current:
        rows.append(current)
    return rows


def _opens_row(u: Unit, gaps: AbstractSet[int]) -> bool:
    return bool(u.run.pieces) and u.run.pieces[0].line in gaps


def _bulleted(u: Unit) -> bool:
    return bool(BULLET_START.match(u.step.text if u.step else u.run.text))


def _borrow_targets(leadin: Unit, members: list[Unit]) -> None:
    for k, u in enumerate(members):
        if u.tokens:
            continue
        if leadin.tokens:  # SMART.md: a lead-in's date is inherited by steps with none
            u.tokens = [leadin.tokens[-1]]
            u.notes.append("target-from-lead-in")
            continue
        after = next((m for m in members[k + 1 :] if m.tokens), None)
        before = next((m for m in reversed(members[:k]) if m.tokens), None)
        if after is not None:
            u.tokens = [after.tokens[0]]
            u.notes.append("target-from-next-step")
        elif before is not None:
            u.tokens = [before.tokens[-1]]
            u.notes.append("target-from-previous-step")


# a partial or negative category ("Partly Agreed", "Not accepted", "Rejected")
_NOT_WHOLLY = (
    r"^\s*(?:(?:partly|partially|not)\s+(?:agreed|accepted)|rejected|agreed\s+in\s+principle)"
)
# printed at the head of the response cell ("Partly Agreed. We cannot ..."), or in a column
# of its own
_RATIONALE = re.compile(_NOT_WHOLLY + r"\s*[.:;–-]", re.IGNORECASE)
_NOT_WHOLLY_CATEGORY = re.compile(_NOT_WHOLLY + r"\b", re.IGNORECASE)


def _bare_text(block: list[Line]) -> Run | None:
    """The block's text when it has no owner or target cell of its own, else None."""
    if any(ln.owner or ln.target for ln in block):
        return None
    return Run([ln.text for ln in block if ln.text is not None]) or None


def rationale_of(
    block: list[Line], carries_on: bool = False, negative: bool = False
) -> tuple[Run, Run] | None:
    """A block that opens on its own partial or negative category ("Partly Agreed. We cannot
    ...") and has no target: the reason for the category, not an action. With
    ``carries_on`` (a rationale came just before, and no action yet), any such block with
    no owner either is that rationale's cell carried on over lines the export broke at a
    full stop. With ``negative`` (the category, in a column of its own, is partial or
    negative), a first block with neither owner nor target is the reason too. Gives the
    rationale and any owner cell beside it (who gave the reason), which the caller
    reports: a rationale has no owner."""
    if any(ln.target for ln in block):
        return None
    run = Run([ln.text for ln in block if ln.text is not None])
    if not run:
        return None
    owner = _fold_all([ln.owner for ln in block if ln.owner])
    if _RATIONALE.match(run.text) or ((carries_on or negative) and not owner):
        return run, owner
    return None


_NOTE = re.compile(r"\[[^\[\]]{2,}\]\s*$")


def _drafting_notes(block: list[Line]) -> tuple[list[Line], list[Run]]:
    """Notes to self in square brackets ("[check with HR]"), taken out of the block: a
    block that is only such a note, or a note that is the last paragraph of a cell."""
    bare = _bare_text(block)
    if bare is not None and is_note(bare.text):
        return [], [bare]
    notes: list[Run] = []
    for line in block:
        piece = line.text
        m = _NOTE.search(piece.text) if piece is not None else None
        if piece is None or m is None or not is_note(m.group()):
            continue
        if not piece.text[: m.start()].rstrip(" ").endswith(PARAGRAPH):
            continue  # "[sic]" or "(see [3])" inside a sentence is the plan's own text
        note = piece.sub(m.start(), m.end())
        if note is not None:
            line.text = piece.sub(0, m.start())
            notes.append(Run([note]))
    return block, notes


def build(
    raw: list[ActionLine],
    rec_id: str,
    rows_known: bool = False,
    gaps: AbstractSet[int] = frozenset(),
    category: str = "",
) -> tuple[list[LeadIn], list[Action], list[Unplaced], Run]:
    """Lead-ins, actions, unplaced cells and the category's rationale of one recommendation.

    ``gaps`` are the fixed-width lines an empty line stands above: where a row may end.
    ``category`` is the text of the response's category column, if the plan has one."""
    negative = bool(_NOT_WHOLLY_CATEGORY.match(category))
    units: list[Unit] = []
    unplaced: list[Unplaced] = []
    rationale = Run()
    in_group = False
    for block in blocks_of(raw, rows_known):
        block, notes = _drafting_notes(block)
        for note in notes:
            reason = "a note in square brackets: drafting residue, not read as an action"
            unplaced.append(
                Unplaced(
                    kind="drafting-note", text=note.folded(), spans=note.spans(), reason=reason
                )
            )
        if not block:
            continue
        said = rationale_of(block, bool(rationale), negative) if not units else None
        if said is not None:
            rationale = rationale + said[0]
            if said[1]:
                reason = "an owner cell beside the category's rationale, which is not an action"
                unplaced.append(
                    Unplaced(
                        kind="unassigned",
                        text=said[1].folded(),
                        spans=said[1].spans(),
                        reason=reason,
                    )
                )
            continue
        block_units, leftovers = units_of_block(block, in_group)
        in_group = in_group or any(u.kind == "leadin" for u in block_units)
        units.extend(block_units)
        for run in leftovers:
            reason = "an owner or target cell with no action text beside it"
            unplaced.append(
                Unplaced(kind="unassigned", text=run.folded(), spans=run.spans(), reason=reason)
            )
    if any(line.aligned for line in raw):
        share_bullet_cells(units, gaps)
    apply_groups(units)
    leadins = [
        LeadIn(
            text=plain(u.run.text),
            spans=u.run.spans(),
            owner=owner_text(u.owner),
            owner_spans=u.owner.spans(),
            target=" ".join(t.due.text for t in u.tokens) or None,
            target_spans=tuple(s for t in u.tokens for s in t.run.spans()),
        )
        for u in units
        if u.kind == "leadin"
    ]
    numbered = enumerate((u for u in units if u.kind == "action"), start=1)
    actions = [_action(u, f"{rec_id}.A{n}") for n, u in numbered]
    return leadins, actions, unplaced, rationale


def _action(u: Unit, ident: str) -> Action:
    target_run = Run([p for t in u.tokens for p in t.run.pieces])
    target = " ".join(t.due.text for t in u.tokens) if u.tokens else None
    due = u.tokens[0].due if len(u.tokens) == 1 else None
    if due is None and target is not None and len({s.line for s in target_run.spans()}) == 1:
        # several targets on one line of one step's cell: one reading where that is
        # unambiguous ("Completed April 2026" is completed, "June 2026 and monthly
        # thereafter" June 2026); targets stacked on lines of their own stay unread
        whole = normalise_target(target)
        due = whole if whole.status != "unrecognised" else None
    return Action(
        id=ident,
        text=plain(u.run.text),
        spans=u.run.spans(),
        step=u.step.text.rstrip(".)").strip() or None if u.step else None,
        step_spans=u.step.spans(),
        owner=owner_text(u.owner),
        owner_spans=u.owner.spans(),
        owner_source=u.owner_source if u.owner else "none",
        target=target,
        target_spans=target_run.spans(),
        due=due.value if due else None,
        due_status=due.status if due else ("unrecognised" if u.tokens else "missing"),
        notes=tuple(u.notes),
    )
