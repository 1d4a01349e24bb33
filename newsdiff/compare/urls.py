from django.urls import path

from newsdiff.compare import overview_views, views

urlpatterns = [
    path("", views.story_list, name="story-list"),
    path("upload/", views.upload, name="upload"),
    path("stories/<slug:slug>/", views.story_detail, name="story-detail"),
    path("stories/<slug:slug>/rename/", views.story_rename, name="story-rename"),
    path("stories/<slug:slug>/delete/", views.story_delete, name="story-delete"),
    path("stories/<slug:slug>/upload/", views.upload, name="story-upload"),
    path("stories/<slug:slug>/overview/", overview_views.story_overview, name="story-overview"),
    path("stories/<slug:slug>/groups/<int:group_id>/", views.group_detail, name="group-detail"),
    path("stories/<slug:slug>/jobs/", views.story_jobs, name="story-jobs"),
    path("stories/<slug:slug>/export.json", views.story_export_json, name="story-export"),
    path("stories/<slug:slug>/articles/<int:pk>/", views.article_detail, name="article-detail"),
    path(
        "stories/<slug:slug>/articles/<int:pk>/lines/<int:index>/",
        views.article_line_correct,
        name="article-line-correct",
    ),
]
