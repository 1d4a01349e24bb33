"""Editors' forms for one article: its title, outlet, date and URL."""

from __future__ import annotations

from typing import Any

from django import forms

from newsdiff.articles.models import Article

EMPTY_OUTLET = "Name the outlet (who published the article)."


class ArticleEditForm(forms.Form):
    """What an editor may correct about an article; the text is corrected line by line."""

    title = forms.CharField(max_length=500, required=False, label="Headline")
    outlet = forms.CharField(
        max_length=200,
        label="Outlet",
        help_text="Who published it.",
        error_messages={"required": EMPTY_OUTLET},
    )
    published = forms.DateTimeField(
        required=False,
        label="Published",
        help_text="Date, or date and time (UTC): 2023-01-20 or 2023-01-20 14:30.",
        widget=forms.DateTimeInput(attrs={"placeholder": "2023-01-20 14:30"}),
    )
    url = forms.URLField(max_length=1000, required=False, assume_scheme="https", label="URL")

    @classmethod
    def for_article(cls, article: Article, data: Any = None) -> ArticleEditForm:
        initial = {
            "title": article.title,
            "outlet": article.outlet.name if article.outlet else "",
            "published": article.published,
            "url": article.url,
        }
        return cls(data, initial=initial)

    def clean_title(self) -> str:
        return " ".join((self.cleaned_data.get("title") or "").split())

    def clean_outlet(self) -> str:
        outlet = " ".join((self.cleaned_data.get("outlet") or "").split())
        if not outlet:
            raise forms.ValidationError(EMPTY_OUTLET)
        return outlet
