"""A database made before the move of the site's own models (home 0006: the site
name in English and the information pages to `core`, the privacy settings to
`privacy`) migrates to the new layout with nothing lost, and back again.

The test database is migrated back to the state the previous release left
(home at 0005, `core` and `privacy` without migrations), filled there through the
historical models as the previous release's code would have filled it, then
migrated forward and read through the current models and the site itself.
Only the three moved models' migrations run back and forth: no other app changed
its migrations in the move (network 0003 only imports its callables from their
new module), so the rest of the schema already is the previous release's.
"""

import datetime
import hashlib
import re
import uuid

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Page, PageLogEntry, Revision, Site

from core.models import InformationPage, SiteIdentity
from home.models import HomePage
from network.models import StoryFormPage, StorySubmission, StorySubmissionFile
from network.stories.storage import get_submission_storage
from privacy.models import PrivacySettings

from . import factories

# Transactional: the migrations change the schema, which SQLite cannot do inside
# the test's transaction. Serialized rollback reloads what the migrations made (home
# page, locales, groups) after another transactional test has emptied the tables,
# as the browser tests do.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PREVIOUS_HOME = ("home", "0005_information_page_and_privacy_settings")
# Where the previous release stops; unapplying home 0006 unapplies core 0001 and
# privacy 0001, which depend on it.
PREVIOUS_TARGETS = [PREVIOUS_HOME, ("core", None), ("privacy", None)]
MOVED_APPS = {"home", "core", "privacy"}

# model: (old app, old table, new app, new table)
MOVED = {
    "siteidentity": ("home", "home_siteidentity", "core", "core_siteidentity"),
    "informationpage": ("home", "home_informationpage", "core", "core_informationpage"),
    "privacysettings": ("home", "home_privacysettings", "privacy", "privacy_privacysettings"),
}
OLD_TO_NEW_TABLE = {old: new for _a, old, _b, new in MOVED.values()}
NEW_TO_OLD_TABLE = {new: old for old, new in OLD_TO_NEW_TABLE.items()}
OLD_TO_NEW_LABEL = {
    (old_app, model): new_app for model, (old_app, _t, new_app, _n) in MOVED.items()
}
NEW_TO_OLD_LABEL = {
    (new_app, model): old_app for model, (old_app, _t, new_app, _n) in MOVED.items()
}

ENGLISH_NAME = "Phakhi Sang Suk Foundation"
ANALYTICS_URL = "https://stats.example.org/js/script.js"
PUBLISHED_AT = datetime.datetime(2025, 1, 15, 3, 0, tzinfo=datetime.UTC)
EDITED_AT = datetime.datetime(2025, 3, 2, 8, 30, tzinfo=datetime.UTC)
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


# --- Migrating ---------------------------------------------------------------


def forget_cached_rows():
    """Content types and site root paths are cached by id; the migrations relabel
    the rows behind those ids, and the test writes pages without Wagtail's signals."""
    ContentType.objects.clear_cache()
    for alias in caches:
        caches[alias].clear()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    forget_cached_rows()


def latest_targets():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def previous_apps():
    """The models as the previous release had them (home 0005 and every other app
    at its latest migration)."""
    loader = MigrationExecutor(connection).loader
    nodes = [node for node in loader.graph.leaf_nodes() if node[0] not in MOVED_APPS]
    return loader.project_state([*nodes, PREVIOUS_HOME]).apps


def applied(app):
    return {
        name
        for label, name in MigrationExecutor(connection).loader.applied_migrations
        if label == app
    }


@pytest.fixture
def back_to_latest(transactional_db):
    """The latest migrations applied again at the end, whatever happened, for the
    tests after this one."""
    yield
    migrate(latest_targets())
    # The next transactional test reloads the serialized rows, pages before content
    # types, and a Wagtail page looks its content type up when it is built: one not
    # cached would be created there and clash with the row loaded after it.
    ContentType.objects.get_for_models(*django_apps.get_models())


