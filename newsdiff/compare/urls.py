from django.urls import path, register_converter

from newsdiff.compare.views import (
    article,
    article_edit,
    checks,
    corrections,
    export,
    overview,
    statement,
    stories,
    story,
    story_edit,
    upload,
)
from newsdiff.compare.views.params import IdConverter

register_converter(IdConverter, "id")

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
    path("stories/<slug:slug>/groups/<id:group_id>/", statement.group_detail, name="group-detail"),
    path("stories/<slug:slug>/claims/<id:claim_id>/", statement.claim_detail, name="claim-detail"),
    path("stories/<slug:slug>/corrections/", corrections.row_corrections, name="row-corrections"),
    path(
        "stories/<slug:slug>/corrections/<id:pk>/undo/",
        corrections.row_correction_remove,
        name="row-correction-undo",
    ),
    path("stories/<slug:slug>/jobs/", story.story_jobs, name="story-jobs"),
    path("stories/<slug:slug>/check/", checks.story_check, name="story-check"),
    path("stories/<slug:slug>/export.json", export.story_export_json, name="story-export"),
    path("stories/<slug:slug>/rows.csv", export.story_export_csv, name="story-export-csv"),
    path("stories/<slug:slug>/articles/<id:pk>/", article.article_detail, name="article-detail"),
    path("stories/<slug:slug>/articles/<id:pk>/check/", checks.article_check, name="article-check"),
    path(
        "stories/<slug:slug>/articles/<id:pk>/lines/<id:index>/",
        article.article_line_correct,
        name="article-line-correct",
    ),
    path(
        "stories/<slug:slug>/articles/<id:pk>/reading/",
        article.article_reading,
        name="article-reading",
    ),
    path(
        "stories/<slug:slug>/articles/<int:pk>/lines/<int:index>/title/",
        article_edit.article_title_set,
        name="article-title-line",
    ),
    path(
        "stories/<slug:slug>/articles/<int:pk>/edit/",
        article_edit.article_edit,
        name="article-edit",
    ),
    path(
        "stories/<slug:slug>/articles/<int:pk>/delete/",
        article_edit.article_remove,
        name="article-delete",
    ),
]
