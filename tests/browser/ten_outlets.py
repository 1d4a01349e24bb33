"""A story of ten outlets written straight into the database, for the grid's browser tests.

The pipeline is not run (it has its own tests, and ten articles take seconds to align): the
rows come from claim groups laid out as the pipeline stores them. Twelve statements shared by
two to ten outlets, each outlet's own statements between them, one figure that two outlets
give differently (120 mph, more than 100 mph) and one credit to two different people.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from newsdiff.articles.models import Article, Claim, ClaimGroup, Outlet, Story
from newsdiff.textcore.figures import find_figures

OUTLETS = (
    "Detroit Free Press",
    "Fox News",
    "NBC News",
    "The New York Times",
    "USA Today",
    "The Age",
    "CNN",
    "AccountingWEB",
    "Voices",
    "Reuters",
)
SHARED = 12
FILLER = (
    "according to the account given at the arraignment on Wednesday, which the reporters in the "
    "courtroom followed closely while relatives of the victims waited outside the building"
)


def outlet_names(count: int) -> tuple[str, ...]:
    """The ten names, then made-up regional papers with long names (labels get cut)."""
    extra = (f"The Regional Daily Tribune number {n}" for n in range(11, count + 1))
    return (OUTLETS + tuple(extra))[:count]


def shared_by(statement: int, outlets: int = len(OUTLETS)) -> list[int]:
    """The outlets (by column) that carry shared statement `statement`: all of them for the
    first, then runs of two to nine."""
    if statement == 0:
        return list(range(outlets))
    count = 2 + statement % 8
    return [(statement + n) % outlets for n in range(count)]


def shared_text(statement: int, outlet: int) -> tuple[str, str]:
    """One outlet's wording of a shared statement, and whom it credits."""
    if statement == 1:
        speed = "120 mph" if outlet % 2 else "more than 100 mph"
        return f"The chase on Interstate 75 reached {speed} before the car was stopped.", ""
    if statement == 2:
        speaker = "Gerry Scherlinck" if outlet % 2 else "Charles Craft"
        return f"The gunman walked past the receptionist, {speaker} said.", speaker
    return f"Shared statement {statement} as {_name(outlet)} puts it, {FILLER}.", ""


def own_text(statement: int, outlet: int, n: int) -> str:
    return f"Only {_name(outlet)} reports detail {statement}.{n} of the office shooting."


def _name(outlet: int) -> str:
    return outlet_names(outlet + 1)[outlet]


def ten_outlet_story(title: str = "Troy office shooting", outlets: int = len(OUTLETS)) -> Story:
    story = Story.objects.create(title=title)
    groups = [ClaimGroup.objects.create(story=story, position=n) for n in range(SHARED)]
    for column, name in enumerate(outlet_names(outlets)):
        outlet, _ = Outlet.objects.get_or_create(name=name)
        sentences: list[tuple[str, str, int | None]] = []
        for statement in range(SHARED):
            if column in shared_by(statement, outlets):
                text, speaker = shared_text(statement, column)
                sentences.append((text, speaker, statement))
            if (statement + column) % 3 == 0:
                sentences += [(own_text(statement, column, n), "", None) for n in (1, 2)]
        _article(story, outlet, column, sentences, groups)
    return story


def _article(
    story: Story,
    outlet: Outlet,
    column: int,
    sentences: list[tuple[str, str, int | None]],
    groups: list[ClaimGroup],
) -> Article:
    text = " ".join(sentence for sentence, _, _ in sentences)
    article = Article.objects.create(
        story=story,
        outlet=outlet,
        position=column,
        title=f"{outlet.name}: fired accountant opens fire at his old office",
        raw=text,
        text=text,
        blocks=[[text, "body", ""]],
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    start = 0
    for position, (sentence, speaker, statement) in enumerate(sentences):
        figures = [asdict(figure) for figure in find_figures(sentence)]
        claim = Claim.objects.create(
            article=article,
            position=position,
            text=sentence,
            start=start,
            end=start + len(sentence),
            speaker=speaker,
            figures=figures,
        )
        start += len(sentence) + 1
        if statement is not None:
            groups[statement].claims.add(claim)
    return article
