"""The demo's site shell built from demo_data/site.toml (written from the seed
news texts about the "Cyfrowy Powiat" grant of Powiat Bolesławiecki): home
page, content pages, privacy notice, accessibility statement, site settings
and the superuser.

Every function is idempotent: it looks objects up by a stable key (slug,
title, email) and updates them, so `load_demo_data` can run on every start."""

import io
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from accounts import roles
from accounts.services import email_mark_verified

from .demo_data import site_data
from .models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    PrivacyNoticePage,
    SiteSettings,
)

DEFAULT_DEMO_PASSWORD = "akademia-demo-2026"
ADMIN_EMAIL = "admin@example.org"

PAGE_KINDS = {
    "content": ContentPage,
    "privacy_notice": PrivacyNoticePage,
    "accessibility_statement": AccessibilityStatementPage,
}

# Names of the units of the grant (the benchmarks make institutions of them).
INSTITUTIONS = site_data()["institutions"]


def demo_password() -> str:
    """The one password of every demo account, overridable by DEMO_PASSWORD."""
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def _bullets(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _page_body(blocks: list[dict], institutions: list[str]) -> list[tuple]:
    """site.toml blocks -> the pages' StreamField blocks."""
    body = []
    for block in blocks:
        kind = block["type"]
        if kind == "heading":
            body.append(("heading", {"text": block["text"], "level": "h2"}))
        elif kind == "paragraph":
            body.append(("paragraph", block["text"]))
        else:
            items = block["items"] if kind == "list" else institutions
            body.append(("paragraph", _bullets(items)))
    return body


def demo_font(size):
    """DejaVu where the machine has it (it has the Polish glyphs), else Pillow's own."""
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    ):
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def demo_media(model, **fields):
    """The demo's existing image or document with these fields (or None, for
    the caller to create) and the shared collection trainers choose from, into
    which an older demo run's media is moved."""
    collection = Collection.objects.get(name=roles.MEDIA_COLLECTION, depth=2)
    existing = model.objects.filter(**fields).first()
    if existing and existing.collection_id != collection.pk:
        existing.collection = collection
        existing.save(update_fields=["collection"])
    return existing, collection


def _demo_logo(spec: dict):
    """A generated placeholder logo: the real programme logos are third-party
    artwork that the organiser uploads in the admin."""
    title, lines, colour = spec["title"], spec["lines"], spec["colour"]
    image_model = get_image_model()
    existing, collection = demo_media(image_model, title=title)
    if existing:
        return existing
    canvas = PILImage.new("RGB", (480, 160), "white")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((8, 8, 152, 152), fill=colour)
    font = demo_font(26)
    for index, line in enumerate(lines):
        draw.text((172, 30 + index * 38), line, fill="#1b1b1f", font=font)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    slug = title.lower().replace(" ", "-")
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"{slug}.png"), collection=collection
    )


def _publish(page):
    page.save_revision().publish()
    return page


def _upsert_child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return _publish(page)


def _home_page(spec: dict, institutions: list[str]):
    """Replace Wagtail's placeholder welcome page with our HomePage at the site root."""
    home = HomePage.objects.first()
    fields = {**spec, "body": _page_body(spec["body"], institutions)}
    if home is None:
        root = Page.get_first_root_node()
        placeholder = Page.objects.filter(depth=2, slug="home").first()
        if placeholder is not None and placeholder.specific_class is Page:
            placeholder.slug = "welcome-placeholder"
            placeholder.save()
        home = HomePage(slug="home", **fields)
        root.add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
        if placeholder is not None and placeholder.specific_class is Page:
            placeholder.delete()
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    return _publish(home)


def _page_fields(spec: dict, institutions: list[str]) -> dict:
    """A site.toml page -> its model's fields (the statement is about SITE_URL)."""
    fields = {name: value for name, value in spec.items() if name not in ("kind", "slug")}
    if "body" in fields:
        fields["body"] = _page_body(fields["body"], institutions)
    if spec["kind"] == "accessibility_statement":
        fields["site_url"] = f"{settings.SITE_URL}/"
        fields["status"] = AccessibilityStatementPage.Status(spec["status"])
    return fields


@transaction.atomic
def build_site_shell() -> dict:
    """Pages, site settings and the superuser of the demo, from demo_data/site.toml."""
    data = site_data()
    home = _home_page(data["home"], data["institutions"])
    # By kind: the settings point to the one privacy notice and accessibility statement.
    pages = {
        spec["kind"]: _upsert_child(
            home, PAGE_KINDS[spec["kind"]], spec["slug"], **_page_fields(spec, data["institutions"])
        )
        for spec in data["pages"]
    }

    spec = data["settings"]
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name in (
        "organiser_name", "organiser_address", "funding_statement", "contact_email",
        "contact_phone",
    ):  # fmt: skip
        setattr(settings_obj, name, spec[name])
    settings_obj.organiser_logo = _demo_logo(spec["organiser_logo"])
    settings_obj.funding_logos = [
        ("logo", {"image": _demo_logo(logo), "alt_text": logo["alt_text"]})
        for logo in spec["funding_logos"]
    ]
    settings_obj.accessibility_statement = pages["accessibility_statement"]
    settings_obj.privacy_notice = pages["privacy_notice"]
    settings_obj.save()

    user_model = get_user_model()
    admin, _created = user_model.objects.get_or_create(
        email=ADMIN_EMAIL,
        defaults={"first_name": "Anna", "last_name": "Administratorka"},
    )
    admin.is_staff = True
    admin.is_superuser = True
    admin.is_active = True
    admin.set_password(demo_password())
    admin.save()
    email_mark_verified(user=admin)
    return {"home": home, "accounts": [(ADMIN_EMAIL, "administrator")]}
