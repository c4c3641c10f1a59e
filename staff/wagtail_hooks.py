from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("second-factor/set-up/", views.set_up, name="staff_second_factor_setup"),
        path("second-factor/verify/", views.verify, name="staff_second_factor_verify"),
    ]
