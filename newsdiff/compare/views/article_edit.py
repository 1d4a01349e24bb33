"""An editor corrects an article as a whole: its title, outlet, date and URL, the line that is
its headline; or deletes it (after confirming)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from newsdiff.accounts.access import editor_required
from newsdiff.articles.editing import (
    EditRefused,
    article_delete,
    article_title_line,
    article_update,
)
from newsdiff.articles.models import Article
from newsdiff.compare.article_forms import ArticleEditForm


def _article(slug: str, pk: int) -> Article:
    return get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )


@editor_required
def article_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    article = _article(slug, pk)
    form = ArticleEditForm.for_article(article, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article_update(article=article, **form.cleaned_data)
        except EditRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Saved the details of “{article.label}”.")
            return redirect(article)
    context = {"story": article.story, "article": article, "form": form}
    return render(request, "compare/article_edit.html", context)


@require_POST
@editor_required
def article_title_set(request: HttpRequest, slug: str, pk: int, index: int) -> HttpResponse:
    """Make one line of the article its headline; the worker cleans the article again."""
    article = _article(slug, pk)
    try:
        article_title_line(article=article, index=index)
    except EditRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "That line is now the headline; the article is being cleaned again "
            "(its claims and the alignment follow).",
        )
    return redirect(f"{article.get_absolute_url()}#line-{index}")


@editor_required
def article_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Ask, then delete the article; the story is aligned again without it."""
    article = _article(slug, pk)
    if request.method == "POST":
        label = article.label
        story = article_delete(article=article)
        messages.success(request, f"Deleted the article of {label}; the story was aligned again.")
        return redirect(story)
    return render(
        request, "compare/article_delete.html", {"story": article.story, "article": article}
    )
