from django.urls import path

from newsdiff.compare import views

urlpatterns = [
    path("", views.story_list, name="story-list"),
    path("upload/", views.upload, name="upload"),
    path("stories/<slug:slug>/", views.story_detail, name="story-detail"),
    path("stories/<slug:slug>/upload/", views.upload, name="story-upload"),
    path("stories/<slug:slug>/jobs/", views.story_jobs, name="story-jobs"),
    path("stories/<slug:slug>/export.json", views.story_export_json, name="story-export"),
    path("stories/<slug:slug>/articles/<int:pk>/", views.article_detail, name="article-detail"),
]
