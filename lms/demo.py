"""Demo content for the site shell, from the seed news texts about the
"Cyfrowy Powiat" grant of Powiat Bolesławiecki.

Every function is idempotent: it looks objects up by a stable key (slug,
title, email) and updates them, so `load_demo_data` can run on every start."""

import datetime
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

from .models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    PrivacyNoticePage,
    SiteSettings,
)

DEFAULT_DEMO_PASSWORD = "akademia-demo-2026"
ADMIN_EMAIL = "admin@example.org"

ORGANISER_NAME = "Powiat Bolesławiecki – Starostwo Powiatowe w Bolesławcu"
ORGANISER_ADDRESS = "ul. Sierpnia 1980 r. 6\n59-700 Bolesławiec"
FUNDING_STATEMENT = (
    "Projekt grantowy pn. „Cyfrowy Powiat – wsparcie Ogólnopolskiej Sieci Edukacyjnej "
    "w systemie kształcenia zdalnego” finansowany ze środków Europejskiego Funduszu Rozwoju "
    "Regionalnego w ramach Programu Operacyjnego Polska Cyfrowa na lata 2014-2020, "
    "Oś Priorytetowa V Rozwój cyfrowy JST oraz wzmocnienie cyfrowej odporności na zagrożenia "
    "REACT-EU."
)

INSTITUTIONS = [
    "Starostwo Powiatowe w Bolesławcu",
    "I Liceum Ogólnokształcące w Bolesławcu",
    "II Liceum Ogólnokształcące w Bolesławcu",
    "Zespół Szkół Ogólnokształcących i Zawodowych",
    "Zespół Szkół Elektronicznych",
    "Zespół Szkół Mechanicznych",
    "Zespół Szkół Budowlanych",
    "Zespół Szkół Handlowych i Usługowych",
    "Poradnia Psychologiczno-Pedagogiczna",
    "Powiatowe Centrum Edukacji i Kształcenia Kadr",
    "Powiatowe Centrum Pomocy Rodzinie",
    "Powiatowe Centrum Usług Wspólnych",
    "Zarząd Dróg Powiatowych",
    "Młodzieżowy Dom Kultury w Bolesławcu",
    "Powiatowy Zespół Szkół i Placówek Specjalnych w Bolesławcu",
    "Szkoła Podstawowa Specjalna w Iwinach",
]


def demo_password() -> str:
    """The one password of every demo account, overridable by DEMO_PASSWORD."""
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def _heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def _text(html):
    return ("paragraph", html)


