from django.urls import path

from newsdiff.compare.views import (
    article,
    export,
    overview,
    statement,
    stories,
    story,
    story_edit,
    upload,
)

urlpatterns = [
    path("", stories.story_list, name="story-list"),
    path("upload/", upload.upload, name="upload"),
    path("stories/<slug:slug>/", story.story_detail, name="story-detail"),
    path("stories/<slug:slug>/rename/", story_edit.story_rename, name="story-rename"),
    path("stories/<slug:slug>/delete/", story_edit.story_delete, name="story-delete"),
    path("stories/<slug:slug>/upload/", upload.upload, name="story-upload"),
    path("stories/<slug:slug>/overview/", overview.story_overview, name="story-overview"),
    path(
        "stories/<slug:slug>/overview/table/",
        overview.story_overview_table,
        name="story-overview-table",
    ),
    path("stories/<slug:slug>/groups/<int:group_id>/", statement.group_detail, name="group-detail"),
    path("stories/<slug:slug>/jobs/", story.story_jobs, name="story-jobs"),
    path("stories/<slug:slug>/export.json", export.story_export_json, name="story-export"),
    path("stories/<slug:slug>/rows.csv", export.story_export_csv, name="story-export-csv"),
    path("stories/<slug:slug>/articles/<int:pk>/", article.article_detail, name="article-detail"),
    path(
        "stories/<slug:slug>/articles/<int:pk>/lines/<int:index>/",
        article.article_line_correct,
        name="article-line-correct",
    ),
]
