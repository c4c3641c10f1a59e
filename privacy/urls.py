from django.urls import path

from .views import consent_view

app_name = "privacy"

urlpatterns = [
    path("", consent_view, name="consent"),
]
