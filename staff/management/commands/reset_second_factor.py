from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff.second_factor import reset_second_factor


class Command(BaseCommand):
    help = "Forget a staff member's authenticator and recovery codes, so they enrol again at the next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user called {username!r}.") from None
        deleted = reset_second_factor(user)
        self.stdout.write(
            f"Second factor reset for {username} ({deleted} devices and codes removed)."
        )
