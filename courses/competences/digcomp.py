"""DigComp, the European Digital Competence Framework, as reference data
shipped with the app: the frameworks, their proficiency levels, areas and
competences with Polish and English names.

Sources:
- DigComp 2.2: R. Vuorikari, S. Kluzer, Y. Punie, "DigComp 2.2: The Digital
  Competence Framework for Citizens", JRC, Publications Office of the EU,
  2022 (EUR 31006 EN): 5 areas, 21 competences 1.1-5.4, 8 proficiency levels
  grouped as Foundation (1-2), Intermediate (3-4), Advanced (5-6) and Highly
  specialised (7-8). Polish names as in the Polish translation of the
  framework used by Polish programmes ("Ramy kompetencji cyfrowych DigComp").
- DigComp 3.0: JRC, "DigComp 3.0: The European Digital Competence
  Framework", 2025: the same 21 competences in 5 areas with reworded titles
  (1 Information search, evaluation and management; 2 Communication and
  collaboration; 3 Content creation; 4 Safety, wellbeing and responsible use;
  5 Problem identification and solving) and 4 proficiency levels (Basic,
  Intermediate, Advanced, Highly advanced).

Migration 0015 loads a frozen copy of this data (a migration must not change
when this module does); administrators add or correct entries in the admin
("Kompetencje cyfrowe"). Each framework is (code, year, name, name_en,
levels [(number, name, name_en)], areas [(code, name, name_en, competences
[(code, name, name_en)])])."""

DIGCOMP_22 = (
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
)

DIGCOMP_30 = (
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
)

FRAMEWORKS = [DIGCOMP_22, DIGCOMP_30]
