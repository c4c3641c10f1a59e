"""Builds (or brings up to date) the demo site described in ``demo.content``.

Everything is looked up before it is made: snippets by slug in their locale,
pages by slug under their parent, images and documents by title, translations
through their translation key. Running the loader again therefore updates what
is there (publishing a new revision of each page) and creates nothing twice.

Translations are made the way Wagtail makes them, with ``copy_for_translation``
(which keeps the translation key and moves translatable child objects to the new
locale); the loader then writes the English text and points every link to a
partner, programme or topic at that object's English translation.
"""

import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site, TranslatableMixin
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.utils.file import hash_filelike

from articles.ebooks import count_pdf_pages, pdf_page_count
from articles.models import ArticlePage, EbookPage, EventPartner, EventSummaryPage
from core.models import InformationPage, SiteIdentity
from network.models import PartnerOrganisation, Programme, Province, Topic
from privacy.models import PrivacySettings

from . import books, content, media

# Block ids are derived from the page, field and position so that a page and its
# translation share them (as wagtail-localize expects) and reruns keep them.
BLOCK_NAMESPACE = uuid.UUID("6f1d8a52-5b8e-4a57-9d0e-1c3c8f1f4b21")
PDF_NOTE = {
    "th": "ไฟล์ตัวอย่างของเว็บไซต์สาธิต เนื้อหาเขียนขึ้นใหม่โดยอ้างอิงชื่อองค์กร วันที่ และตัวเลขจากงานจริงของภาคี",
    "en": "A sample file for the demo site, written anew from the names, dates and figures of real partner work.",
}


class DemoContentError(ImproperlyConfigured):
    pass


def home_page_model():
    """The home page type, looked up like every other page type of the content."""
    return apps.get_model(content.HOME["model"])


@dataclass
class Tally:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)


def aware(value):
    if value is None:
        return None
    return timezone.make_aware(value) if timezone.is_naive(value) else value


