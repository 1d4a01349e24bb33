from django.apps import AppConfig


class CompareConfig(AppConfig):
    name = "newsdiff.compare"
    verbose_name = "Side-by-side comparison"