# --- The whole database, row by row ----------------------------------------------


def snapshot():
    """Every row of every table, as the database returns it (django_migrations
    aside, which the migrations are meant to change)."""
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            # Table names come from the database's own catalogue.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            rows = [
                {
                    column: bytes(value) if isinstance(value, memoryview) else value
                    for column, value in zip(columns, row, strict=True)
                }
                for row in cursor.fetchall()
            ]
            tables[table] = sorted(rows, key=repr)
    return tables


def moved(tables, table_names, labels):
    """`tables` as they should read once migrated: the moved tables under their
    other names, the moved models' content types under their other app label."""
    result = {table_names.get(name, name): rows for name, rows in tables.items()}
    result["django_content_type"] = sorted(
        (
            {**row, "app_label": labels.get((row["app_label"], row["model"]), row["app_label"])}
            for row in tables["django_content_type"]
        ),
        key=repr,
    )
    return result


def assert_same_rows(actual, expected):
    assert sorted(actual) == sorted(expected)
    for table in sorted(expected):
        assert actual[table] == expected[table], f"rows of {table} differ"


# --- The previous release's data, through its historical models ------------------------


def base36(number):
    digits = ""
    while len(digits) < 4:
        number, digit = divmod(number, 36)
        digits = PATH_ALPHABET[digit] + digits
    return digits


class PreviousSite:
    """Builds a site as the previous release kept it. Treebeard's and Wagtail's
    methods do not exist on historical models, so the tree is written by hand."""

    def __init__(self, apps):
        self.apps = apps
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Revision = apps.get_model("wagtailcore", "Revision")

    def content_type(self, model):
        return self.ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )[0]

    def add_page(self, model, parent, **fields):
        parent = self.Page.objects.get(pk=parent.pk)
        last = (
            self.Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .first()
        )
        path = parent.path + base36(int(last.path[-4:], 36) + 1 if last else 1)
        page = model.objects.create(
            path=path,
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{fields['slug']}/",
            content_type=self.content_type(model),
            draft_title=fields["title"],
            **fields,
        )
        self.Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        return page

    def add_revision(self, page, created_at, **changes):
        """A revision as Wagtail saved it: the page's fields serialised, with the
        editor's changes on top."""
        content = get_serializable_data_for_fields(page)
        content.update(changes)
        content["comments"] = []
        return self.Revision.objects.create(
            content_type=self.content_type(type(page)),
            base_content_type=self.content_type(self.Page),
            object_id=str(page.pk),
            created_at=created_at,
            content=content,
            object_str=content["title"],
        )

    def publish(self, page, draft=None):
        """Publish `page` as it is; with `draft`, save those changes afterwards as a
        draft that is not published yet."""
        published = self.add_revision(page, PUBLISHED_AT)
        latest = self.add_revision(page, EDITED_AT, **draft) if draft else published
        self.Page.objects.filter(pk=page.pk).update(
            live=True,
            has_unpublished_changes=bool(draft),
            first_published_at=PUBLISHED_AT,
            last_published_at=PUBLISHED_AT,
            live_revision=published,
            latest_revision=latest,
            latest_revision_created_at=latest.created_at,
        )
        self.apps.get_model("wagtailcore", "PageLogEntry").objects.create(
            content_type=self.content_type(type(page)),
            page_id=page.pk,
            revision=published,
            label=page.title,
            action="wagtail.publish",
            timestamp=PUBLISHED_AT,
            content_changed=True,
            uuid=uuid.uuid4(),
            data={},
        )
        return published, latest

    def save_draft(self, page):
        """A translation saved but never published."""
        revision = self.add_revision(page, EDITED_AT)
        self.Page.objects.filter(pk=page.pk).update(
            live=False,
            has_unpublished_changes=True,
            latest_revision=revision,
            latest_revision_created_at=revision.created_at,
        )
        return revision