def _bullets(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


HOME_BODY = [
    _heading("Po co ta platforma"),
    _text(
        "<p>Dzięki grantowi „Cyfrowy Powiat” urząd powiatowy i szkoły powiatu bolesławieckiego "
        "otrzymały laptopy z oprogramowaniem, a Starostwo – serwer, przełącznik sieciowy i UPS. "
        "Ta platforma uczy pracowników i nauczycieli, jak bezpiecznie korzystać z tego sprzętu "
        "i pracować zdalnie – w domu, we własnym tempie.</p>"
    ),
    _heading("Czego się nauczysz"),
    _text(
        _bullets(
            [
                "bezpiecznej pracy zdalnej na laptopie służbowym: VPN, aktualizacje, szyfrowanie, "
                "blokada ekranu",
                "pakietu biurowego i dokumentów w chmurze",
                "spotkań wideo i lekcji zdalnych",
                "dokumentów elektronicznych i e-usług: ePUAP, podpis elektroniczny",
                "cyberhigieny: phishing, hasła, uwierzytelnianie wieloskładnikowe, kopie zapasowe",
                "obsługi serwera, UPS i przełącznika sieciowego (dla informatyków)",
            ]
        )
    ),
    _heading("Jak zacząć"),
    _text(
        "<p>Koordynator w Twojej jednostce zaprosi Cię e-mailem. Po pierwszym logowaniu "
        "zobaczysz listę swoich kursów. Po ukończeniu kursu pobierzesz zaświadczenie.</p>"
    ),
]

ABOUT_BODY = [
    _text(
        "<p>Pandemia COVID-19 pokazała, że sprawne wykorzystywanie technologii cyfrowych przez "
        "samorządy ma kluczowe znaczenie dla mieszkańców. Konkurs „Cyfrowy Powiat” wspiera "
        "rozwój cyfrowy instytucji samorządowych i ich cyberbezpieczeństwo: zakup sprzętu, "
        "oprogramowania i licencji do e-usług i pracy zdalnej oraz edukację cyfrową urzędów "
        "i placówek oświatowych.</p>"
    ),
    _heading("Jednostki objęte projektem"),
    _text(_bullets(INSTITUTIONS)),
    _heading("Finansowanie"),
    _text(
        "<p>Kwota dofinansowania wyniosła 269 286 zł, z czego 257 320 zł przeznaczono na "
        "sprzęt informatyczny dla jednostek oświatowych powiatu.</p>"
    ),
]

HELP_BODY = [
    _heading("Logowanie"),
    _text(
        "<p>Logujesz się adresem e-mail podanym przez koordynatora i własnym hasłem "
        "(co najmniej 12 znaków). Jeśli nie pamiętasz hasła, użyj odnośnika „Nie pamiętasz "
        "hasła?” na stronie logowania.</p>"
    ),
    _heading("Wygodne czytanie"),
    _text(
        "<p>Przyciski A, A+ i A++ w nagłówku powiększają tekst, a przycisk „Wysoki kontrast” "
        "włącza żółty tekst na czarnym tle. Ustawienia zapamiętujemy w Twojej przeglądarce.</p>"
    ),
]

PRIVACY_BODY = [
    _heading("Administrator danych"),
    _text(
        "<p>Administratorem Twoich danych osobowych jest Starostwo Powiatowe w Bolesławcu, "
        "ul. Sierpnia 1980 r. 6, 59-700 Bolesławiec.</p>"
    ),
    _heading("Inspektor ochrony danych"),
    _text("<p>Z inspektorem ochrony danych skontaktujesz się pod adresem iod@example.org.</p>"),
    _heading("Cele i podstawa prawna"),
    _text(
        _bullets(
            [
                "rekrutacja i udział w szkoleniach (art. 6 ust. 1 lit. c i e RODO),",
                "wsparcie techniczne uczestników,",
                "monitorowanie postępów i czasu nauki,",
                "sprawozdawczość i rozliczenie grantu wobec instytucji finansującej.",
            ]
        )
    ),
    _heading("Okres przechowywania"),
    _text(
        "<p>Dane przechowujemy przez okres trwałości projektu i archiwizacji dokumentacji "
        "wymagany umową o powierzenie grantu.</p>"
    ),
    _heading("Twoje prawa"),
    _text(
        "<p>Masz prawo dostępu do swoich danych, ich sprostowania, ograniczenia przetwarzania "
        "oraz wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.</p>"
    ),
]


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


def _demo_logo(title, lines, colour):
    """A generated placeholder logo: the real programme logos are third-party
    artwork that the organiser uploads in the admin."""
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


def _home_page():
    """Replace Wagtail's placeholder welcome page with our HomePage at the site root."""
    home = HomePage.objects.first()
    fields = {
        "title": "Cyfrowa Akademia Powiatu Bolesławieckiego",
        "lead": (
            "Szkolenia zdalne z obsługi laptopów, oprogramowania i narzędzi pracy zdalnej "
            "zakupionych w projekcie „Cyfrowy Powiat” – dla urzędników i nauczycieli."
        ),
        "body": HOME_BODY,
    }
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


@transaction.atomic
def build_site_shell() -> dict:
    """Pages, site settings and the superuser of the demo."""
    home = _home_page()
    _upsert_child(
        home,
        ContentPage,
        "o-projekcie",
        title="O projekcie",
        show_in_menus=True,
        lead="Cyfrowy Powiat: sprzęt, oprogramowanie i edukacja cyfrowa dla powiatu.",
        body=ABOUT_BODY,
    )
    _upsert_child(
        home,
        ContentPage,
        "pomoc",
        title="Pomoc",
        show_in_menus=True,
        lead="Jak się zalogować i jak dopasować stronę do swoich potrzeb.",
        body=HELP_BODY,
    )
    privacy = _upsert_child(
        home,
        PrivacyNoticePage,
        "klauzula-informacyjna-rodo",
        title="Klauzula informacyjna RODO",
        version="1.0",
        valid_from=datetime.date(2026, 9, 1),
        body=PRIVACY_BODY,
    )
    statement = _upsert_child(
        home,
        AccessibilityStatementPage,
        "deklaracja-dostepnosci",
        title="Deklaracja dostępności",
        entity_name="Starostwo Powiatowe w Bolesławcu",
        site_url=f"{settings.SITE_URL}/",
        published_on=datetime.date(2026, 9, 1),
        updated_on=datetime.date(2026, 11, 1),
        status=AccessibilityStatementPage.Status.PARTIAL,
        non_accessible_content=(
            "<p>Niektóre materiały wideo dodane przez trenerów mogą nie mieć jeszcze "
            "transkrypcji.</p>"
        ),
        prepared_on=datetime.date(2026, 11, 1),
        assessment="<p>Deklarację sporządzono na podstawie samooceny.</p>",
        keyboard_shortcuts=(
            "<p>Na każdej stronie można powiększyć tekst (A, A+, A++) i włączyć wysoki "
            "kontrast. Pierwszy klawisz Tab pokazuje odnośnik „Przejdź do treści”.</p>"
        ),
        contact_person="Jan Kowalski",
        contact_email="dostepnosc@example.org",
        contact_phone="+48 75 000 00 00",
        procedure=(
            "<p>Każdy ma prawo zażądać zapewnienia dostępności cyfrowej strony lub jej "
            "elementu. Żądanie rozpatrujemy niezwłocznie, nie później niż w ciągu 7 dni. "
            "Po odmowie można złożyć skargę, a następnie zawiadomić Rzecznika Praw "
            "Obywatelskich.</p>"
        ),
        architecture=(
            "<p>Siedziba Starostwa przy ul. Sierpnia 1980 r. 6 ma wejście bez progów i windę.</p>"
        ),
    )

    site = Site.objects.get(is_default_site=True)
    settings_obj = SiteSettings.for_site(site)
    settings_obj.organiser_name = ORGANISER_NAME
    settings_obj.organiser_address = ORGANISER_ADDRESS
    settings_obj.organiser_logo = _demo_logo("Herb – demo", ["Powiat", "Bolesławiecki"], "#b31b1b")
    settings_obj.funding_statement = FUNDING_STATEMENT
    settings_obj.funding_logos = [
        (
            "logo",
            {
                "image": _demo_logo(
                    "Fundusze Europejskie – demo", ["Fundusze", "Europejskie"], "#0b3d91"
                ),
                "alt_text": "Fundusze Europejskie – Program Polska Cyfrowa",
            },
        ),
        (
            "logo",
            {
                "image": _demo_logo(
                    "Rzeczpospolita Polska – demo", ["Rzeczpospolita", "Polska"], "#d4213d"
                ),
                "alt_text": "Rzeczpospolita Polska",
            },
        ),
        (
            "logo",
            {
                "image": _demo_logo(
                    "Unia Europejska – demo", ["Unia Europejska", "EFRR"], "#003399"
                ),
                "alt_text": "Unia Europejska – Europejski Fundusz Rozwoju Regionalnego",
            },
        ),
    ]
    settings_obj.contact_email = "szkolenia@example.org"
    settings_obj.contact_phone = "+48 75 000 00 00"
    settings_obj.accessibility_statement = statement
    settings_obj.privacy_notice = privacy
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
