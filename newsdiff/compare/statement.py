"""One statement across outlets: each version against a reference version, word by word."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.articles.mapping import core_claim
from newsdiff.articles.models import Claim, ClaimGroup
from newsdiff.compare.difference_text import NamedDifference, named_difference
from newsdiff.textcore.differences import ClaimDifference, compare_claims
from newsdiff.textcore.types import Claim as CoreClaim


@dataclass(frozen=True, slots=True)
class Version:
    claim: Claim
    difference: ClaimDifference | None  # None for the reference itself
    named: NamedDifference | None = None  # the difference told with both outlets' names


@dataclass(frozen=True, slots=True)
class Statement:
    group: ClaimGroup
    reference: Claim
    versions: list[Version]

    @property
    def speakers(self) -> set[str]:
        return {v.claim.speaker for v in self.versions if v.claim.speaker}


def statement_versions(group: ClaimGroup, reference_id: int | None) -> Statement:
    """The group's claims in article order, each compared with the reference claim."""
    claims = sorted(
        group.claims.all(), key=lambda c: (c.article.position, c.article_id, c.position)
    )
    reference = next((c for c in claims if c.pk == reference_id), claims[0])
    base = core_claim(reference)
    versions = [
        Version(c, None) if c == reference else _version(base, reference, c) for c in claims
    ]
    return Statement(group=group, reference=reference, versions=versions)


def _version(base: CoreClaim, reference: Claim, claim: Claim) -> Version:
    difference = compare_claims(base, core_claim(claim))
    named = named_difference(difference, reference.article.label, claim.article.label)
    return Version(claim, difference, named)
