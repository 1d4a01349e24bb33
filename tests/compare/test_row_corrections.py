"""What the statement panel offers editors to correct a row: the "Same as…" choices."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db.models import Q

from newsdiff.articles.models import Claim, ClaimGroup, RowCorrection, Story
from newsdiff.articles.row_editing import row_correction_record
from newsdiff.compare import row_corrections
from newsdiff.compare.row_corrections import ALIKE_LABEL, JoinChoices
from newsdiff.compare.statement import statement_versions

pytestmark = pytest.mark.django_db

FIGHTERS = "estimated 50,000 fighters"


def join_choices(story: Story, row: list[Claim]) -> list[JoinChoices]:
    """What the panel offers the row, given the story's corrections of its claims."""
    ids = {claim.pk for claim in row}
    corrections = list(story.row_corrections.filter(Q(claim_a__in=ids) | Q(claim_b__in=ids)))
    said_apart = row_corrections._said_apart(corrections, ids)
    return row_corrections._join_choices(story, row, said_apart)


def test_a_statement_left_out_of_its_row_is_the_first_choice_offered(seed_story: Story) -> None:
    row = list(
        Claim.objects.get(article__story=seed_story, text__contains=FIGHTERS)
        .groups.get()
        .claims.order_by("article__position")
    )
    left_out, rest = row[-1], row[:-1]
    choices = join_choices(seed_story, rest)
    alike = choices[0]
    assert alike.label == ALIKE_LABEL and alike.of_several_articles
    assert alike.claims[0] == left_out
    assert 1 <= len(alike.claims) <= row_corrections.ALIKE_CHOICES
    # then every statement of the articles the row does not hold, article by article
    articles = [c.claims[0].article for c in choices[1:]]
    assert left_out.article in articles
    assert {claim.article_id for c in choices[1:] for claim in c.claims}.isdisjoint(
        {claim.article_id for claim in rest}
    )


def test_without_vectors_to_compare_only_lists_by_article_are_offered(seed_story: Story) -> None:
    row = list(
        Claim.objects.get(article__story=seed_story, text__contains=FIGHTERS)
        .groups.get()
        .claims.order_by("article__position")
    )
    rest = row[:-1]
    Claim.objects.filter(article__story=seed_story).exclude(pk__in=[c.pk for c in rest]).update(
        embedding=None
    )  # nothing to compare the row with: only the column-order lists
    choices = join_choices(seed_story, rest)
    assert choices and all(c.label != ALIKE_LABEL for c in choices)


def test_a_statement_said_not_to_be_the_same_is_not_offered_as_alike(
    seed_story: Story, django_user_model: type[User]
) -> None:
    row = list(
        Claim.objects.get(article__story=seed_story, text__contains=FIGHTERS)
        .groups.get()
        .claims.order_by("article__position")
    )
    left_out, rest = row[-1], row[:-1]
    editor = django_user_model.objects.create_user("ed")
    row_correction_record(
        story=seed_story,
        kind=RowCorrection.Kind.APART,
        claim_id=left_out.pk,
        other_id=rest[0].pk,
        editor=editor,
    )
    alike = join_choices(seed_story, rest)[0]
    assert alike.label == ALIKE_LABEL
    assert left_out not in alike.claims
    assert any(left_out in c.claims for c in join_choices(seed_story, rest)[1:])


def test_most_alike_statements_whose_row_holds_one_of_the_rows_outlets_are_marked_blocked(
    seed_story: Story,
) -> None:
    """Joining such a statement would put two statements of one article in a row (refused), so
    the panel does not offer it; every other most alike statement stays offered."""
    blocked_seen = 0
    for group in seed_story.groups.all():
        statement = statement_versions(group, None)
        panel = row_corrections.row_panel(statement, editing=True)
        articles = {version.claim.article_id for version in statement.versions}
        alike = panel.join_choices[0] if panel.join_choices else None
        if alike is None or alike.label != ALIKE_LABEL:
            continue
        for claim in alike.claims:
            row = ClaimGroup.objects.filter(claims=claim).first()
            shares = row is not None and row.claims.filter(article__in=articles).exists()
            assert (claim.pk in panel.blocked) == shares, (group.pk, claim.text)
            blocked_seen += shares
    assert blocked_seen >= 1
