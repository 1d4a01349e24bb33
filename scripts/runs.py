"""What the load and fault runs share: databases to run on, upload texts, checks, tables."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from scripts.stack import ROOT

SEEDS = ROOT / "seeds"
PLACES = ("Kyiv", "Seoul", "Berlin", "Warsaw", "Tokyo", "Vilnius", "Helsinki", "Prague")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
RUN_USER, RUN_PASSWORD = "run-editor", "run-editor-password-2026"


def database_url(kind: str, name: str) -> str:
    """A fresh, empty database of this kind ("sqlite" or "postgres") for one run."""
    if kind == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix=f"newsdiff-{name}-"))
        return f"sqlite:///{folder / 'db.sqlite3'}"
    if kind == "postgres":
        return _fresh_postgres(name)
    raise ValueError(f"unknown database {kind!r}: use sqlite or postgres")


def _fresh_postgres(name: str) -> str:
    """Start the loopback server (scripts/postgres.sh) if needed; drop and create `name`."""
    server = os.environ.get("NEWSDIFF_PG_SERVER_URL")
    if not server:
        started = subprocess.run(
            ["bash", str(ROOT / "scripts/postgres.sh"), "start"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        server = started.stdout.strip().splitlines()[-1]
    import psycopg

    admin = server.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + f"/{name}"


def django_for(url: str) -> None:
    """Set this process's Django up on the run's database, to check what the stack stored."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ.setdefault("DEBUG", "1")  # this checking process needs no production key
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def upload_text(seeds: Sequence[str], n: int) -> tuple[str, str]:
    """A new article (a seed with two sentences only it has) and its marker sentence."""
    place, day = PLACES[n % len(PLACES)], DAYS[n % len(DAYS)]
    marker = f"Officials in {place} confirmed measure number {n} of the review on {day}."
    extra = f"The review, the officials said, lists {n + 3} further steps for the coming months."
    paragraphs = seeds[n % len(seeds)].strip().split("\n\n")
    # In the body (after the headline and first paragraph): a tail would be cleaned away.
    return "\n\n".join([*paragraphs[:2], marker, extra, *paragraphs[2:]]) + "\n", marker


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = math.ceil(q / 100 * len(ordered))  # nearest rank: 1-based
    return ordered[max(0, min(len(ordered), rank) - 1)]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table, columns right-aligned except the first."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        first, *rest = row
        return " | ".join(
            [first.ljust(widths[0]), *(v.rjust(w) for v, w in zip(rest, widths[1:], strict=True))]
        )

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def stored_state(markers: dict[str, str]) -> dict[str, int]:
    """Invariants of what the stack stored, counted (Django must be set up on its database).

    `markers` maps each upload's marker sentence to what the client saw: "accepted" (302),
    "duplicate" (accepted, the same text as an earlier upload) or "unknown" (the request died).
    """
    from django.db.models import Count

    from newsdiff.articles.models import Article, Claim, IngestJob, Story

    found = {marker: Article.objects.filter(raw__contains=marker).count() for marker in markers}
    failed = {marker for marker in markers if _job_failed(marker)}
    ready_claims = Claim.objects.all()
    by_text = Article.objects.values("story", "content_hash").annotate(n=Count("pk"))
    return {
        "accepted": sum(seen != "unknown" for seen in markers.values()),
        "stored": sum(1 for n in found.values() if n == 1),
        "failed": len(failed),
        "lost": sum(
            1
            for m, seen in markers.items()
            if seen != "unknown" and not found[m] and m not in failed
        ),
        "duplicated": sum(1 for n in found.values() if n > 1) + by_text.filter(n__gt=1).count(),
        "partial": Article.objects.filter(claims__isnull=True).count(),
        "unaligned": ready_claims.filter(embedding__isnull=True)
        .values("article__story")
        .distinct()
        .count(),
        "unfinished jobs": IngestJob.objects.unfinished().count(),
        "failed without reason": IngestJob.objects.filter(status="failed", message="").count(),
        "stories": Story.objects.count(),
        "articles": Article.objects.count(),
    }


def _job_failed(marker: str) -> bool:
    from newsdiff.articles.models import IngestJob

    return IngestJob.objects.filter(raw__contains=marker, status="failed").exists() and not (
        IngestJob.objects.filter(raw__contains=marker, status="done").exists()
    )


def alignment_is_current() -> tuple[int, int]:
    """(stories whose stored matches equal a fresh alignment of their claims, stories checked)."""
    import numpy as np

    from newsdiff.articles import mapping
    from newsdiff.articles.models import Story
    from newsdiff.textcore.pipeline import align_articles

    current = checked = 0
    for story in Story.objects.all():
        articles = list(story.articles.order_by("position", "id"))
        rows = [list(article.claims.order_by("position")) for article in articles]
        if any(claim.embedding is None for claims in rows for claim in claims):
            checked += 1
            continue
        vectors = [
            np.vstack([mapping.vector_from_bytes(c.embedding) for c in claims])
            if claims
            else np.zeros((0, mapping.EMBEDDING_SIZE), dtype=mapping.EMBEDDING_DTYPE)
            for claims in rows
        ]
        alignment = align_articles(
            [[mapping.core_claim(c) for c in claims] for claims in rows], vectors
        )
        fresh = {
            tuple(sorted((rows[m.a.article][m.a.claim].pk, rows[m.b.article][m.b.claim].pk)))
            for m in alignment.matches
        }
        stored = {tuple(sorted(pair)) for pair in story.matches.values_list("a_id", "b_id")}
        current += fresh == stored
        checked += 1
    return current, checked
