import time

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoContentError, DemoLoader


class Command(BaseCommand):
    help = (
        "Build the demo site: partners, programmes and topics, articles, event summaries "
        "with photo galleries, e-books with generated PDF and EPUB files, and English "
        "translations. Safe to run again: it updates what is there and creates nothing twice."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        started = time.monotonic()
        try:
            summary = DemoLoader(stdout=self.stdout, style=self.style, verbosity=verbosity).run()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        if verbosity < 1:
            return
        elapsed = time.monotonic() - started
        created = sum(summary["created"].values())
        updated = sum(summary["updated"].values())
        unchanged = sum(summary["unchanged"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded in {elapsed:.1f} s: {created} objects created, "
                f"{updated} updated, {unchanged} unchanged."
            )
        )
        for label, by_language in summary["counts"].items():
            self.stdout.write(f"  {label}: {by_language['th']} Thai, {by_language['en']} English")
        self.stdout.write(f"  images: {summary['images']}, documents: {summary['documents']}")
        self.stdout.write(f"  home page (Thai):    {summary['urls']['th']}")
        self.stdout.write(f"  home page (English): {summary['urls']['en']}")