class DemoLoader:
    def __init__(self, stdout=None, style=None, verbosity=1):
        self.stdout = stdout
        self.style = style
        self.verbosity = verbosity
        self.tally = Tally()
        self.images = {}
        self.pages = {}  # Thai pages by slug
        self.translations = {}  # English pages by the Thai slug
        self.timings = []
        self.touched = {}  # objects whose references to index, by (model, pk)
        self.new_translations = set()  # pages this run copied into English

    # --- output ------------------------------------------------------------------

    def log(self, message, level=2):
        if self.stdout is not None and self.verbosity >= level:
            self.stdout.write(message)

    def touch(self, obj):
        self.touched[(obj._meta.label, obj.pk)] = obj

    def update_reference_index(self):
        for obj in self.touched.values():
            if ReferenceIndex.is_indexed(type(obj)):
                ReferenceIndex.create_or_update_for_object(obj)

    def note(self, kind, label, created):
        (self.tally.created if created else self.tally.updated)[kind] += 1
        self.log(f"  {'created' if created else 'updated'} {kind}: {label}")

    def phase(self, name, started):
        elapsed = time.monotonic() - started
        self.timings.append((name, elapsed))
        self.log(f"{name}: {elapsed:.1f} s", level=3)

    # --- entry point ---------------------------------------------------------------

    def run(self):
        # Wagtail re-indexes a page's references on every save of the page and of
        # each of its child objects; the loader does it once per object at the end.
        with transaction.atomic(), disable_reference_index_auto_update():
            self.th = Locale.objects.get_or_create(language_code="th")[0]
            self.en = Locale.objects.get_or_create(language_code="en")[0]
            self.provinces = {province.name_th: province for province in Province.objects.all()}
            if not self.provinces:
                raise DemoContentError("No provinces: run `manage.py migrate` first.")

            started = time.monotonic()
            self.load_topics()
            self.load_programmes()
            self.load_partners()
            self.phase("snippets", started)

            started = time.monotonic()
            self.load_images()
            self.phase("images", started)

            started = time.monotonic()
            home = self.get_home()
            indexes = self.load_indexes(home)
            self.load_articles(indexes["articles"])
            self.load_events(indexes["events"])
            self.load_ebooks(indexes["ebooks"])
            self.load_information_pages(home)
            self.link_related_pages()
            home = self.update_home(home)
            self.phase("Thai pages", started)

            started = time.monotonic()
            self.translate_pages(home, indexes)
            self.phase("English pages", started)

            started = time.monotonic()
            self.update_reference_index()
            self.phase("reference index", started)
        Site.clear_site_root_paths_cache()
        return self.summary()

    # --- snippets ------------------------------------------------------------------

    def upsert_snippet(self, model, slug, fields, m2m=None):
        obj = model.objects.filter(locale=self.th, slug=slug).first()
        created = obj is None
        if created:
            obj = model(locale=self.th, slug=slug)
        for name, value in fields.items():
            setattr(obj, name, value)
        for name, values in (m2m or {}).items():
            setattr(obj, name, values)
        obj.save()
        self.touch(obj)
        self.note(model._meta.verbose_name, slug, created)
        return obj

    def translate_snippet(self, obj, fields, m2m=None):
        translation = obj.get_translation_or_none(self.en)
        created = translation is None
        if created:
            translation = obj.copy_for_translation(self.en)
        for name, value in fields.items():
            setattr(translation, name, value)
        for name, values in (m2m or {}).items():
            setattr(translation, name, values)
        translation.save()
        self.touch(translation)
        self.note(f"{obj._meta.verbose_name} (en)", obj.slug, created)
        return translation

    def load_topics(self):
        for spec in content.TOPICS:
            topic = self.upsert_snippet(
                Topic, spec["slug"], {"name": spec["name"], "description": spec["description"]}
            )
            self.translate_snippet(topic, spec["en"])

    def load_programmes(self):
        for spec in content.PROGRAMMES:
            fields = {
                name: spec[name]
                for name in (
                    "name",
                    "short_name",
                    "description",
                    "funder",
                    "start_date",
                    "end_date",
                    "website",
                )
            }
            programme = self.upsert_snippet(Programme, spec["slug"], fields)
            self.translate_snippet(programme, spec["en"])

    def load_partners(self):
        for spec in content.PARTNERS:
            try:
                provinces = [self.provinces[name] for name in spec["provinces"]]
            except KeyError as error:
                raise DemoContentError(f"Unknown province {error} for {spec['slug']}") from error
            logo = None
            if spec["logo"]:
                logo = self.get_image(
                    f"logo-{spec['slug']}",
                    f"โลโก้ {spec['name']}",
                    f"ตราสัญลักษณ์ของ{spec['name']}",
                    logo_palette=spec["logo"],
                )
            fields = {
                "name": spec["name"],
                "short_name": spec["short_name"],
                "kind": spec["kind"],
                "mission": spec["mission"],
                "logo": logo,
                "website": f"https://example.org/partners/{spec['slug']}/" if spec["web"] else "",
            }
            partner = self.upsert_snippet(
                PartnerOrganisation, spec["slug"], fields, {"provinces": provinces}
            )
            self.translate_snippet(partner, spec["en"], {"provinces": provinces})

    def snippet(self, model, slug, locale):
        if not slug:
            return None
        try:
            return model.objects.get(locale=locale, slug=slug)
        except model.DoesNotExist as error:
            raise DemoContentError(f"No {model._meta.verbose_name} “{slug}” in {locale}") from error

    def partner(self, slug, locale):
        return self.snippet(PartnerOrganisation, slug, locale)

    # --- media ---------------------------------------------------------------------

    def get_image(self, key, title, description, scene=None, logo_palette=None):
        if key in self.images:
            return self.images[key]
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).order_by("pk").first()
        created = image is None
        if created:
            if logo_palette:
                data, name = media.png_bytes(media.draw_logo(key, logo_palette)), f"demo-{key}.png"
            else:
                data, name = (
                    media.jpeg_bytes(media.draw_scene(key, scene, cover=key.startswith("cover-"))),
                    f"demo-{key}.jpg",
                )
            image = image_model(title=title, description=description)
            image.file = ImageFile(BytesIO(data), name=name)
            image.file_size, image.file_hash = len(data), hash_filelike(BytesIO(data))
            image.save()
            self.note("image", title, created=True)
        elif image.description != description:
            image.description = description
            image.save(update_fields=["description"])
            self.note("image", title, created=False)
        else:
            self.tally.unchanged["image"] += 1
        self.touch(image)
        self.images[key] = image
        return image

    def load_images(self):
        for key, (title, description, scene) in content.IMAGES.items():
            self.get_image(key, title, description, scene)
        for event in content.EVENTS:
            for key, scene, title, alt, *_rest in event["gallery"]:
                self.get_image(key, f"{event['gallery_prefix']} — {title}", alt, scene)

    def get_document(self, title, filename, data):
        document_model = get_document_model()
        document = document_model.objects.filter(title=title).order_by("pk").first()
        created = document is None
        if created:
            document = document_model(title=title)
        stale = (
            not created
            and filename.endswith(".pdf")
            and pdf_page_count(document) != count_pdf_pages(BytesIO(data))
        )
        if created or stale:
            document.file = ContentFile(data, name=filename)
            document.file_size, document.file_hash = len(data), hash_filelike(BytesIO(data))
            document.save()
        self.note("document", title, created)
        self.touch(document)
        return document

    # --- stream fields -------------------------------------------------------------

    def resolve(self, value):
        if isinstance(value, content.Img):
            return self.images[value.key].pk
        if isinstance(value, dict):
            return {name: self.resolve(item) for name, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        return value

    def stream(self, blocks, scope):
        """Wagtail's JSON form of `blocks`, with stable ids and images resolved."""
        data = []
        for position, block in enumerate(blocks):
            value = self.resolve(block["value"])
            if block["type"] == "numbered_list":
                value = {
                    "items": [
                        {"type": "item", "value": item, "id": self.block_id(scope, position, index)}
                        for index, item in enumerate(value["items"])
                    ]
                }
            data.append(
                {"type": block["type"], "value": value, "id": self.block_id(scope, position)}
            )
        return data

    @staticmethod
    def block_id(*parts):
        return str(uuid.uuid5(BLOCK_NAMESPACE, ":".join(map(str, parts))))

    # --- pages ---------------------------------------------------------------------

    def set_children(self, page, relation, items, locale, keys=None):
        """Replace a page's child objects, reusing existing rows in order; a
        translation's translatable rows take the translation keys of its source's."""
        manager = getattr(page, relation)
        model = manager.model
        existing = list(manager.all()) if page.pk else []
        objects = []
        for index, attributes in enumerate(items):
            obj = existing[index] if index < len(existing) else model()
            for name, value in attributes.items():
                setattr(obj, name, value)
            obj.sort_order = index
            if issubclass(model, TranslatableMixin):
                obj.locale = locale
                if keys is not None and index < len(keys):
                    obj.translation_key = keys[index]
            objects.append(obj)
        setattr(page, relation, objects)

    def publish(self, page, parent=None, first_published=None, last_published=None, created=None):
        """Save and publish `page` (adding it under `parent` if new), unless it is
        live and this run changed nothing in it; then set its publication dates."""
        is_new = page.pk is None
        if is_new:
            parent.add_child(instance=page)
        if is_new or created or self.changed(page):
            page.save_revision().publish()
            self.note(
                page._meta.verbose_name,
                f"{page.locale.language_code} {page.url_path}",
                is_new or created,
            )
        else:
            self.tally.unchanged[page._meta.verbose_name] += 1
        first = aware(first_published)
        if first is not None:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=first, last_published_at=aware(last_published) or first
            )
        page = page.specific_class.objects.get(pk=page.pk)
        self.touch(page)
        return page

    # Fields that publishing or the tree sets, not the loader.
    VOLATILE = {
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "numchild",
        "locked",
        "locked_at",
        "locked_by",
        "url_path",
        "path",
        "depth",
    }

    def changed(self, page):
        stored = type(page).objects.get(pk=page.pk)
        if not stored.live or stored.has_unpublished_changes:
            return True
        return self.comparable(stored) != self.comparable(page)

    def comparable(self, page):
        data = page.serializable_data()
        return json.dumps(
            {
                name: self.parsed_json(value)
                for name, value in data.items()
                if name not in self.VOLATILE
            },
            sort_keys=True,
            cls=DjangoJSONEncoder,
        )

    @staticmethod
    def parsed_json(value):
        # StreamFields serialise to JSON text, and PostgreSQL's jsonb gives their
        # keys back in its own order: compare the parsed data, not the text.
        if isinstance(value, str) and value[:1] in "[{":
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    @staticmethod
    def set_tags(page, tags):
        if set(page.tags.names()) != set(tags):
            page.tags.set(tags)

    def find_child(self, parent, model, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def get_home(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home_model = home_page_model()
        if site is not None and isinstance(site.root_page.specific, home_model):
            return site.root_page.specific
        home = home_model.objects.filter(locale=self.th).order_by("path").first()
        if home is None:
            home = home_model(title=content.HOME["title"], slug="home", locale=self.th)
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
        if site is None:
            site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.save()
        identity = SiteIdentity.for_site(site)
        identity.english_name = content.SITE_NAME_EN
        identity.save()
        return home

    def load_indexes(self, home):
        indexes = {}
        for spec in content.INDEXES:
            model = apps.get_model(spec["model"])
            page = self.find_child(home, model, spec["slug"]) or model(
                slug=spec["slug"], locale=self.th
            )
            page.title = spec["title"]
            page.intro = spec["intro"]
            page.show_in_menus = True
            page = self.publish(page, home, content.HOME["first_published"])
            indexes[spec["slug"]] = page
            self.pages[spec["slug"]] = page
        return indexes

    def links(self, spec, locale):
        return {
            "partner_links": [{"partner": self.partner(slug, locale)} for slug in spec["partners"]],
            "topic_links": [
                {"topic": self.snippet(Topic, slug, locale)} for slug in spec["topics"]
            ],
        }

    def related_links(self, spec, locale):
        """Links to the related pages that exist so far, in `locale` where translated."""
        links = []
        for slug in spec["related"]:
            target = self.pages.get(slug) or self.existing_page(slug)
            if target is None:
                continue
            if locale == self.en:
                target = self.translations.get(slug, target)
            links.append({"related_page": target})
        return links

    def existing_page(self, slug):
        """A Thai demo page from an earlier run that this run has not reached yet."""
        query = Q()
        for key in ("articles", "events", "ebooks"):
            if key in self.pages:
                query |= Page.objects.child_of_q(self.pages[key])
        return Page.objects.filter(query, locale=self.th, slug=slug).first() if query else None

    def fill_page(self, page, fields, relations, locale, source=None):
        for name, value in fields.items():
            setattr(page, name, value)
        for relation, items in relations.items():
            keys = None
            if source is not None:
                keys = [
                    obj.translation_key
                    for obj in getattr(source, relation).all()
                    if isinstance(obj, TranslatableMixin)
                ] or None
            self.set_children(page, relation, items, locale, keys)

    def upsert_leaf(self, parent, model, spec, fields, relations, tags=None):
        page = self.find_child(parent, model, spec["slug"]) or model(
            slug=spec["slug"], locale=self.th
        )
        self.fill_page(page, fields, relations, self.th)
        if tags is not None:
            self.set_tags(page, tags)
        page = self.publish(page, parent, spec.get("first_published"), spec.get("last_published"))
        self.pages[spec["slug"]] = page
        return page

    # Articles

    def article_fields(self, spec, locale, scope):
        return {
            "title": spec["title"],
            "kind": spec["kind"],
            "intro": spec["intro"],
            "hero_image": self.images[spec["hero"]],
            "body": self.stream(spec["body"], f"{scope}:body"),
            "author_name": spec["author_name"],
            "published_date": spec["published_date"],
            "updated_date": spec["updated_date"],
            "licence": spec["licence"],
            "programme": self.snippet(Programme, spec["programme"], locale),
        }

    def load_articles(self, parent):
        for spec in content.ARTICLES:
            relations = {
                **self.links(spec, self.th),
                "related_links": self.related_links(spec, self.th),
            }
            self.upsert_leaf(
                parent,
                ArticlePage,
                spec,
                self.article_fields(spec, self.th, spec["slug"]),
                relations,
                spec["tags"],
            )

    # Event summaries

    def event_fields(self, spec, locale, scope):
        fields = {
            name: spec[name]
            for name in (
                "title",
                "intro",
                "start_date",
                "end_date",
                "reporting_period_start",
                "reporting_period_end",
                "venue",
                "participants_people",
                "participants_people_target",
                "participants_organisations",
                "participants_organisations_target",
                "participants_organisations_confirmed",
                "participants_description",
                "activities",
                "next_steps",
            )
        }
        fields.update(
            hero_image=self.images[spec["hero"]],
            programme=self.snippet(Programme, spec["programme"], locale),
            provinces=[self.provinces[name] for name in spec["provinces"]],
        )
        for name in ("objectives", "body", "indicators", "problems", "agreements"):
            fields[name] = self.stream(spec[name], f"{scope}:{name}")
        return fields

    def event_relations(self, spec, locale, english=False):
        partner_links = [
            {"partner": self.partner(slug, locale), "role": EventPartner.ORGANISER}
            for slug in spec["organisers"]
        ] + [
            {"partner": self.partner(slug, locale), "role": EventPartner.PARTICIPANT}
            for slug in spec["partners"]
        ]
        gallery = []
        for key, _scene, _title, alt, caption, *english_text in spec["gallery"]:
            if english and english_text:
                alt, caption = english_text
            gallery.append({"image": self.images[key], "alt_text": alt, "caption": caption})
        return {
            "partner_links": partner_links,
            "topic_links": [
                {"topic": self.snippet(Topic, slug, locale)} for slug in spec["topics"]
            ],
            "gallery_images": gallery,
            "related_links": self.related_links(spec, locale),
        }

    def load_events(self, parent):
        for spec in content.EVENTS:
            self.upsert_leaf(
                parent,
                EventSummaryPage,
                spec,
                self.event_fields(spec, self.th, spec["slug"]),
                self.event_relations(spec, self.th),
            )

    # E-books

    def ebook_files(self, spec):
        """Generate the PDF (and EPUB) and store them as documents; returns the
        documents, the PDF's page count and the page each chapter starts on."""
        publisher = self.partner(spec["publisher"], self.th)
        cover = media.draw_scene(
            spec["cover"], content.IMAGES[spec["cover"]][2], cover=True
        ).resize((874, 1238))
        book = books.Book(
            title=spec["title"],
            authors=spec["authors"],
            publisher=publisher.name,
            isbn=books.isbn13(spec["isbn_stem"]),
            year=spec["publication_date"].year + 543,
            publication_date=spec["publication_date"],
            chapters=spec["chapters"],
            series=spec["series"],
            volume=spec["volume"],
            language=spec["language"],
            cover=media.jpeg_bytes(cover, quality=80),
            notes=[PDF_NOTE[spec["language"]]],
        )
        rendered = books.build_pdf(book)
        pdf = self.get_document(f"{spec['title']} (PDF)", f"{spec['slug']}.pdf", rendered.data)
        epub = None
        if spec["epub"]:
            epub_data = books.build_epub(
                book, media.jpeg_bytes(cover.resize((600, 850)), quality=80)
            )
            epub = self.get_document(f"{spec['title']} (EPUB)", f"{spec['slug']}.epub", epub_data)
        page_count = pdf_page_count(pdf) or rendered.page_count
        return pdf, epub, page_count, rendered.chapter_pages

    def ebook_fields(self, spec, locale, files):
        pdf, epub, page_count, chapter_pages = files
        chapter_titles = spec.get("chapter_titles") or [
            title for title, _paragraphs in spec["chapters"]
        ]
        toc = [
            {
                "type": "chapter",
                "value": {"title": title, "page_number": page},
                "id": self.block_id(spec["slug"], "toc", i),
            }
            for i, (title, page) in enumerate(zip(chapter_titles, chapter_pages, strict=True))
        ]
        return {
            "title": spec["title"],
            "intro": spec["intro"],
            "cover_image": self.images[spec["cover"]],
            "pdf": pdf,
            "epub": epub,
            "series": spec["series"],
            "volume": spec["volume"],
            "authors": spec["authors"],
            "publisher": self.partner(spec["publisher"], locale),
            "programme": self.snippet(Programme, spec["programme"], locale),
            "publication_date": spec["publication_date"],
            "isbn": books.isbn13(spec["isbn_stem"]),
            "page_count": page_count,
            "language": spec["language"],
            "summary": spec["summary"],
            "table_of_contents": toc,
        }

    def load_ebooks(self, parent):
        self.ebook_documents = {}
        for spec in content.EBOOKS:
            files = self.ebook_files(spec)
            self.ebook_documents[spec["slug"]] = files
            relations = {
                **self.links(spec, self.th),
                "related_links": self.related_links(spec, self.th),
            }
            self.upsert_leaf(
                parent, EbookPage, spec, self.ebook_fields(spec, self.th, files), relations
            )

    def link_related_pages(self):
        """Pages made before the pages they relate to get their links now."""
        for specs in (content.ARTICLES, content.EVENTS, content.EBOOKS):
            for spec in specs:
                page = self.pages[spec["slug"]]
                wanted = [link["related_page"].pk for link in self.related_links(spec, self.th)]
                if [link.related_page_id for link in page.related_links.all()] != wanted:
                    self.set_children(
                        page, "related_links", self.related_links(spec, self.th), self.th
                    )
                    self.pages[spec["slug"]] = self.publish(
                        page, None, spec.get("first_published"), spec.get("last_published")
                    )

    # Home page

    def update_home(self, home):
        spec = content.HOME
        home = home_page_model().objects.get(pk=home.pk)
        home.title = spec["title"]
        home.tagline = spec["tagline"]
        home.intro = spec["intro"]
        self.set_children(
            home,
            "featured_items",
            [{"featured_page": self.pages[s]} for s in spec["featured"]],
            self.th,
        )
        self.set_children(
            home,
            "featured_partners",
            [{"partner": self.partner(s, self.th)} for s in spec["partners"]],
            self.th,
        )
        self.pages["home"] = self.publish(home, None, spec["first_published"])
        return self.pages["home"]

    # --- English -------------------------------------------------------------------

    def translation_of(self, page):
        """The English page for `page`, copied from it the way Wagtail does when
        there is none yet (unpublished until it is filled in)."""
        translation = page.get_translation_or_none(self.en)
        if translation is None:
            translation = page.copy_for_translation(self.en, copy_parents=False, alias=False)
            self.new_translations.add(translation.pk)
        return translation.specific, translation.pk in self.new_translations

    def translate(self, page, fields, relations=None, tags=None, spec=None):
        translation, created = self.translation_of(page)
        self.fill_page(translation, fields, relations or {}, self.en, source=page)
        if tags is not None:
            self.set_tags(translation, tags)
        spec = spec or {}
        return self.publish(
            translation, None, spec.get("first_published"), spec.get("last_published"), created
        )

    def english_spec(self, spec):
        return {**spec, **spec.get("en", {})}

    def translate_pages(self, home, indexes):
        self.translations["home"], _created = self.translation_of(home)

        for spec in content.INDEXES:
            page = indexes[spec["slug"]]
            self.translations[spec["slug"]] = self.translate(
                page,
                {"title": spec["en"]["title"], "intro": spec["en"]["intro"], "show_in_menus": True},
                spec={"first_published": content.HOME["first_published"]},
            )

        by_slug = {
            spec["slug"]: spec for spec in content.ARTICLES + content.EVENTS + content.EBOOKS
        }
        for slug in content.TRANSLATED_PAGES:
            spec = by_slug[slug]
            source = self.pages[slug]
            english = self.english_spec(spec)
            if isinstance(source, ArticlePage):
                fields = self.article_fields(english, self.en, slug)
                relations = {
                    **self.links(spec, self.en),
                    "related_links": self.related_links(spec, self.en),
                }
                translation = self.translate(source, fields, relations, english["tags"], spec)
            elif isinstance(source, EventSummaryPage):
                fields = self.event_fields(english, self.en, slug)
                relations = self.event_relations(spec, self.en, english=True)
                translation = self.translate(source, fields, relations, spec=spec)
            else:
                english["chapter_titles"] = english["chapters"]
                english["chapters"] = spec["chapters"]
                fields = self.ebook_fields(english, self.en, self.ebook_documents[slug])
                relations = {
                    **self.links(spec, self.en),
                    "related_links": self.related_links(spec, self.en),
                }
                translation = self.translate(source, fields, relations, spec=spec)
            self.translations[slug] = translation

        spec = content.HOME
        featured = [
            self.translations.get(slug) or self.pages[slug] for slug in self.english_featured()
        ]
        fields = {
            "title": spec["en"]["title"],
            "tagline": spec["en"]["tagline"],
            "intro": spec["en"]["intro"],
        }
        relations = {
            "featured_items": [{"featured_page": page} for page in featured],
            "featured_partners": [
                {"partner": self.partner(slug, self.en)} for slug in spec["partners"]
            ],
        }
        self.translations["home"] = self.translate(
            home, fields, relations, spec={"first_published": spec["first_published"]}
        )

        for spec in content.INFORMATION_PAGES:
            self.translations[spec["slug"]] = self.translate(
                self.pages[spec["slug"]],
                self.information_fields(self.english_spec(spec), spec["slug"]),
                spec=spec,
            )

    # Privacy and cookie notices

    def information_fields(self, spec, scope):
        return {
            "title": spec["title"],
            "intro": spec["intro"],
            "last_updated": spec["last_updated"],
            "body": self.stream(spec["body"], f"{scope}:body"),
        }

    def load_information_pages(self, home):
        """The notices, under the home page, chosen in the site's privacy settings."""
        for spec in content.INFORMATION_PAGES:
            self.upsert_leaf(
                home, InformationPage, spec, self.information_fields(spec, spec["slug"]), {}
            )
        settings = PrivacySettings.for_site(Site.objects.get(root_page=home))
        chosen = {
            "privacy_notice": self.pages[content.PRIVACY_NOTICE["slug"]],
            "cookie_notice": self.pages[content.COOKIE_NOTICE["slug"]],
        }
        if any(getattr(settings, f"{name}_id") != page.pk for name, page in chosen.items()):
            for name, page in chosen.items():
                setattr(settings, name, page)
            settings.save()

    @staticmethod
    def english_featured():
        """The Thai home page's features, with untranslated pages swapped for
        translated ones so that the English home page shows English pages."""
        translated = list(content.TRANSLATED_PAGES)
        featured = [slug for slug in content.HOME["featured"] if slug in translated]
        featured += [slug for slug in translated if slug not in featured]
        return featured[: len(content.HOME["featured"])]

    # --- summary -------------------------------------------------------------------

    def summary(self):
        counts = {}
        for label, model in (
            ("partners", PartnerOrganisation),
            ("programmes", Programme),
            ("topics", Topic),
        ):
            counts[label] = {
                code: model.objects.filter(locale__language_code=code).count()
                for code in ("th", "en")
            }
        for label, model in (
            ("home pages", home_page_model()),
            ("articles", ArticlePage),
            ("event summaries", EventSummaryPage),
            ("e-books", EbookPage),
        ):
            counts[label] = {
                code: model.objects.live().filter(locale__language_code=code).count()
                for code in ("th", "en")
            }
        home = self.pages["home"]
        home_en = self.translations["home"]
        return {
            "counts": counts,
            "images": len(self.images),
            "documents": sum(
                1 for files in self.ebook_documents.values() for doc in files[:2] if doc
            ),
            "created": dict(self.tally.created),
            "updated": dict(self.tally.updated),
            "unchanged": dict(self.tally.unchanged),
            "urls": {
                "th": home.get_full_url() or home.get_url(),
                "en": home_en.get_full_url() or home_en.get_url(),
            },
            "timings": self.timings,
        }