def notice_body(heading, paragraph):
    return [
        {"type": "heading", "value": {"text": heading, "level": "h2"}, "id": str(uuid.uuid4())},
        {"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())},
    ]


def build_previous_site(apps):
    """Everything a foundation's site has that touches the moved models, and the
    partners' stories; returns the ids and values to look for afterwards."""
    site_builder = PreviousSite(apps)
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")
    InformationPage = apps.get_model("home", "InformationPage")
    thai = Locale.objects.get(language_code="th")
    english = Locale.objects.get(language_code="en")
    root = site_builder.Page.objects.get(depth=1)
    thai_home = HomePage.objects.get(locale=thai)

    english_home = site_builder.add_page(
        HomePage,
        root,
        title="Home",
        slug="home-en",
        locale=english,
        translation_key=thai_home.translation_key,
    )
    site_builder.publish(english_home)

    def notice(parent, locale, translation_key=None, **fields):
        return site_builder.add_page(
            InformationPage,
            parent,
            locale=locale,
            translation_key=translation_key or uuid.uuid4(),
            last_updated=datetime.date(2025, 1, 15),
            **fields,
        )

    thai_privacy = notice(
        thai_home,
        thai,
        title="นโยบายความเป็นส่วนตัว",
        slug="privacy",
        intro="มูลนิธิเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็น",
        body=notice_body("ข้อมูลที่เราเก็บ", "ชื่อ อีเมล และเบอร์โทรศัพท์ของผู้ส่งเรื่องจากภาคี"),
    )
    thai_privacy_revision, _ = site_builder.publish(thai_privacy)
    thai_cookies = notice(
        thai_home,
        thai,
        title="ประกาศเกี่ยวกับการใช้คุกกี้",
        slug="cookies",
        intro="เว็บไซต์ใช้คุกกี้เท่าที่จำเป็น",
        body=notice_body("คุกกี้ที่จำเป็น", "คุกกี้ที่จำค่าภาษาและความยินยอมของผู้อ่าน"),
    )
    # Live, with an editor's change saved as a draft and not yet published.
    cookies_published, cookies_draft = site_builder.publish(
        thai_cookies, draft={"intro": "เว็บไซต์ใช้คุกกี้เท่าที่จำเป็น และคุกกี้สถิติเมื่อผู้อ่านยินยอม"}
    )
    english_privacy = notice(
        english_home,
        english,
        thai_privacy.translation_key,
        title="Privacy notice",
        slug="privacy",
        intro="The foundation keeps only the personal data it needs.",
        body=notice_body("What we keep", "Names, email addresses and phone numbers of partners."),
    )
    english_privacy_revision, _ = site_builder.publish(english_privacy)
    # Translated but never published: English readers get the Thai cookie notice.
    english_cookies = notice(
        english_home,
        english,
        thai_cookies.translation_key,
        title="Cookie notice",
        slug="cookies",
        intro="The site uses the cookies it needs.",
        body=notice_body("Cookies we need", "The language and consent cookies."),
    )
    english_cookies_draft = site_builder.save_draft(english_cookies)

    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    identity = apps.get_model("home", "SiteIdentity").objects.create(
        site=site, english_name=ENGLISH_NAME
    )
    privacy_settings = apps.get_model("home", "PrivacySettings").objects.create(
        site=site,
        privacy_notice_id=thai_privacy.pk,
        cookie_notice_id=thai_cookies.pk,
        analytics_script_url=ANALYTICS_URL,
    )

    # Communications staff: admin access, the two settings, information pages,
    # and publishing below the home page.
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    def permission(model_name, action):
        model = apps.get_model("home", model_name)
        return Permission.objects.get_or_create(
            content_type=site_builder.content_type(model),
            codename=f"{action}_{model_name}",
            defaults={"name": f"Can {action} {model._meta.verbose_name}"},
        )[0]

    staff = Group.objects.create(name="เจ้าหน้าที่สื่อสาร")
    staff.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        permission("siteidentity", "change"),
        permission("privacysettings", "change"),
        permission("informationpage", "add"),
        permission("informationpage", "change"),
    )
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=staff,
            page_id=thai_home.pk,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    User = apps.get_model("auth", "User")
    editor = User.objects.create(username="somchai", email="somchai@example.org", password="!")
    editor.groups.add(staff)

    # A partner who sent a story through the form, with a PDF.
    partner = apps.get_model("network", "PartnerOrganisation").objects.create(
        name="มูลนิธิเพื่อการเยียวยาชายแดนใต้",
        short_name="มยส.",
        slug="foundation-for-southern-healing",
        kind="foundation",
        mission="ทำงานกับเยาวชนในสามจังหวัดชายแดนภาคใต้",
        locale=thai,
        translation_key=uuid.uuid4(),
    )
    form = site_builder.add_page(
        apps.get_model("network", "StoryFormPage"),
        thai_home,
        title="ส่งเรื่องจากภาคี",
        slug="send-a-story",
        locale=thai,
        translation_key=uuid.uuid4(),
        intro="ภาคีเครือข่ายเล่างานของตัวเองได้ที่นี่",
        retention_days=365,
        privacy_contact_email="privacy@example.org",
    )
    site_builder.publish(form)
    submission = apps.get_model("network", "StorySubmission").objects.create(
        reference="2568-ABC234",
        status="in_review",
        language="th",
        form_page_id=form.pk,
        submitted_at=EDITED_AT,
        partner=partner,
        contact_name="สมหญิง ใจดี",
        email="somying@example.org",
        phone="081-234-5678",
        kind="event",
        title="เวทีแลกเปลี่ยนเยาวชนปัตตานี",
        start_date=datetime.date(2025, 2, 14),
        end_date=datetime.date(2025, 2, 15),
        participants=53,
        story="เยาวชนสามจังหวัดร่วมวางแผนงานอาสาสมัคร",
        consent_at=EDITED_AT,
        notice_version="3f2a9c1d0b7e",
        notice_text="ทำไมเราเก็บข้อมูล: เพื่อตรวจสอบเรื่องกับภาคี",
        retention_days=365,
        client_hash="a" * 64,
    )
    submission.provinces.add(apps.get_model("network", "Province").objects.get(name_en="Pattani"))
    pdf = factories.pdf_bytes(pages=2)
    stored = apps.get_model("network", "StorySubmissionFile").objects.create(
        submission=submission,
        kind="pdf",
        file=ContentFile(pdf, name="รายงาน.pdf"),
        original_name="รายงานเวทีเยาวชน.pdf",
        content_type="application/pdf",
        size=len(pdf),
    )
    return {
        "thai_home": thai_home.pk,
        "english_home": english_home.pk,
        "thai_privacy": thai_privacy.pk,
        "thai_cookies": thai_cookies.pk,
        "english_privacy": english_privacy.pk,
        "english_cookies": english_cookies.pk,
        "privacy_translation_key": thai_privacy.translation_key,
        "revisions": {
            thai_privacy_revision.pk: "มูลนิธิเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็น",
            cookies_published.pk: "เว็บไซต์ใช้คุกกี้เท่าที่จำเป็น",
            cookies_draft.pk: "เว็บไซต์ใช้คุกกี้เท่าที่จำเป็น และคุกกี้สถิติเมื่อผู้อ่านยินยอม",
            english_privacy_revision.pk: "The foundation keeps only the personal data it needs.",
            english_cookies_draft.pk: "The site uses the cookies it needs.",
        },
        "content_types": {
            model: site_builder.content_type(apps.get_model("home", model)).pk for model in MOVED
        },
        "site": site.pk,
        "identity": identity.pk,
        "privacy_settings": privacy_settings.pk,
        "editor": editor.pk,
        "partner": partner.pk,
        "form": form.pk,
        "submission": submission.pk,
        "file": stored.pk,
        "file_name": stored.file.name,
        "file_sha256": hashlib.sha256(pdf).hexdigest(),
    }


