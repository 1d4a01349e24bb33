"""Stories, outlets, articles and what the text core found in them (claims, matches, groups)."""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from newsdiff.articles.identity import file_stem


def content_hash(text: str) -> str:
    """The fingerprint that makes ingest idempotent: sha256 of the cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unique_slug(model: type[models.Model], value: str, *, max_length: int = 80) -> str:
    base = slugify(value)[:max_length].strip("-") or "story"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug = f"{base[: max_length - 6]}-{n}"
        n += 1
    return slug


class StoryQuerySet(models.QuerySet["Story"]):
    def with_counts(self) -> StoryQuerySet:
        return self.annotate(
            article_count=Count("articles", distinct=True),
            group_count=Count("groups", distinct=True),
        )


class Story(models.Model):
    title = models.CharField(
        max_length=300, unique=True, error_messages={"unique": "A story with this title exists."}
    )
    slug = models.SlugField(max_length=90, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "title"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.slug:
            self.slug = unique_slug(Story, self.title)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("story-detail", args=[self.slug])


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    class Format(models.TextChoices):
        TEXT = "text", "plain text"
        HTML = "html", "HTML page"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="articles")
    outlet = models.ForeignKey(
        Outlet, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateTimeField(null=True, blank=True)
    author = models.CharField(max_length=300, blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    source_file = models.CharField(
        max_length=1000, blank=True, help_text="The file's name as given, never a server path."
    )
    source_key = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Which source this is (outlet + URL, else external id, else file), hashed; "
        "empty for pasted text without any (articles.identity).",
    )
    title_line = models.TextField(
        blank=True, help_text="The line an editor marked as the headline, if any."
    )
    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Which of title, outlet, published and url an editor set (in the upload form "
        "or with Edit details): a new version of the source leaves them as the editor set them.",
    )
    raw = models.TextField(help_text="The input exactly as received (decoded to text).")
    raw_format = models.CharField(max_length=10, choices=Format.choices, default=Format.TEXT)
    text = models.TextField(help_text="The cleaned body as shown to editors.")
    blocks = models.JSONField(
        default=list,
        blank=True,
        help_text="Every line of the input in order: [text, role, reason] (title/body/removed).",
    )
    content_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["story", "position", "id"]
        constraints = [
            # The same source with the same text is one article; the same text from another
            # source (wire copy) is another article of the story.
            models.UniqueConstraint(
                fields=["story", "source_key", "content_hash"],
                name="article_unique_text_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.title[:60]}"

    def get_absolute_url(self) -> str:
        """Kept once worked out: pages link to an article from every claim (`reverse` is slow)."""
        key = (self.story.slug, self.pk)
        cached = self.__dict__.get("_absolute_url")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_absolute_url"] = (key, reverse("article-detail", args=key))
        return cached[1]

    @property
    def label(self) -> str:
        """How the article is named in columns: its outlet, else its file, else its number."""
        if self.outlet_id:
            return self.outlet.name  # type: ignore[union-attr]
        if self.source_file:
            return file_stem(self.source_file)
        return f"Article {self.position + 1}"


class ArticleVersion(models.Model):
    """One text of an article as seen at one time, numbered from 1; the article itself holds
    the latest (its raw input, cleaned text and claims). Kept when the source changes."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    seen = models.DateTimeField(default=timezone.now)
    raw = models.TextField(help_text="The input exactly as received (decoded to text).")
    raw_format = models.CharField(
        max_length=10, choices=Article.Format.choices, default=Article.Format.TEXT
    )
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(help_text="The cleaned body of this version.")
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="version_unique_number")
        ]

    def __str__(self) -> str:
        return f"version {self.number} of article {self.article_id}"


class OutletRule(models.Model):
    """A line an outlet prints around its articles (learned), or one an editor corrected.

    `remove` lines are cleaned out of the outlet's articles from then on; `keep` lines are
    kept even where a cleaning rule would remove them.
    """

    class Action(models.TextChoices):
        REMOVE = "remove"
        KEEP = "keep"

    class Source(models.TextChoices):
        LEARNED = "learned", "learned from the outlet's articles"
        EDITOR = "editor", "an editor's correction"

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="rules")
    line = models.TextField(help_text="The line, normalised as the cleaner compares lines.")
    action = models.CharField(max_length=10, choices=Action.choices)
    source = models.CharField(max_length=10, choices=Source.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["outlet", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["outlet", "line"], name="outlet_rule_unique_line")
        ]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.action} {self.line[:60]!r}"


