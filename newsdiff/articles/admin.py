from django.contrib import admin

from newsdiff.articles.models import (
    Article,
    Claim,
    ClaimGroup,
    Match,
    Outlet,
    RemovedSpan,
    Story,
)


class ArticleInline(admin.TabularInline[Article, Story]):
    model = Article
    fields = ["position", "title", "outlet"]
    show_change_link = True
    extra = 0


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin[Story]):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ArticleInline]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin[Outlet]):
    search_fields = ["name"]


class RemovedSpanInline(admin.TabularInline[RemovedSpan, Article]):
    model = RemovedSpan
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ["title", "story", "outlet", "created_at"]
    list_filter = ["outlet"]
    search_fields = ["title", "text", "url"]
    list_select_related = ["story", "outlet"]
    inlines = [RemovedSpanInline]


@admin.register(RemovedSpan)
class RemovedSpanAdmin(admin.ModelAdmin[RemovedSpan]):
    list_display = ["article", "reason", "text"]
    list_filter = ["reason"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin[Claim]):
    list_display = ["text", "article", "kind", "speaker"]
    list_filter = ["kind"]
    search_fields = ["text", "speaker"]
    list_select_related = ["article"]


@admin.register(ClaimGroup)
class ClaimGroupAdmin(admin.ModelAdmin[ClaimGroup]):
    list_display = ["story", "position"]
    filter_horizontal = ["claims"]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin[Match]):
    list_display = ["story", "a", "b", "score", "kind"]
    list_filter = ["kind"]
    raw_id_fields = ["a", "b"]