# --- Reading it back through the current code -----------------------------------------


def footer_links(response):
    footer = re.search(r"<footer.*?</footer>", response.content.decode(), re.DOTALL).group(0)
    return set(re.findall(r'<a href="([^"]+)"', footer))


def check_models(old):
    """The moved rows, read through the current models."""
    content_types = ContentType.objects.in_bulk(old["content_types"].values())
    for model, (_old_app, _t, new_app, _n) in MOVED.items():
        content_type = content_types[old["content_types"][model]]
        assert (content_type.app_label, content_type.model) == (new_app, model)
    assert not ContentType.objects.filter(app_label="home", model__in=MOVED).exists()
    assert (
        ContentType.objects.get_for_model(InformationPage).pk
        == old["content_types"]["informationpage"]
    )

    # The tree written by hand above is one treebeard accepts.
    assert not any(Page.find_problems())

    privacy = InformationPage.objects.get(pk=old["thai_privacy"])
    assert privacy.title == "นโยบายความเป็นส่วนตัว"
    assert privacy.intro == "มูลนิธิเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็น"
    assert privacy.last_updated == datetime.date(2025, 1, 15)
    assert privacy.body[0].value["text"] == "ข้อมูลที่เราเก็บ"
    assert privacy.live and not privacy.has_unpublished_changes
    for key in ("thai_privacy", "thai_cookies", "english_privacy", "english_cookies"):
        assert type(Page.objects.get(pk=old[key]).specific) is InformationPage
    assert type(Page.objects.get(pk=old["thai_home"]).specific) is HomePage
    assert type(Page.objects.get(pk=old["form"]).specific) is StoryFormPage

    english_privacy = InformationPage.objects.get(pk=old["english_privacy"])
    assert english_privacy.locale.language_code == "en"
    assert english_privacy.get_translation(privacy.locale) == privacy
    assert english_privacy.translation_key == old["privacy_translation_key"]
    assert {page.pk for page in privacy.get_translations(inclusive=True)} == {
        old["thai_privacy"],
        old["english_privacy"],
    }

    cookies = InformationPage.objects.get(pk=old["thai_cookies"])
    assert cookies.live and cookies.has_unpublished_changes
    assert cookies.intro == "เว็บไซต์ใช้คุกกี้เท่าที่จำเป็น"
    assert (
        cookies.get_latest_revision_as_object().intro
        == old["revisions"][cookies.latest_revision_id]
    )
    english_cookies = InformationPage.objects.get(pk=old["english_cookies"])
    assert not english_cookies.live and english_cookies.has_unpublished_changes
    for pk, intro in old["revisions"].items():
        revision = Revision.objects.get(pk=pk)
        assert revision.content_type_id == old["content_types"]["informationpage"]
        as_page = revision.as_object()
        assert type(as_page) is InformationPage
        assert as_page.intro == intro
        assert as_page.body[0].block_type == "heading"
    assert (
        PageLogEntry.objects.filter(page_id=old["thai_privacy"], action="wagtail.publish")
        .get()
        .content_type_id
        == (old["content_types"]["informationpage"])
    )

    site = Site.objects.get(pk=old["site"])
    identity = SiteIdentity.for_site(site)
    assert (identity.pk, identity.english_name) == (old["identity"], ENGLISH_NAME)
    privacy_settings = PrivacySettings.for_site(site)
    assert privacy_settings.pk == old["privacy_settings"]
    assert privacy_settings.privacy_notice.specific == privacy
    assert privacy_settings.cookie_notice_id == old["thai_cookies"]
    assert privacy_settings.analytics_script_url == ANALYTICS_URL

    editor = get_user_model().objects.get(pk=old["editor"])
    for perm in (
        "core.change_siteidentity",
        "privacy.change_privacysettings",
        "core.add_informationpage",
        "core.change_informationpage",
    ):
        assert editor.has_perm(perm), perm
    assert privacy.permissions_for_user(editor).can_publish()

    submission = StorySubmission.objects.get(pk=old["submission"])
    assert submission.form_page == Page.objects.get(pk=old["form"]).specific
    assert submission.partner_id == old["partner"]
    assert (submission.reference, submission.title, submission.email) == (
        "2568-ABC234",
        "เวทีแลกเปลี่ยนเยาวชนปัตตานี",
        "somying@example.org",
    )
    assert [province.name_en for province in submission.provinces.all()] == ["Pattani"]
    stored = StorySubmissionFile.objects.get(pk=old["file"])
    assert stored.submission_id == submission.pk
    assert stored.file.name == old["file_name"]
    assert stored.file.storage is get_submission_storage()
    with stored.file.open("rb") as data:
        assert hashlib.sha256(data.read()).hexdigest() == old["file_sha256"]


