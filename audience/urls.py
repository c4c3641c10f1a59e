from django.urls import path

from .views import page_viewed

app_name = "audience"

urlpatterns = [
    path("<int:page_id>/", page_viewed, name="view"),
]
