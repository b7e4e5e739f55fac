"""Load DigComp 2.2 and 3.0 (frameworks, proficiency levels, areas and
competences, Polish and English names). The data is a frozen copy of
courses/competences/digcomp.py as it stood when this migration was written,
so the migration stays the same when that module changes. Idempotent:
rows are matched by their codes; reversing keeps the rows (they may be
tagged by courses by then). Administrators get the permissions to manage
the reference data (their group was given every permission that existed
when it was made); trainers only choose from it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATORS = "Administratorzy"
MODELS = ["competenceframework", "proficiencylevel", "competencearea", "competence"]

FRAMEWORKS = [
    (
        "digcomp-2-2",
        2022,
        "DigComp 2.2",
        "DigComp 2.2",
        [
            (1, "Podstawowy 1", "Foundation 1"),
            (2, "Podstawowy 2", "Foundation 2"),
            (3, "Średniozaawansowany 3", "Intermediate 3"),
            (4, "Średniozaawansowany 4", "Intermediate 4"),
            (5, "Zaawansowany 5", "Advanced 5"),
            (6, "Zaawansowany 6", "Advanced 6"),
            (7, "Wysoko specjalistyczny 7", "Highly specialised 7"),
            (8, "Wysoko specjalistyczny 8", "Highly specialised 8"),
        ],
        [
            (
                "1",
                "Umiejętność korzystania z informacji i danych",
                "Information and data literacy",
                [
                    (
                        "1.1",
                        "Przeglądanie, wyszukiwanie i filtrowanie danych, informacji"
                        " i treści cyfrowych",
                        "Browsing, searching and filtering data, information and digital content",
                    ),
                    (
                        "1.2",
                        "Ocena danych, informacji i treści cyfrowych",
                        "Evaluating data, information and digital content",
                    ),
                    (
                        "1.3",
                        "Zarządzanie danymi, informacjami i treściami cyfrowymi",
                        "Managing data, information and digital content",
                    ),
                ],
            ),
            (
                "2",
                "Komunikacja i współpraca",
                "Communication and collaboration",
                [
                    (
                        "2.1",
                        "Interakcje za pomocą technologii cyfrowych",
                        "Interacting through digital technologies",
                    ),
                    (
                        "2.2",
                        "Udostępnianie za pomocą technologii cyfrowych",
                        "Sharing through digital technologies",
                    ),
                    (
                        "2.3",
                        "Aktywność obywatelska z wykorzystaniem technologii cyfrowych",
                        "Engaging in citizenship through digital technologies",
                    ),
                    (
                        "2.4",
                        "Współpraca za pomocą technologii cyfrowych",
                        "Collaborating through digital technologies",
                    ),
                    ("2.5", "Netykieta", "Netiquette"),
                    ("2.6", "Zarządzanie tożsamością cyfrową", "Managing digital identity"),
                ],
            ),
            (
                "3",
                "Tworzenie treści cyfrowych",
                "Digital content creation",
                [
                    ("3.1", "Tworzenie treści cyfrowych", "Developing digital content"),
                    (
                        "3.2",
                        "Integrowanie i przetwarzanie treści cyfrowych",
                        "Integrating and re-elaborating digital content",
                    ),
                    ("3.3", "Prawa autorskie i licencje", "Copyright and licences"),
                    ("3.4", "Programowanie", "Programming"),
                ],
            ),
            (
                "4",
                "Bezpieczeństwo",
                "Safety",
                [
                    ("4.1", "Ochrona urządzeń", "Protecting devices"),
                    (
                        "4.2",
                        "Ochrona danych osobowych i prywatności",
                        "Protecting personal data and privacy",
                    ),
                    ("4.3", "Ochrona zdrowia i dobrostanu", "Protecting health and well-being"),
                    ("4.4", "Ochrona środowiska", "Protecting the environment"),
                ],
            ),
            (
                "5",
                "Rozwiązywanie problemów",
                "Problem solving",
                [
                    ("5.1", "Rozwiązywanie problemów technicznych", "Solving technical problems"),
                    (
                        "5.2",
                        "Identyfikowanie potrzeb i odpowiedzi technologicznych",
                        "Identifying needs and technological responses",
                    ),
                    (
                        "5.3",
                        "Kreatywne korzystanie z technologii cyfrowych",
                        "Creatively using digital technologies",
                    ),
                    (
                        "5.4",
                        "Identyfikowanie luk w kompetencjach cyfrowych",
                        "Identifying digital competence gaps",
                    ),
                ],
            ),
        ],
    ),
    (
        "digcomp-3-0",
        2025,
        "DigComp 3.0",
        "DigComp 3.0",
        [
            (1, "Podstawowy", "Basic"),
            (2, "Średniozaawansowany", "Intermediate"),
            (3, "Zaawansowany", "Advanced"),
            (4, "Bardzo zaawansowany", "Highly advanced"),
        ],
        [
            (
                "1",
                "Wyszukiwanie, ocena i zarządzanie informacjami",
                "Information search, evaluation and management",
                [
                    (
                        "1.1",
                        "Przeglądanie, wyszukiwanie i filtrowanie informacji",
                        "Browsing, searching and filtering information",
                    ),
                    ("1.2", "Ocena informacji", "Evaluating information"),
                    ("1.3", "Zarządzanie informacjami i danymi", "Managing information and data"),
                ],
            ),
            (
                "2",
                "Komunikacja i współpraca",
                "Communication and collaboration",
                [
                    (
                        "2.1",
                        "Interakcje za pomocą technologii cyfrowych",
                        "Interacting through digital technologies",
                    ),
                    (
                        "2.2",
                        "Udostępnianie za pomocą technologii cyfrowych",
                        "Sharing through digital technologies",
                    ),
                    (
                        "2.3",
                        "Aktywność obywatelska z wykorzystaniem technologii cyfrowych",
                        "Engaging in citizenship through digital technologies",
                    ),
                    (
                        "2.4",
                        "Współpraca za pomocą technologii cyfrowych",
                        "Collaborating through digital technologies",
                    ),
                    ("2.5", "Netykieta", "Netiquette"),
                    ("2.6", "Zarządzanie tożsamością cyfrową", "Managing digital identity"),
                ],
            ),
            (
                "3",
                "Tworzenie treści",
                "Content creation",
                [
                    ("3.1", "Tworzenie treści cyfrowych", "Developing digital content"),
                    (
                        "3.2",
                        "Integrowanie i przetwarzanie treści cyfrowych",
                        "Integrating and re-elaborating digital content",
                    ),
                    ("3.3", "Prawa autorskie i licencje", "Copyright and licences"),
                    ("3.4", "Programowanie", "Programming"),
                ],
            ),
            (
                "4",
                "Bezpieczeństwo, dobrostan i odpowiedzialne korzystanie",
                "Safety, wellbeing and responsible use",
                [
                    ("4.1", "Ochrona urządzeń", "Protecting devices"),
                    (
                        "4.2",
                        "Ochrona danych osobowych i prywatności",
                        "Protecting personal data and privacy",
                    ),
                    ("4.3", "Ochrona zdrowia i dobrostanu", "Protecting health and wellbeing"),
                    ("4.4", "Ochrona środowiska", "Protecting the environment"),
                ],
            ),
            (
                "5",
                "Identyfikowanie i rozwiązywanie problemów",
                "Problem identification and solving",
                [
                    ("5.1", "Rozwiązywanie problemów technicznych", "Solving technical problems"),
                    (
                        "5.2",
                        "Identyfikowanie potrzeb i odpowiedzi technologicznych",
                        "Identifying needs and technological responses",
                    ),
                    (
                        "5.3",
                        "Kreatywne korzystanie z technologii cyfrowych",
                        "Creatively using digital technologies",
                    ),
                    (
                        "5.4",
                        "Identyfikowanie luk w kompetencjach cyfrowych",
                        "Identifying digital competence gaps",
                    ),
                ],
            ),
        ],
    ),
]


def load_digcomp(apps, schema_editor):
    Framework = apps.get_model("courses", "CompetenceFramework")
    Level = apps.get_model("courses", "ProficiencyLevel")
    Area = apps.get_model("courses", "CompetenceArea")
    Competence = apps.get_model("courses", "Competence")
    for code, year, name, name_en, levels, areas in FRAMEWORKS:
        framework, _ = Framework.objects.update_or_create(
            code=code, defaults={"year": year, "name": name, "name_en": name_en}
        )
        for order, (number, level_name, level_name_en) in enumerate(levels):
            Level.objects.update_or_create(
                framework=framework,
                number=number,
                defaults={"name": level_name, "name_en": level_name_en, "sort_order": order},
            )
        for area_code, area_name, area_name_en, competences in areas:
            area, _ = Area.objects.update_or_create(
                framework=framework,
                code=area_code,
                defaults={"name": area_name, "name_en": area_name_en},
            )
            for order, (comp_code, comp_name, comp_name_en) in enumerate(competences):
                Competence.objects.update_or_create(
                    area=area,
                    code=comp_code,
                    defaults={"name": comp_name, "name_en": comp_name_en, "sort_order": order},
                )


def grant_administrators(apps, schema_editor):
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is None:
        return
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_roles"), ("courses", "0016_learned_hours")]

    operations = [
        migrations.RunPython(load_digcomp, migrations.RunPython.noop),
        migrations.RunPython(grant_administrators, migrations.RunPython.noop),
    ]