def check_served(client, old):
    """The notices as readers get them, in Thai and in English, and the settings as
    staff edit them."""
    thai_home = client.get("/")
    assert thai_home.status_code == 200
    assert {"/privacy/", "/cookies/"} <= footer_links(thai_home)
    assert f'data-analytics-src="{ANALYTICS_URL}"' in thai_home.content.decode()
    english_home = client.get("/en/")
    assert english_home.status_code == 200
    # The English cookie notice is a draft: English readers get the Thai one.
    assert {"/en/privacy/", "/cookies/"} <= footer_links(english_home)
    assert "/privacy/" not in footer_links(english_home)

    for path, title, language in (
        ("/privacy/", "นโยบายความเป็นส่วนตัว", "th"),
        ("/cookies/", "ประกาศเกี่ยวกับการใช้คุกกี้", "th"),
        ("/en/privacy/", "Privacy notice", "en"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f"<h1>{title}</h1>" in html
        assert f'<html lang="{language}"' in html
        assert (ENGLISH_NAME in html) == (language == "en")
    assert ">What we keep</h2>" in client.get("/en/privacy/").content.decode()
    assert client.get("/en/cookies/").status_code == 404
    site = Site.objects.get(pk=old["site"])
    english_privacy = InformationPage.objects.get(pk=old["english_privacy"])
    assert english_privacy.get_url(current_site=site) == "/en/privacy/"

    client.force_login(get_user_model().objects.get(pk=old["editor"]))
    response = client.get(f"/admin/settings/privacy/privacysettings/{old['site']}/")
    assert response.status_code == 200
    assert ANALYTICS_URL in response.content.decode()
    assert client.get(f"/admin/settings/core/siteidentity/{old['site']}/").status_code == 200
    assert client.get(f"/admin/pages/{old['thai_privacy']}/edit/").status_code == 200
    client.logout()


def reset_sequences(*models):
    """What loaddata does after loading rows: point each table's id sequence past
    its highest id. The sequences were made under the tables' old names."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def add_with_current_code(old):
    """What staff do after the deploy: a new information page, a second site with
    its own settings. Rolling back must keep these too."""
    reset_sequences(SiteIdentity, PrivacySettings)
    home = Page.objects.get(pk=old["thai_home"])
    terms = home.add_child(
        instance=InformationPage(
            title="ข้อกำหนดการใช้งาน",
            slug="terms",
            intro="เงื่อนไขการใช้เนื้อหาบนเว็บไซต์",
            body=notice_body("การใช้เนื้อหา", "อ้างอิงแหล่งที่มาเมื่อนำไปใช้"),
        )
    )
    terms.save_revision().publish()
    # Rooted at the tree's root, so the default site still serves every page above.
    second = Site.objects.create(
        hostname="preview.example.org", root_page=Page.get_first_root_node(), site_name="ตัวอย่าง"
    )
    identity = SiteIdentity.for_site(second)
    identity.english_name = "Phakhi Sang Suk (English)"
    identity.save()
    privacy_settings = PrivacySettings.for_site(second)
    privacy_settings.privacy_notice = InformationPage.objects.get(pk=old["english_privacy"])
    privacy_settings.save()
    assert identity.pk != old["identity"] and privacy_settings.pk != old["privacy_settings"]
    return {"terms": terms.pk, "second_site": second.pk}


# --- The test ---------------------------------------------------------------------------


def test_a_database_of_the_previous_release_migrates_to_the_new_layout_and_back(
    back_to_latest, story_settings, client
):
    migrate(PREVIOUS_TARGETS)
    assert applied("core") == set() and applied("privacy") == set()
    assert "0006_move_site_models" not in applied("home")
    old = build_previous_site(previous_apps())
    forget_cached_rows()
    stored_file = get_submission_storage().path(old["file_name"])
    before = snapshot()
    assert {"home_siteidentity", "home_informationpage", "home_privacysettings"} <= set(before)

    migrate(latest_targets())

    # Nothing else changed: same tables, same rows, same ids; only the moved tables'
    # names and the moved models' content type labels.
    assert_same_rows(snapshot(), moved(before, OLD_TO_NEW_TABLE, OLD_TO_NEW_LABEL))
    check_models(old)
    check_served(client, old)
    new = add_with_current_code(old)

    # Rolling back (a deploy of the previous release) keeps everything, including
    # what was added after the move.
    deployed = snapshot()
    migrate(PREVIOUS_TARGETS)
    assert_same_rows(snapshot(), moved(deployed, NEW_TO_OLD_TABLE, NEW_TO_OLD_LABEL))
    apps = previous_apps()
    OldInformationPage = apps.get_model("home", "InformationPage")
    assert set(OldInformationPage.objects.values_list("pk", flat=True)) >= {
        old["thai_privacy"],
        old["english_privacy"],
        new["terms"],
    }
    assert OldInformationPage.objects.get(pk=new["terms"]).content_type.app_label == "home"
    OldSiteIdentity = apps.get_model("home", "SiteIdentity")
    assert (
        OldSiteIdentity.objects.get(site_id=new["second_site"]).english_name
        == "Phakhi Sang Suk (English)"
    )
    # The previous release writes to its tables again while it runs.
    reset_sequences(OldSiteIdentity)
    OldPage = apps.get_model("wagtailcore", "Page")
    third = apps.get_model("wagtailcore", "Site").objects.create(
        hostname="archive.example.org", root_page=OldPage.objects.get(depth=1)
    )
    OldSiteIdentity.objects.create(site=third, english_name="Third")
    forget_cached_rows()

    rolled_back = snapshot()
    migrate(latest_targets())
    assert_same_rows(snapshot(), moved(rolled_back, OLD_TO_NEW_TABLE, OLD_TO_NEW_LABEL))
    check_models(old)
    check_served(client, old)
    assert client.get("/terms/").status_code == 200
    assert SiteIdentity.for_site(Site.objects.get(pk=third.pk)).english_name == "Third"
    with open(stored_file, "rb") as data:
        assert hashlib.sha256(data.read()).hexdigest() == old["file_sha256"]
    assert applied("core") == {"0001_initial"} and applied("privacy") == {"0001_initial"}

    # The drafts saved by the previous release publish with the current code.
    for key in ("thai_cookies", "english_cookies"):
        InformationPage.objects.get(pk=old[key]).get_latest_revision().publish()
    forget_cached_rows()
    assert "และคุกกี้สถิติเมื่อผู้อ่านยินยอม" in client.get("/cookies/").content.decode()
    assert client.get("/en/cookies/").status_code == 200
    assert {"/en/privacy/", "/en/cookies/"} <= footer_links(client.get("/en/"))