class ArticleCorrection(models.Model):
    """An editor's decision about one line of one article: keep it, or remove it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    line = models.TextField()
    action = models.CharField(max_length=10, choices=OutletRule.Action.choices)
    editor = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "line"], name="correction_unique_line")
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.line[:60]!r}"


class RemovedSpan(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="removed_spans")
    position = models.PositiveIntegerField()
    text = models.TextField()
    reason = models.CharField(max_length=100)

    class Meta:
        ordering = ["article", "position"]

    def __str__(self) -> str:
        return f"{self.reason}: {self.text[:60]}"


class ClaimQuerySet(models.QuerySet["Claim"]):
    def shared(self) -> ClaimQuerySet:
        return self.filter(groups__isnull=False).distinct()

    def unique(self) -> ClaimQuerySet:
        return self.filter(groups__isnull=True)


class Claim(models.Model):
    class Kind(models.TextChoices):
        STATEMENT = "statement"
        QUOTE = "quote"
        NUMBER = "number"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    position = models.PositiveIntegerField()
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATEMENT)
    speaker = models.CharField(max_length=300, blank=True)
    quote = models.TextField(blank=True)
    figures = models.JSONField(default=list, blank=True)
    names = models.JSONField(default=list, blank=True)
    embedding = models.BinaryField(null=True, blank=True, editable=False)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="claim_unique_position")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ClaimGroup(models.Model):
    """Claims of several articles that state the same thing: one aligned row."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="groups")
    position = models.PositiveIntegerField()
    claims = models.ManyToManyField(Claim, related_name="groups")

    class Meta:
        ordering = ["story", "position"]

    def __str__(self) -> str:
        return f"group {self.position} of {self.story}"


class Match(models.Model):
    class Kind(models.TextChoices):
        SAME = "same"
        RELATED = "related"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="matches")
    a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches_as_a")
    b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches_as_b")
    score = models.FloatField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    signals = models.JSONField(default=dict, blank=True)
    difference = models.JSONField(
        default=dict, blank=True, help_text="How b's wording, figures and quote differ from a's."
    )
    summary = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["story", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["a", "b"], name="match_unique_pair"),
            models.CheckConstraint(condition=~Q(a=models.F("b")), name="match_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.score:.2f}: {self.a_id} ~ {self.b_id}"


class RowCorrection(models.Model):
    """An editor's correction of the rows: claim a is not the same as claim b (`apart`: a is
    taken out of b's row), or is the same (`together`: their rows become one).

    Claims are named by article and text, which survive `reprocess` (claim ids do not):
    every alignment resolves them to the current claims (`claim_a`, `claim_b`) and records
    whether the correction applies; one whose claim is gone is kept as no longer applying.
    """

    class Kind(models.TextChoices):
        APART = "apart", "not the same"
        TOGETHER = "together", "same as"

    class Status(models.TextChoices):
        PENDING = "pending", "waiting for the rows to be redone"
        APPLIED = "applied", "applied"
        STALE = "stale", "no longer applies"
        REFUSED = "refused", "refused"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="row_corrections")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    article_a = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text_a = models.TextField(help_text="Claim a's text when the editor corrected it.")
    position_a = models.PositiveIntegerField(help_text="Claim a's position then (a hint).")
    claim_a = models.ForeignKey(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    article_b = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text_b = models.TextField(help_text="Claim b's text when the editor corrected it.")
    position_b = models.PositiveIntegerField(help_text="Claim b's position then (a hint).")
    claim_b = models.ForeignKey(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    editor = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField(max_length=300, blank=True, help_text="Why it does not apply.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["story", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.text_a[:40]!r} {self.get_kind_display()} {self.text_b[:40]!r}"

    @property
    def editor_name(self) -> str:
        return self.editor.get_username() if self.editor else "a former editor"


class IngestJobQuerySet(models.QuerySet["IngestJob"]):
    def unfinished(self) -> IngestJobQuerySet:
        return self.filter(status__in=IngestJob.UNFINISHED)

    def visible(self) -> IngestJobQuerySet:
        """Jobs an editor should still see on the story page: running, failed, or done with
        something to say (already stored, or a copy of another article's text)."""
        return self.exclude(status=IngestJob.Status.DONE, message="")


class IngestJob(models.Model):
    """One uploaded file, pasted text or URL waiting for, in, or done with background processing.

    The status lives here, not in the task backend, so the page can show it and a worker that
    died mid-way can be recovered (`manage.py recover_jobs`).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "waiting for a worker"
        FETCHING = "fetching", "fetching the page"
        PROCESSING = "processing", "cleaning and finding claims"
        ALIGNING = "aligning", "aligning with the other articles"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    UNFINISHED = (Status.QUEUED, Status.FETCHING, Status.PROCESSING, Status.ALIGNING)

    batch = models.UUIDField(db_index=True)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="jobs")
    source_name = models.CharField(max_length=300, blank=True)
    raw = models.TextField()
    raw_format = models.CharField(max_length=10, choices=Article.Format.choices)
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published = models.DateTimeField(null=True, blank=True)
    edited_fields = models.JSONField(
        default=list, blank=True, help_text="Which of the values above the editor gave."
    )
    fetch = models.BooleanField(
        default=False,
        help_text="The page is fetched from `url` by the worker (with `article` set: a check "
        "of that article for changes).",
    )
    redo = models.BooleanField(
        default=False,
        help_text="The worker cleans `article` again with its corrections and headline line "
        "(an editor's correction); nothing is uploaded or fetched.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    message = models.TextField(blank=True)
    article = models.ForeignKey(Article, on_delete=models.SET_NULL, null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IngestJobQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.source_name or self.url or 'pasted text'}: {self.status}"

    @property
    def is_finished(self) -> bool:
        return self.status not in self.UNFINISHED
