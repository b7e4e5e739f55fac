"""Demo institutions and accounts of Powiat Bolesławiecki (from the seed
text), built through the same services the app uses. Idempotent."""

import itertools

from django.db import transaction

from . import roles, services
from .models import Institution, User

COUNTY_OFFICE = ("Starostwo Powiatowe w Bolesławcu", "Starostwo", Institution.Kind.OFFICE)
UNITS = [
    ("I Liceum Ogólnokształcące w Bolesławcu", "I LO", Institution.Kind.SCHOOL),
    ("II Liceum Ogólnokształcące w Bolesławcu", "II LO", Institution.Kind.SCHOOL),
    ("Zespół Szkół Ogólnokształcących i Zawodowych", "ZSOiZ", Institution.Kind.SCHOOL),
    ("Zespół Szkół Elektronicznych", "ZSE", Institution.Kind.SCHOOL),
    ("Zespół Szkół Mechanicznych", "ZSM", Institution.Kind.SCHOOL),
    ("Zespół Szkół Budowlanych", "ZSB", Institution.Kind.SCHOOL),
    ("Zespół Szkół Handlowych i Usługowych", "ZSHiU", Institution.Kind.SCHOOL),
    ("Poradnia Psychologiczno-Pedagogiczna", "PPP", Institution.Kind.CARE),
    ("Powiatowe Centrum Pomocy Rodzinie", "PCPR", Institution.Kind.CARE),
    ("Zarząd Dróg Powiatowych", "ZDP", Institution.Kind.OFFICE),
    ("Młodzieżowy Dom Kultury w Bolesławcu", "MDK", Institution.Kind.OTHER),
    (
        "Powiatowy Zespół Szkół i Placówek Specjalnych w Bolesławcu",
        "PZSiPS",
        Institution.Kind.SCHOOL,
    ),
    ("Szkoła Podstawowa Specjalna w Iwinach", "SPS Iwiny", Institution.Kind.SCHOOL),
]

FIRST_NAMES = [
    ("Agnieszka", "K"), ("Łukasz", "M"), ("Małgorzata", "K"), ("Paweł", "M"),
    ("Żaneta", "K"), ("Grzegorz", "M"), ("Katarzyna", "K"), ("Michał", "M"),
    ("Jolanta", "K"), ("Józef", "M"), ("Urszula", "K"), ("Bartłomiej", "M"),
    ("Elżbieta", "K"), ("Sławomir", "M"), ("Dorota", "K"), ("Przemysław", "M"),
]  # fmt: skip
LAST_NAMES = [
    ("Wiśniewska", "Wiśniewski"), ("Wójcik", "Wójcik"), ("Kamińska", "Kamiński"),
    ("Lewandowska", "Lewandowski"), ("Zielińska", "Zieliński"), ("Szymańska", "Szymański"),
    ("Woźniak", "Woźniak"), ("Dąbrowska", "Dąbrowski"), ("Kozłowska", "Kozłowski"),
    ("Jabłońska", "Jabłoński"), ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"),
    ("Piątek", "Piątek"), ("Grabowska", "Grabowski"), ("Nowakowska", "Nowakowski"),
    ("Pawłowska", "Pawłowski"), ("Michalska", "Michalski"), ("Król", "Król"),
]  # fmt: skip
POSITIONS = {
    Institution.Kind.SCHOOL: ["nauczyciel", "nauczycielka informatyki", "sekretarz szkoły"],
    Institution.Kind.OFFICE: ["inspektor", "podinspektor", "specjalista ds. kadr"],
    Institution.Kind.CARE: ["pedagog", "psycholog", "pracownik socjalny"],
    Institution.Kind.OTHER: ["instruktor", "specjalista"],
}
LEARNERS_PER_UNIT = 3


def _institution(name, short_name, kind, parent):
    institution, _created = Institution.objects.update_or_create(
        name=name, defaults={"short_name": short_name, "kind": kind, "parent": parent}
    )
    return institution


def _account(email, first_name, last_name, password, *, role, **fields):
    user = User.objects.filter(email=email).first() or User(email=email)
    user.first_name, user.last_name = first_name, last_name
    for name, value in fields.items():
        setattr(user, name, value)
    user.is_active = True
    user.is_staff = role in (roles.TRAINER, roles.COORDINATOR, roles.ADMINISTRATOR)
    user.set_password(password)
    user.save()
    user.groups.add(roles.role_group(role))
    services.email_mark_verified(user=user)
    return user


@transaction.atomic
def build_accounts(password: str) -> list[tuple[str, str]]:
    """Institutions under the county office, the role accounts and learners."""
    county = _institution(*COUNTY_OFFICE, parent=None)
    units = [_institution(*unit, parent=county) for unit in UNITS]
    lo1 = units[0]

    accounts = []
    trainer = _account(
        "trainer@example.org", "Tomasz", "Żak", password, role=roles.TRAINER,
        institution=county, position="trener kompetencji cyfrowych",
    )  # fmt: skip
    accounts.append((trainer.email, "trener"))
    coordinator = _account(
        "coordinator@example.org", "Beata", "Świątek", password, role=roles.COORDINATOR,
        institution=county, position="koordynator projektu Cyfrowy Powiat",
    )  # fmt: skip
    coordinator.scope.set([county])
    accounts.append((coordinator.email, "koordynator (cały powiat)"))
    coordinator_lo1 = _account(
        "coordinator.lo1@example.org", "Ryszard", "Kałuża", password, role=roles.COORDINATOR,
        institution=lo1, position="wicedyrektor",
    )  # fmt: skip
    coordinator_lo1.scope.set([lo1])
    accounts.append((coordinator_lo1.email, "koordynator (I LO)"))
    learner = _account(
        "learner@example.org", "Zofia", "Łęcka", password, role=roles.LEARNER,
        institution=county, position="inspektor ds. oświaty", gender="K",
    )  # fmt: skip
    accounts.append((learner.email, "uczestnik"))

    names = itertools.cycle(
        (first, female if gender == "K" else male, gender)
        for (first, gender), (female, male) in zip(
            itertools.cycle(FIRST_NAMES), LAST_NAMES * 3, strict=False
        )
    )
    for index, unit in enumerate([county, *units]):
        for number in range(LEARNERS_PER_UNIT):
            first, last, gender = next(names)
            positions = POSITIONS[unit.kind]
            _account(
                f"uczestnik{index:02d}{number}@example.org",
                first,
                last,
                password,
                role=roles.LEARNER,
                institution=unit,
                position=positions[number % len(positions)],
                gender=gender,
            )
    last = f"uczestnik{len(units):02d}{LEARNERS_PER_UNIT - 1}@example.org"
    count = (len(units) + 1) * LEARNERS_PER_UNIT
    accounts.append((f"uczestnik000@example.org … {last}", f"{count} uczestników"))
    return accounts
