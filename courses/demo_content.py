"""Teaching content of the demo courses (Polish), as plain data that courses/demo.py turns into
pages through the same services the app uses."""

IMAGES = {
    "windows_update": {
        "title": "Windows Update",
        "lines": [
            "Ustawienia > Windows Update",
            "Dostępne aktualizacje: 2",
            "Aktualizacja zabezpieczeń systemu Windows",
            "Wymagane ponowne uruchomienie",
            "[Uruchom ponownie teraz]   [Zaplanuj ponowne uruchomienie]",
        ],
    },
    "bitlocker_status": {
        "title": "Szyfrowanie dysków funkcją BitLocker",
        "lines": [
            "Panel sterowania > System i zabezpieczenia",
            "Dysk systemu operacyjnego C:",
            "Funkcja BitLocker jest włączona",
            "Utwórz kopię zapasową klucza odzyskiwania",
        ],
    },
    "lock_screen_options": {
        "title": "Opcje logowania",
        "lines": [
            "Ustawienia > Konta > Opcje logowania",
            "Jeśli Cię nie było, kiedy system Windows",
            "powinien wymagać ponownego zalogowania?",
            "(*) Po wybudzeniu komputera z trybu uśpienia",
            "Skrót: Windows+L – zablokuj teraz",
        ],
    },
    "vpn_connect": {
        "title": "Połączenie VPN",
        "lines": [
            "Ustawienia > Sieć i Internet > VPN",
            "VPN Starostwo Bolesławiec",
            "Stan: Połączono",
            "[Rozłącz]   [Opcje zaawansowane]",
        ],
    },
    "share_dialog": {
        "title": "Udostępnij: 2024-09-02_plan-dyzurow.xlsx",
        "lines": [
            "Dodaj osoby: Jan Nowak (Wydział Oświaty)",
            "Uprawnienie: Może komentować",
            "Dostęp ogólny: Tylko dodane osoby",
            "Dostęp wygasa: 30.06",
            "[Anuluj]   [Udostępnij]",
        ],
    },
    "version_history": {
        "title": "Historia wersji",
        "lines": [
            "Dziś 10:42 – Anna Kowalska (wersja bieżąca)",
            "Wczoraj 15:10 – Jan Nowak",
            "Wersja nazwana: przed uwagami dyrektora",
            "[Przywróć tę wersję]   [Pobierz kopię]",
        ],
    },
    "meeting_join": {
        "title": "Dołącz do spotkania",
        "lines": [
            "Zebranie rady pedagogicznej – 16:00",
            "Kamera: wyłączona   Mikrofon: wyciszony",
            "Wyświetlana nazwa: Anna Kowalska – II LO",
            "Urządzenie audio: słuchawki z mikrofonem",
            "[Dołącz teraz]",
        ],
    },
    "screen_share_choice": {
        "title": "Udostępnij zawartość",
        "lines": [
            "( ) Cały ekran",
            "(*) Okno: Prezentacja – lekcja 5",
            "( ) Tablica",
            "Wskazówka: udostępniaj tylko jedno okno",
            "[Udostępnij]",
        ],
    },
    "phishing_email": {
        "title": "Podejrzana wiadomość",
        "lines": [
            "Od: Dział IT <helpdesk@weryfikacja-poczty.example.com>",
            "Temat: PILNE! Skrzynka zostanie zablokowana za 24 h",
            "Kliknij, aby potwierdzić hasło: [ZWERYFIKUJ KONTO]",
            "Link prowadzi do: logowanie-starostwo.example.net",
        ],
    },
    "mfa_prompt": {
        "title": "Potwierdź logowanie",
        "lines": [
            "Czy to Ty logujesz się do poczty służbowej?",
            "Lokalizacja: Bolesławiec, godz. 8:05",
            "Wpisz numer widoczny na ekranie logowania: 47",
            "[Odrzuć – to nie ja]   [Zatwierdź]",
        ],
    },
    "ups_panel": {
        "title": "Panel UPS – serwerownia starostwa",
        "lines": [
            "Zasilanie: sieć 230 V",
            "Obciążenie: 42%   Bateria: 100%",
            "Szacowany czas podtrzymania: 18 min",
            "Bezpieczne zamknięcie serwera: przy 5 min baterii",
            "Ostatni autotest: zaliczony",
        ],
    },
    "switch_ports": {
        "title": "Przełącznik sieciowy – stan portów",
        "lines": [
            "Porty 1–16: VLAN 10 Urząd",
            "Porty 17–20: VLAN 30 Goście",
            "Porty 21–23: wyłączone (nieużywane)",
            "Port 24: trunk do serwera",
            "Zarządzanie: VLAN 99, tylko SSH/HTTPS",
        ],
    },
}

DOCUMENTS = {
    "checklist_remote_work": {
        "title": "Lista kontrolna: bezpieczna praca zdalna",
        "filename": "lista-kontrolna-praca-zdalna.txt",
        "text": (
            "LISTA KONTROLNA – BEZPIECZNA PRACA ZDALNA NA SŁUŻBOWYM LAPTOPIE\n"
            "Starostwo Powiatowe w Bolesławcu i jednostki powiatu\n"
            "\n"
            "Przed rozpoczęciem pracy:\n"
            "[ ] Laptop ma zainstalowane wszystkie aktualizacje (Ustawienia > Windows Update).\n"
            "[ ] Dysk jest zaszyfrowany funkcją BitLocker (stan: włączona).\n"
            "[ ] Łączę się z zaufaną siecią: domową z hasłem (WPA2/WPA3) lub z hotspotem telefonu "
            "służbowego.\n"
            "[ ] Przed otwarciem systemów urzędu uruchamiam VPN i sprawdzam stan „Połączono”.\n"
            "\n"
            "W trakcie pracy:\n"
            "[ ] Odchodząc od komputera, blokuję ekran skrótem Windows+L.\n"
            "[ ] Ekran nie jest widoczny dla domowników ani osób postronnych.\n"
            "[ ] Pliki zapisuję tylko w miejscach wskazanych przez informatyka (nie na prywatnym "
            "pendrivie).\n"
            "[ ] Z laptopa służbowego nie korzystają członkowie rodziny.\n"
            "\n"
            "Po zakończeniu pracy:\n"
            "[ ] Rozłączam VPN i wylogowuję się z systemów.\n"
            "[ ] Nie zostawiam laptopa w samochodzie ani w miejscu widocznym z zewnątrz.\n"
            "\n"
            "Utrata lub kradzież laptopa:\n"
            "1. Natychmiast zadzwoń do informatyka i przełożonego: tel. ......................\n"
            "2. Przy kradzieży zgłoś sprawę na policję i zachowaj numer zgłoszenia.\n"
            "3. Powiadom inspektora ochrony danych: tel./e-mail ......................\n"
            "4. Z innego urządzenia zmień hasła do usług, w których byłeś zalogowany.\n"
        ),
    },
    "cloud_rules": {
        "title": "Zasady pracy z dokumentami w chmurze",
        "filename": "zasady-dokumenty-w-chmurze.txt",
        "text": (
            "ZASADY PRACY Z DOKUMENTAMI W CHMURZE\n"
            "\n"
            "1. Jeden dokument – jedno miejsce. Zamiast wysyłać załączniki, udostępniaj plik.\n"
            "2. Udostępniaj konkretnym osobom, z najniższym wystarczającym uprawnieniem:\n"
            "   wyświetlanie, komentowanie albo edycja.\n"
            "3. Danych osobowych (PESEL, adresy, opinie, orzeczenia, oceny) nigdy nie udostępniaj\n"
            "   linkiem „Każdy, kto ma link”.\n"
            "4. Osobom spoza urzędu lub szkoły nadawaj dostęp z datą wygaśnięcia.\n"
            "5. Raz na kwartał przejrzyj udostępnione pliki i odbierz zbędne dostępy.\n"
            "6. Nazwy plików: RRRR-MM-DD_temat_status, np. 2024-03-15_protokol-rady_projekt.docx.\n"
            "7. Nie dopisuj „ostateczny” ani „v2_poprawiony” – do tego służy historia wersji.\n"
            "8. Przed dużą zmianą nazwij bieżącą wersję (np. „przed uwagami dyrektora”).\n"
            "9. Uwagi zgłaszaj komentarzami lub w trybie śledzenia zmian – nie nadpisuj cudzego\n"
            "   tekstu bez słowa.\n"
            "10. Pliki potrzebne w podróży oznacz jako dostępne offline przed wyjazdem.\n"
            "11. Po powrocie do sieci sprawdź, czy synchronizacja się zakończyła i czy nie "
            "powstał\n"
            "    konflikt wersji.\n"
            "12. Ostateczną wersję pisma urzędowego rejestruj zgodnie z instrukcją kancelaryjną\n"
            "    (np. w systemie EZD) – chmura służy do pracy nad projektem.\n"
            "13. Masz wątpliwość, czy możesz coś udostępnić? Zapytaj inspektora ochrony danych.\n"
        ),
    },
    "checklist_remote_lesson": {
        "title": "Lista kontrolna: lekcja zdalna",
        "filename": "lista-kontrolna-lekcja-zdalna.txt",
        "text": (
            "LISTA KONTROLNA – LEKCJA ZDALNA\n"
            "\n"
            "Dzień wcześniej:\n"
            "[ ] Lekcja zaplanowana w blokach po 10–15 minut, z zadaniem dla uczniów w każdym "
            "bloku.\n"
            "[ ] Link do spotkania wysłany przez dziennik elektroniczny lub platformę szkoły.\n"
            "[ ] Materiały w jednym folderze; zbędne karty i programy zamknięte.\n"
            "\n"
            "15 minut przed lekcją:\n"
            "[ ] Laptop podłączony do zasilacza; sprawdzone kamera, mikrofon i słuchawki.\n"
            "[ ] Włączony tryb „Nie przeszkadzać” – powiadomienia nie pojawią się na udostępnianym "
            "ekranie.\n"
            "[ ] Włączone napisy na żywo, jeśli platforma je oferuje.\n"
            "\n"
            "Na początku lekcji:\n"
            "[ ] Przypomniane zasady: mikrofony wyciszone, pytania przez „podniesioną rękę” lub "
            "czat.\n"
            "[ ] Sprawdzona obecność.\n"
            "[ ] Jeśli lekcja będzie nagrywana – uczniowie poinformowani przed włączeniem "
            "nagrywania.\n"
            "\n"
            "W trakcie:\n"
            "[ ] Udostępniam okno programu, a nie cały ekran.\n"
            "[ ] Co kilkanaście minut zmieniam formę pracy (pytanie, quiz, grupy); jest przerwa od "
            "ekranu.\n"
            "\n"
            "Po lekcji:\n"
            "[ ] Spotkanie zakończone dla wszystkich (a nie tylko opuszczone przez nauczyciela).\n"
            "[ ] Materiały i zadanie domowe udostępnione w dzienniku lub na platformie.\n"
            "[ ] Nagranie przechowywane tylko w miejscu wskazanym przez szkołę i usunięte w "
            "ustalonym terminie.\n"
        ),
    },
    "incident_card": {
        "title": "Karta zgłoszenia incydentu bezpieczeństwa",
        "filename": "karta-zgloszenia-incydentu.txt",
        "text": (
            "KARTA ZGŁOSZENIA INCYDENTU BEZPIECZEŃSTWA\n"
            "Zgłoś od razu, nawet jeśli nie masz pewności. Fałszywy alarm nic nie kosztuje.\n"
            "\n"
            "Informatyk / dział IT: tel. ............ e-mail ............\n"
            "Inspektor ochrony danych: tel. ............ e-mail ............\n"
            "\n"
            "Co się stało? (zaznacz)\n"
            "[ ] Kliknąłem link lub otworzyłem załącznik z podejrzanej wiadomości.\n"
            "[ ] Podałem hasło lub kod na podejrzanej stronie albo przez telefon.\n"
            "[ ] Dostałem prośbę o zatwierdzenie logowania (MFA), którego nie rozpocząłem.\n"
            "[ ] Pliki nie dają się otworzyć albo mają zmienione rozszerzenia.\n"
            "[ ] Zgubiłem laptop, telefon lub nośnik z danymi.\n"
            "[ ] Wysłałem dane osobowe do niewłaściwego odbiorcy.\n"
            "[ ] Inne: ............\n"
            "\n"
            "Data i godzina zdarzenia: ............\n"
            "Urządzenie (numer inwentarzowy): ............\n"
            "Co już zrobiłem: ............\n"
            "\n"
            "Czego NIE robić:\n"
            "- nie wyłączaj komputera bez polecenia informatyka – odłącz go od sieci (kabel, "
            "Wi-Fi);\n"
            "- nie usuwaj podejrzanej wiadomości, zanim nie zobaczy jej informatyk;\n"
            "- nie próbuj naprawiać sprawy na własną rękę.\n"
            "\n"
            "Podejrzany SMS prześlij do CERT Polska na numer 8080, a podejrzaną stronę zgłoś na "
            "incydent.cert.pl.\n"
        ),
    },
    "infrastructure_review": {
        "title": "Miesięczny przegląd: serwer, UPS i przełącznik",
        "filename": "przeglad-serwer-ups-przelacznik.txt",
        "text": (
            "MIESIĘCZNY PRZEGLĄD INFRASTRUKTURY – SERWER, UPS, PRZEŁĄCZNIK\n"
            "Data: ............  Wykonał(a): ............\n"
            "\n"
            "Serwer:\n"
            "[ ] Aktualizacje systemu operacyjnego zainstalowane w ustalonym oknie serwisowym.\n"
            "[ ] Przejrzane dzienniki zdarzeń (błędy dysków, nieudane logowania, zatrzymane "
            "usługi).\n"
            "[ ] Kopie zapasowe z ostatniego miesiąca zakończone powodzeniem.\n"
            "[ ] Wykonane próbne odtworzenie wybranych plików z kopii.\n"
            "[ ] Kopia offline lub poza siedzibą jest aktualna (reguła 3-2-1).\n"
            "[ ] Przejrzane konta z uprawnieniami administratora; zbędne wyłączone.\n"
            "\n"
            "UPS:\n"
            "[ ] Obciążenie w normie (z zapasem, najlepiej poniżej ok. 70–80% mocy).\n"
            "[ ] Wykonany autotest baterii – wynik: ............\n"
            "[ ] Oprogramowanie bezpiecznego zamykania widzi UPS; progi zamknięcia aktualne.\n"
            "[ ] Data instalacji baterii: ............ (wymiana zwykle co 3–5 lat).\n"
            "\n"
            "Przełącznik:\n"
            "[ ] Aktualne oprogramowanie układowe (firmware).\n"
            "[ ] Nieużywane porty wyłączone; opisy portów zgodne z dokumentacją.\n"
            "[ ] Kopia konfiguracji zapisana po ostatniej zmianie.\n"
            "[ ] Zarządzanie dostępne tylko z VLAN-u administracyjnego, przez SSH lub HTTPS.\n"
            "\n"
            "Serwerownia: temperatura ........ °C; drzwi zamknięte; brak materiałów łatwopalnych.\n"
            "Uwagi: ............\n"
        ),
    },
}

VIDEOS = {
    "remote_work_habits": {
        "title": "Bezpieczna praca zdalna w pięciu nawykach",
        "slides": [
            {
                "text": "Pracujesz poza urzędem? Pięć nawyków ochroni dane mieszkańców i uczniów.",
                "seconds": 5,
            },
            {
                "text": "Instaluj aktualizacje i nie odkładaj ponownego uruchomienia komputera.",
                "seconds": 5,
            },
            {"text": "Sprawdź, czy dysk jest zaszyfrowany funkcją BitLocker.", "seconds": 4},
            {"text": "Przed pracą z systemami urzędu zawsze włącz VPN.", "seconds": 4},
            {"text": "Odchodzisz od laptopa? Naciśnij Windows+L.", "seconds": 4},
            {"text": "Laptop zginął? Od razu zadzwoń do informatyka i przełożonego.", "seconds": 5},
        ],
        "transcript": (
            "<p>Film przypomina pięć nawyków bezpiecznej pracy na służbowym laptopie poza urzędem: "
            "instalowanie aktualizacji bez odkładania ponownego uruchomienia, sprawdzanie, czy "
            "dysk jest zaszyfrowany funkcją BitLocker, łączenie się z systemami urzędu wyłącznie "
            "przez VPN oraz blokowanie ekranu skrótem Windows+L za każdym razem, gdy odchodzisz od "
            "komputera.</p>"
            "<p>Ostatni nawyk dotyczy sytuacji awaryjnej: gdy laptop zginie lub zostanie "
            "skradziony, trzeba natychmiast zadzwonić do informatyka i przełożonego, aby "
            "zablokować dostęp do kont i ocenić, czy doszło do naruszenia ochrony danych "
            "osobowych.</p>"
        ),
    },
    "one_document": {
        "title": "Jeden dokument zamiast dziesięciu załączników",
        "slides": [
            {"text": "Zamiast wysyłać załączniki, udostępnij jeden plik w chmurze.", "seconds": 4},
            {
                "text": (
                    "Współpracownicy edytują ten sam dokument jednocześnie i widzą swoje zmiany."
                ),
                "seconds": 5,
            },
            {"text": "Uwagi zostawiaj w komentarzach – autor zdecyduje, co przyjąć.", "seconds": 4},
            {
                "text": "Udostępniaj konkretnym osobom, z najniższym potrzebnym uprawnieniem.",
                "seconds": 5,
            },
            {
                "text": "Pomyłka? Historia wersji pozwala przywrócić wcześniejszą treść.",
                "seconds": 5,
            },
        ],
        "transcript": (
            "<p>Film pokazuje, dlaczego warto pracować na jednym dokumencie w chmurze zamiast "
            "krążących pocztą załączników: kilka osób może edytować plik jednocześnie, uwagi "
            "zostawia się w komentarzach, a autor decyduje, które z nich przyjąć.</p>"
            "<p>Dokument udostępniamy konkretnym osobom i tylko z takim uprawnieniem, jakie jest "
            "im potrzebne. Gdy ktoś przez pomyłkę usunie fragment tekstu, historia wersji pozwala "
            "wrócić do wcześniejszej treści.</p>"
        ),
    },
    "remote_lesson": {
        "title": "Lekcja zdalna krok po kroku",
        "slides": [
            {"text": "Sprawdź kamerę, mikrofon i słuchawki 15 minut przed lekcją.", "seconds": 4},
            {
                "text": "Na początku przypomnij zasady: mikrofony wyciszone, pytania na czacie.",
                "seconds": 5,
            },
            {"text": "Udostępniaj okno programu, a nie cały ekran.", "seconds": 4},
            {
                "text": "Co kilkanaście minut zmieniaj formę pracy i daj uczniom chwilę przerwy.",
                "seconds": 5,
            },
            {"text": "Włącz napisy na żywo – pomagają wszystkim uczniom.", "seconds": 4},
            {"text": "Chcesz nagrywać? Najpierw poinformuj uczestników.", "seconds": 4},
        ],
        "transcript": (
            "<p>Film prowadzi przez lekcję zdalną: sprzęt sprawdzamy kwadrans przed zajęciami, na "
            "początku przypominamy zasady (wyciszone mikrofony, pytania na czacie lub przez "
            "podniesienie ręki), a zamiast całego ekranu udostępniamy tylko okno programu.</p>"
            "<p>Forma pracy powinna zmieniać się co kilkanaście minut, a uczniowie potrzebują "
            "krótkich przerw od ekranu. Napisy na żywo pomagają uczniom słabosłyszącym i tym ze "
            "słabym łączem. Jeśli lekcja ma być nagrywana, uczestników informujemy przed "
            "włączeniem nagrywania.</p>"
        ),
    },
    "phishing_stop": {
        "title": "Phishing – zatrzymaj się, zanim klikniesz",
        "slides": [
            {
                "text": (
                    "Wiadomość grozi blokadą konta i każe działać natychmiast? To sygnał "
                    "ostrzegawczy."
                ),
                "seconds": 6,
            },
            {"text": "Sprawdź adres nadawcy, a nie tylko wyświetlaną nazwę.", "seconds": 4},
            {"text": "Najedź kursorem na link i zobacz, dokąd naprawdę prowadzi.", "seconds": 5},
            {
                "text": "Nigdy nie podawaj hasła ani kodu SMS w odpowiedzi na wiadomość.",
                "seconds": 5,
            },
            {"text": "Masz wątpliwości? Zgłoś wiadomość informatykowi.", "seconds": 4},
        ],
        "transcript": (
            "<p>Film uczy zatrzymać się przed kliknięciem. Typowy phishing wywiera presję czasu, "
            "na przykład grozi zablokowaniem skrzynki w ciągu doby. Zanim cokolwiek klikniesz, "
            "sprawdź pełny adres nadawcy i najedź kursorem na link, aby zobaczyć, dokąd naprawdę "
            "prowadzi.</p>"
            "<p>Żadna prawdziwa instytucja ani dział IT nie prosi o hasło lub kod SMS w "
            "wiadomości. Jeśli masz wątpliwości, nie odpowiadaj – zgłoś wiadomość "
            "informatykowi.</p>"
        ),
    },
    "server_room_basics": {
        "title": "Serwerownia w pigułce",
        "slides": [
            {
                "text": (
                    "Serwer, UPS i przełącznik działają razem – awaria jednego dotyka wszystkich."
                ),
                "seconds": 5,
            },
            {
                "text": "UPS daje czas na bezpieczne zamknięcie serwera, a nie na pracę bez prądu.",
                "seconds": 5,
            },
            {"text": "Zmień domyślne hasła i wyłącz nieużywane porty przełącznika.", "seconds": 4},
            {"text": "Rozdziel sieci VLAN-ami: urząd, goście, zarządzanie.", "seconds": 4},
            {
                "text": "Kopia zapasowa jest coś warta dopiero po udanej próbie odtworzenia.",
                "seconds": 5,
            },
        ],
        "transcript": (
            "<p>Film podsumowuje podstawy utrzymania infrastruktury kupionej w projekcie: serwer, "
            "UPS i przełącznik sieciowy tworzą jeden system, więc awaria któregokolwiek z nich "
            "zatrzymuje pracę urzędu. UPS ma przede wszystkim zapewnić czas na bezpieczne "
            "zamknięcie serwera.</p>"
            "<p>Na przełączniku trzeba zmienić domyślne hasła, wyłączyć nieużywane porty i "
            "rozdzielić ruch sieciami VLAN. Kopia zapasowa daje bezpieczeństwo dopiero wtedy, gdy "
            "regularnie sprawdzamy, że da się z niej odtworzyć dane.</p>"
        ),
    },
}

COURSES = [
    {
        "slug": "bezpieczna-praca-zdalna",
        "title": "Bezpieczna praca zdalna na służbowym laptopie",
        "summary": (
            "Kurs dla pracowników starostwa, szkół i jednostek powiatu, którzy w projekcie "
            "„Cyfrowy Powiat” otrzymali służbowe laptopy. Pokazuje, jak dbać o aktualizacje i "
            "szyfrowanie dysku, jak łączyć się z siecią urzędu przez VPN i co zrobić, gdy laptop "
            "zginie."
        ),
        "audiences": ["officials", "teachers"],
        "topic": "Bezpieczeństwo",
        "level": "basic",
        "hours": 4,
        "self_enrolment": True,
        "outcomes_knowledge": [
            "Zna zasady korzystania ze służbowego laptopa poza siedzibą urzędu lub szkoły.",
            (
                "Rozumie, do czego służą aktualizacje systemu, szyfrowanie dysku funkcją BitLocker "
                "i połączenie VPN."
            ),
            "Zna ryzyka związane z publicznymi sieciami Wi-Fi.",
            "Zna procedurę zgłaszania utraty lub kradzieży sprzętu służbowego.",
        ],
        "outcomes_skills": [
            "Potrafi zainstalować aktualizacje systemu Windows i sprawdzić stan szyfrowania dysku.",
            "Potrafi zablokować ekran skrótem Windows+L i ustawić automatyczną blokadę.",
            (
                "Potrafi połączyć się z siecią urzędu przez VPN i sprawdzić, czy połączenie jest "
                "aktywne."
            ),
            "Potrafi ocenić, czy dana sieć Wi-Fi nadaje się do pracy z danymi służbowymi.",
        ],
        "outcomes_social": [
            "Dba o poufność danych mieszkańców i uczniów także podczas pracy w domu.",
            (
                "Jest gotów do niezwłocznego zgłaszania incydentów, także wtedy, gdy sam popełnił "
                "błąd."
            ),
        ],
        "modules": [
            {
                "title": "Laptop przygotowany do pracy",
                "lessons": [
                    {
                        "slug": "aktualizacje-i-szyfrowanie-dysku",
                        "title": "Aktualizacje i szyfrowanie dysku",
                        "intro": (
                            "Służbowy laptop jest bezpieczny tylko wtedy, gdy ma aktualny system i "
                            "zaszyfrowany dysk. W tej lekcji sprawdzisz jedno i drugie "
                            "samodzielnie, w kilka minut."
                        ),
                        "body": [
                            ("heading", "Dlaczego aktualizacje są tak ważne"),
                            (
                                "paragraph",
                                (
                                    "<p>Producent systemu Windows regularnie, zwykle raz w "
                                    "miesiącu, publikuje poprawki zabezpieczeń. Każda poprawka "
                                    "zamyka lukę, którą ktoś już odkrył – a po publikacji poprawki "
                                    "informacja o luce staje się powszechnie znana. Przestępcy "
                                    "często w ciągu kilku dni przygotowują narzędzia, które "
                                    "atakują właśnie komputery bez aktualizacji.</p>"
                                    "<p>Laptop, który przez miesiąc leżał w szafie albo którego "
                                    "właściciel od tygodni klika „Przypomnij mi później”, jest "
                                    "najłatwiejszym celem w całej sieci urzędu. Dlatego zasada "
                                    "jest prosta: <strong>aktualizacje instalujemy na bieżąco, a "
                                    "ponownego uruchomienia nie odkładamy dłużej niż do końca dnia "
                                    "pracy</strong>.</p>"
                                    "<p>Większość poprawek instaluje się automatycznie, ale część "
                                    "zaczyna działać dopiero po ponownym uruchomieniu komputera. "
                                    "Samo pobranie aktualizacji jeszcze Cię nie chroni.</p>"
                                ),
                            ),
                            (
                                "steps",
                                [
                                    {
                                        "text": (
                                            "<p>Kliknij <strong>Start</strong> i wybierz "
                                            "<strong>Ustawienia</strong> (możesz też nacisnąć "
                                            "<strong>Windows+I</strong>).</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Otwórz <strong>Windows Update</strong>. W systemie "
                                            "Windows 10 znajdziesz go w sekcji <em>Aktualizacja i "
                                            "zabezpieczenia</em>.</p>"
                                        ),
                                        "screenshot": "windows_update",
                                        "alt": (
                                            "Okno Windows Update z dwiema dostępnymi "
                                            "aktualizacjami i przyciskiem „Uruchom ponownie teraz”."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "<p>Kliknij <strong>Sprawdź aktualizacje</strong> i "
                                            "poczekaj, aż system pobierze i zainstaluje poprawki. "
                                            "Podłącz laptop do zasilacza.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Zapisz otwarte dokumenty i wybierz <strong>Uruchom "
                                            "ponownie teraz</strong> albo zaplanuj ponowne "
                                            "uruchomienie na koniec dnia pracy.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Po ponownym uruchomieniu wróć do Windows Update i "
                                            "sprawdź, czy widzisz komunikat <em>Masz najnowsze "
                                            "aktualizacje</em>.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "<p>Jeśli laptop wraca do urzędu lub szkoły po dłuższej "
                                        "przerwie (np. po wakacjach), zaplanuj pierwsze "
                                        "uruchomienie na spokojny moment – zaległe aktualizacje "
                                        "mogą się instalować nawet kilkadziesiąt minut.</p>"
                                    ),
                                },
                            ),
                            ("heading", "Szyfrowanie dysku funkcją BitLocker"),
                            (
                                "paragraph",
                                (
                                    "<p>BitLocker szyfruje cały dysk laptopa. Jeżeli ktoś ukradnie "
                                    "komputer i wyjmie z niego dysk, zobaczy tylko nieczytelny "
                                    "ciąg danych. Bez szyfrowania wystarczyłoby podłączyć dysk do "
                                    "innego komputera, by przeczytać pisma, arkusze z danymi "
                                    "mieszkańców czy dokumentację uczniów – hasło do systemu "
                                    "Windows niczego by nie zmieniło.</p>"
                                    "<p>Na laptopie służbowym szyfrowanie powinno być włączone "
                                    "przez informatyka przed wydaniem sprzętu. Twoim zadaniem jest "
                                    "sprawdzić, czy tak jest, i zgłosić, jeśli nie. Stan "
                                    "szyfrowania znajdziesz w <em>Panelu sterowania</em>, w sekcji "
                                    "<em>System i zabezpieczenia &gt; Szyfrowanie dysków funkcją "
                                    "BitLocker</em>.</p>"
                                ),
                            ),
                            (
                                "image",
                                {
                                    "image": "bitlocker_status",
                                    "alt": (
                                        "Okno Szyfrowanie dysków funkcją BitLocker: dysk C: z "
                                        "komunikatem „Funkcja BitLocker jest włączona”."
                                    ),
                                    "caption": (
                                        "Tak wygląda prawidłowo zabezpieczony dysk systemowy."
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Czasem, np. po aktualizacji oprogramowania układowego "
                                    "(BIOS/UEFI) lub wymianie części, komputer poprosi o "
                                    "<strong>klucz odzyskiwania</strong> – 48-cyfrowy numer. Klucz "
                                    "przechowuje informatyk; na ekranie zobaczysz identyfikator "
                                    "klucza, który trzeba mu podać przez telefon.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "<p>Nie wyłączaj BitLockera samodzielnie i nie zapisuj "
                                        "klucza odzyskiwania na kartce w torbie z laptopem. Klucz "
                                        "trzymany obok komputera działa jak zapasowy klucz do domu "
                                        "przyklejony do drzwi.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "blokada-ekranu-i-logowanie",
                        "title": "Blokada ekranu i logowanie",
                        "intro": (
                            "Niezablokowany komputer to otwarte drzwi do poczty, systemów urzędu i "
                            "dziennika elektronicznego. Nauczysz się blokować ekran jednym skrótem "
                            "i ustawisz blokadę automatyczną."
                        ),
                        "body": [
                            ("heading", "Windows+L – nawyk, który chroni dane"),
                            (
                                "paragraph",
                                (
                                    "<p>Wystarczy kilka sekund nieuwagi: interesant podchodzi do "
                                    "biurka w wydziale komunikacji, uczeń zostaje sam przy "
                                    "komputerze nauczyciela w pracowni, a w domu dziecko „tylko "
                                    "coś sprawdzi” na laptopie rodzica. Każda z tych osób może "
                                    "zobaczyć dane, do których nie ma prawa, albo – nawet "
                                    "niechcący – coś zmienić lub wysłać.</p>"
                                    "<p>Naciśnięcie <strong>Windows+L</strong> natychmiast blokuje "
                                    "komputer. Otwarte programy i dokumenty pozostają na swoim "
                                    "miejscu, a po powrocie wystarczy się zalogować. Zrób z tego "
                                    "odruch: wstajesz od biurka – naciskasz Windows+L.</p>"
                                    "<p>Blokada ekranu to nie tylko dobry obyczaj. RODO wymaga, by "
                                    "dane osobowe były chronione przed nieuprawnionym dostępem, a "
                                    "niezablokowany komputer z otwartym systemem dziedzinowym jest "
                                    "podręcznikowym przykładem takiego ryzyka.</p>"
                                ),
                            ),
                            (
                                "steps",
                                [
                                    {
                                        "text": (
                                            "<p>Naciśnij <strong>Windows+L</strong> i sprawdź, że "
                                            "pojawił się ekran blokady. Zaloguj się ponownie "
                                            "hasłem lub kodem PIN.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Otwórz <strong>Ustawienia &gt; Konta &gt; Opcje "
                                            "logowania</strong>.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>W polu <em>Jeśli Cię nie było, kiedy system "
                                            "Windows powinien wymagać ponownego zalogowania?</em> "
                                            "wybierz <strong>Po wybudzeniu komputera z trybu "
                                            "uśpienia</strong>.</p>"
                                        ),
                                        "screenshot": "lock_screen_options",
                                        "alt": (
                                            "Ustawienia opcji logowania z zaznaczonym wymaganiem "
                                            "logowania po wybudzeniu komputera z trybu uśpienia."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "<p>W <strong>Ustawienia &gt; System &gt; Zasilanie i "
                                            "bateria</strong> ustaw wyłączanie ekranu po 5 "
                                            "minutach i uśpienie po 10–15 minutach "
                                            "bezczynności.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Sprawdź efekt: zostaw laptop na kwadrans i upewnij "
                                            "się, że po powrocie system prosi o zalogowanie.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "<p>Jeśli niektóre opcje są wyszarzone, ustawił je "
                                        "informatyk dla całej jednostki. To dobrze – oznacza, że "
                                        "blokada działa niezależnie od Twojej pamięci.</p>"
                                    ),
                                },
                            ),
                            ("heading", "Laptop służbowy to nie komputer rodzinny"),
                            (
                                "paragraph",
                                (
                                    "<p>Laptop kupiony w projekcie „Cyfrowy Powiat” służy "
                                    "wyłącznie do pracy. Nie udostępniaj go domownikom, nie "
                                    "zakładaj na nim kont dla rodziny i nie instaluj programów "
                                    "spoza listy zatwierdzonej przez informatyka – nawet „darmowej "
                                    "gry dla dziecka”. Popularne darmowe programy z nieznanych "
                                    "źródeł to jedna z najczęstszych dróg, którymi złośliwe "
                                    "oprogramowanie trafia na komputery.</p>"
                                    "<p>Hasła do laptopa nie zapisuj na karteczce pod klawiaturą "
                                    "ani w notatce na pulpicie. Jeśli boisz się, że je zapomnisz, "
                                    "skorzystaj z menedżera haseł zatwierdzonego w Twojej "
                                    "jednostce (więcej w kursie „Cyberhigiena w urzędzie i "
                                    "szkole”).</p>"
                                ),
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Praca poza urzędem",
                "lessons": [
                    {
                        "slug": "vpn-i-bezpieczne-wi-fi",
                        "title": "VPN i bezpieczne sieci Wi-Fi",
                        "intro": (
                            "VPN pozwala pracować z domu tak, jakby się siedziało w urzędzie – ale "
                            "tylko wtedy, gdy korzystasz z niego zawsze. Dowiesz się też, jak "
                            "ocenić, czy dana sieć Wi-Fi jest bezpieczna."
                        ),
                        "body": [
                            ("heading", "Co robi VPN"),
                            (
                                "paragraph",
                                (
                                    "<p>VPN (wirtualna sieć prywatna) tworzy zaszyfrowany „tunel” "
                                    "między Twoim laptopem a siecią urzędu. Wszystko, co przez "
                                    "niego przesyłasz, jest nieczytelne dla właściciela sieci "
                                    "Wi-Fi, dostawcy internetu czy osoby podsłuchującej ruch w "
                                    "kawiarni. Dzięki VPN możesz też korzystać z zasobów "
                                    "dostępnych tylko wewnątrz urzędu, np. z folderów sieciowych, "
                                    "systemu kadrowego czy systemu EZD.</p>"
                                    "<p>Połączenie VPN konfiguruje informatyk. Ty musisz pamiętać "
                                    "o dwóch rzeczach: <strong>włączać VPN przed pracą z systemami "
                                    "urzędu</strong> i <strong>rozłączać go po zakończeniu "
                                    "pracy</strong>.</p>"
                                ),
                            ),
                            (
                                "image",
                                {
                                    "image": "vpn_connect",
                                    "alt": (
                                        "Ustawienia sieci: połączenie „VPN Starostwo Bolesławiec” "
                                        "w stanie Połączono, z przyciskiem Rozłącz."
                                    ),
                                    "caption": (
                                        "Stan „Połączono” oznacza, że ruch do urzędu płynie "
                                        "zaszyfrowanym tunelem."
                                    ),
                                },
                            ),
                            (
                                "steps",
                                [
                                    {
                                        "text": (
                                            "<p>Połącz się z internetem: domowym Wi-Fi, kablem "
                                            "albo hotspotem w telefonie służbowym.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Otwórz <strong>Ustawienia &gt; Sieć i Internet "
                                            "&gt; VPN</strong> albo program VPN wskazany przez "
                                            "informatyka (ikona w zasobniku systemowym).</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Wybierz połączenie przygotowane przez informatyka, "
                                            "np. <em>VPN Starostwo Bolesławiec</em>, kliknij "
                                            "<strong>Połącz</strong> i zaloguj się. Jeśli system "
                                            "poprosi o dodatkowy kod (MFA), potwierdź go w "
                                            "telefonie.</p>"
                                        ),
                                        "screenshot": "vpn_connect",
                                        "alt": (
                                            "Połączenie VPN w ustawieniach systemu Windows ze "
                                            "stanem Połączono."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "<p>Sprawdź stan <strong>Połączono</strong> i dopiero "
                                            "wtedy otwórz system EZD, folder sieciowy lub inną "
                                            "aplikację urzędu.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Po zakończeniu pracy zamknij aplikacje i kliknij "
                                            "<strong>Rozłącz</strong>.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                ],
                            ),
                            ("heading", "Publiczne Wi-Fi: kawiarnia, dworzec, hotel"),
                            (
                                "paragraph",
                                (
                                    "<p>Otwarta sieć bez hasła, np. na dworcu lub w hotelu podczas "
                                    "szkolenia, jest wygodna, ale nie wiesz, kto nią zarządza. "
                                    "Przestępca może uruchomić własny punkt dostępu o nazwie "
                                    "łudząco podobnej do prawdziwej (np. <em>Hotel_Goscie</em> "
                                    "zamiast <em>Hotel-Goscie</em>) i przechwytywać ruch "
                                    "wszystkich, którzy się z nim połączą.</p>"
                                    "<ul>"
                                    "<li>Jeśli możesz, korzystaj z <strong>hotspotu w telefonie "
                                    "służbowym</strong> zamiast publicznego Wi-Fi.</li>"
                                    "<li>Gdy musisz użyć publicznej sieci, <strong>najpierw włącz "
                                    "VPN</strong>, a dopiero potem otwieraj pocztę i systemy "
                                    "urzędu.</li>"
                                    "<li>Przy pierwszym połączeniu wybierz profil <strong>Sieć "
                                    "publiczna</strong> – system ukryje wtedy laptop przed innymi "
                                    "urządzeniami w tej sieci.</li>"
                                    "<li>Wyłącz opcję automatycznego łączenia z sieciami, z "
                                    "których korzystałeś tylko raz.</li>"
                                    "<li>Usiądź tak, by nikt nie widział Twojego ekranu – w "
                                    "pociągu podglądanie przez ramię jest łatwiejsze niż "
                                    "jakikolwiek atak sieciowy.</li></ul>"
                                    "<p>W domu zadbaj o router: zmień domyślne hasło "
                                    "administratora, używaj szyfrowania WPA2 lub WPA3 i aktualizuj "
                                    "jego oprogramowanie. Gościom udostępniaj osobną sieć dla "
                                    "gości, jeśli router ją oferuje.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "<p>Jeżeli po połączeniu z siecią hotelową lub "
                                        "konferencyjną strona logowania prosi o zainstalowanie "
                                        "„certyfikatu”, „dodatku” lub programu, przerwij i połącz "
                                        "się przez hotspot w telefonie. Prawidłowa sieć publiczna "
                                        "nigdy tego nie wymaga.</p>"
                                    ),
                                },
                            ),
                            ("video", {"video": "remote_work_habits"}),
                        ],
                    },
                    {
                        "slug": "praca-w-domu-i-utrata-laptopa",
                        "title": "Praca w domu i utrata laptopa",
                        "intro": (
                            "Praca z domu wymaga kilku prostych zasad, a zgubienie laptopa – "
                            "szybkiej reakcji. Tu dowiesz się, co robić w obu sytuacjach."
                        ),
                        "body": [
                            ("heading", "Domowe stanowisko pracy"),
                            (
                                "paragraph",
                                (
                                    "<p>W domu obowiązują te same zasady ochrony danych co w "
                                    "urzędzie i w szkole, tylko nikt ich za Ciebie nie pilnuje. "
                                    "Kilka praktycznych wskazówek:</p>"
                                    "<ul>"
                                    "<li>Ustaw biurko tak, by ekran nie był widoczny od drzwi ani "
                                    "przez okno.</li>"
                                    "<li>Rozmowy o sprawach mieszkańców lub uczniów prowadź w "
                                    "słuchawkach, w pokoju z zamkniętymi drzwiami.</li>"
                                    "<li>Nie drukuj dokumentów z danymi osobowymi na domowej "
                                    "drukarce, chyba że pozwala na to procedura Twojej jednostki – "
                                    "i nie wyrzucaj wydruków do domowego kosza.</li>"
                                    "<li>Zapisuj pliki tylko tam, gdzie wskazał informatyk (folder "
                                    "sieciowy przez VPN lub służbowa chmura), nigdy na prywatnym "
                                    "pendrivie ani w prywatnej poczcie.</li></ul>"
                                    "<p>W podróży noś laptop w torbie przy sobie. Nie zostawiaj go "
                                    "w samochodzie – nawet w bagażniku i „tylko na chwilę”. "
                                    "Kradzieże z samochodów na parkingach przy sklepach to "
                                    "najczęstszy scenariusz utraty sprzętu służbowego.</p>"
                                ),
                            ),
                            ("heading", "Laptop zginął – co teraz?"),
                            (
                                "paragraph",
                                (
                                    "<p>Utrata laptopa z danymi osobowymi może być "
                                    "<strong>naruszeniem ochrony danych osobowych</strong> w "
                                    "rozumieniu RODO. Administrator danych (starosta, dyrektor "
                                    "szkoły lub kierownik jednostki) ma <strong>72 "
                                    "godziny</strong> od stwierdzenia naruszenia na zgłoszenie go "
                                    "Prezesowi Urzędu Ochrony Danych Osobowych, jeśli naruszenie "
                                    "może powodować ryzyko dla osób, których dane dotyczą. Ten "
                                    "czas biegnie szybko – dlatego każda godzina zwłoki w "
                                    "zgłoszeniu działa na niekorzyść wszystkich.</p>"
                                ),
                            ),
                            (
                                "steps",
                                [
                                    {
                                        "text": (
                                            "<p><strong>Natychmiast</strong> zadzwoń do "
                                            "informatyka i do bezpośredniego przełożonego. Nie "
                                            "czekaj do następnego dnia roboczego.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Informatyk zablokuje Twoje konto i dostęp VPN z "
                                            "tego laptopa, a jeśli to możliwe – zdalnie zablokuje "
                                            "lub wyczyści urządzenie.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Z innego, zaufanego urządzenia zmień hasła do "
                                            "usług, w których byłeś zalogowany na laptopie (np. "
                                            "poczty służbowej).</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Jeśli doszło do kradzieży, zgłoś ją na policję i "
                                            "zachowaj numer zgłoszenia – będzie potrzebny do "
                                            "dokumentacji sprzętu kupionego z dotacji.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Odpowiedz na pytania inspektora ochrony danych: "
                                            "jakie dane były na laptopie, czy dysk był "
                                            "zaszyfrowany, kiedy i gdzie sprzęt zginął.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "important",
                                    "text": (
                                        "<p>Zgłoś utratę nawet wtedy, gdy laptop odnajdzie się po "
                                        "godzinie albo gdy nie masz pewności, czy był na nim "
                                        "cokolwiek ważnego. Informatyk i inspektor ochrony danych "
                                        "ocenią sytuację – Twoim zadaniem jest dać im na to "
                                        "czas.</p>"
                                    ),
                                },
                            ),
                            (
                                "document",
                                {
                                    "document": "checklist_remote_work",
                                    "title": (
                                        "Pobierz listę kontrolną bezpiecznej pracy zdalnej (TXT)"
                                    ),
                                },
                            ),
                            (
                                "quiz",
                                {
                                    "title": "Sprawdź się: bezpieczna praca zdalna",
                                    "pass_mark": 70,
                                    "max_attempts": 3,
                                    "shuffle": True,
                                    "questions": [
                                        {
                                            "text": (
                                                "Którym skrótem klawiszowym najszybciej "
                                                "zablokujesz ekran w systemie Windows?"
                                            ),
                                            "kind": "single",
                                            "options": [
                                                {
                                                    "text": "Windows+L",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Tak – Windows+L od razu blokuje komputer "
                                                        "i wymaga ponownego zalogowania."
                                                    ),
                                                },
                                                {
                                                    "text": "Windows+D",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Windows+D tylko pokazuje pulpit; okna i "
                                                        "dane pozostają dostępne dla każdego."
                                                    ),
                                                },
                                                {
                                                    "text": "Alt+F4",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Alt+F4 zamyka aktywne okno, ale nie "
                                                        "blokuje dostępu do komputera."
                                                    ),
                                                },
                                                {
                                                    "text": "Ctrl+Shift+Esc",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Ten skrót otwiera Menedżera zadań i w "
                                                        "niczym nie chroni danych."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Pracujesz w hotelu podczas szkolenia i korzystasz "
                                                "z publicznego Wi-Fi. Które działania są właściwe?"
                                            ),
                                            "kind": "multiple",
                                            "options": [
                                                {
                                                    "text": (
                                                        "Przed otwarciem poczty i systemów urzędu "
                                                        "włączam VPN."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – VPN szyfruje ruch, więc "
                                                        "właściciel sieci go nie odczyta."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Przy pierwszym połączeniu wybieram profil "
                                                        "„Sieć publiczna”."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – ten profil ukrywa laptop przed "
                                                        "innymi urządzeniami w sieci."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Siadam tak, by nikt nie widział mojego "
                                                        "ekranu."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – podglądanie przez ramię to "
                                                        "najprostszy sposób wycieku danych."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Instaluję „certyfikat”, o który prosi "
                                                        "strona logowania do hotelowego Wi-Fi."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Prawidłowa sieć publiczna nie wymaga "
                                                        "instalowania niczego – to typowa pułapka."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Zapisuję pliki na prywatnym pendrivie, "
                                                        "żeby nie łączyć się z urzędem."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Prywatny nośnik nie jest chroniony ani "
                                                        "ewidencjonowany – łatwo go zgubić."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Jeśli skradziony laptop miał włączony BitLocker, "
                                                "nie trzeba zgłaszać kradzieży informatykowi."
                                            ),
                                            "kind": "true_false",
                                            "options": [
                                                {
                                                    "text": "Prawda",
                                                    "correct": False,
                                                    "feedback": (
                                                        "To nieprawda – informatyk musi m.in. "
                                                        "zablokować konta i VPN, a IOD ocenić "
                                                        "możliwe naruszenie."
                                                    ),
                                                },
                                                {
                                                    "text": "Fałsz",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Słusznie – szyfrowanie zmniejsza ryzyko, "
                                                        "ale kradzież zawsze trzeba zgłosić od "
                                                        "razu."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Zostawiłeś laptop w pociągu. Co robisz najpierw?"
                                            ),
                                            "kind": "single",
                                            "options": [
                                                {
                                                    "text": (
                                                        "Od razu dzwonię do informatyka i "
                                                        "przełożonego."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Tak – szybkie zgłoszenie pozwala "
                                                        "zablokować dostęp i dotrzymać terminów z "
                                                        "RODO."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Czekam kilka dni, może laptop trafi do "
                                                        "biura rzeczy znalezionych."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Zwłoka daje czas znalazcy, a "
                                                        "administratorowi zabiera czas na reakcję."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Nikomu nie mówię i kupuję taki sam laptop "
                                                        "na własny koszt."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Nowy sprzęt nie usuwa ryzyka dla danych, "
                                                        "które były na zgubionym laptopie."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Ponowne uruchomienie po pobraniu aktualizacji "
                                                "można odkładać bez końca – ważne, że się pobrały."
                                            ),
                                            "kind": "true_false",
                                            "options": [
                                                {
                                                    "text": "Prawda",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Nie – wiele poprawek zaczyna chronić "
                                                        "komputer dopiero po ponownym uruchomieniu."
                                                    ),
                                                },
                                                {
                                                    "text": "Fałsz",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Słusznie – samo pobranie aktualizacji nie "
                                                        "zamyka luk w zabezpieczeniach."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
        "lessons": [],
    },
    {
        "slug": "pakiet-biurowy-i-dokumenty-w-chmurze",
        "title": "Pakiet biurowy i dokumenty w chmurze",
        "summary": (
            "Kurs pokazuje, jak w pakiecie biurowym z licencji kupionych w projekcie pracować "
            "wspólnie nad jednym dokumentem zamiast wymieniać dziesiątki załączników. Uczy "
            "bezpiecznego udostępniania, korzystania z historii wersji, porządnego nazywania "
            "plików i pracy bez dostępu do internetu."
        ),
        "audiences": ["officials", "teachers"],
        "topic": "Praca zespołowa",
        "level": "basic",
        "hours": 3,
        "self_enrolment": True,
        "outcomes_knowledge": [
            "Zna różnicę między uprawnieniami do wyświetlania, komentowania i edycji dokumentu.",
            "Rozumie, dlaczego danych osobowych nie udostępnia się linkiem otwartym dla każdego.",
            "Zna zasady nazywania plików i rolę historii wersji.",
        ],
        "outcomes_skills": [
            (
                "Potrafi wspólnie z innymi edytować dokument, dodawać komentarze i korzystać ze "
                "śledzenia zmian."
            ),
            (
                "Potrafi udostępnić plik konkretnym osobom z odpowiednim uprawnieniem i datą "
                "wygaśnięcia."
            ),
            "Potrafi przywrócić wcześniejszą wersję dokumentu.",
            (
                "Potrafi przygotować pliki do pracy offline i rozwiązać konflikt wersji po "
                "synchronizacji."
            ),
        ],
        "outcomes_social": [
            (
                "Dba o porządek we wspólnych folderach, tak by współpracownicy łatwo znajdowali "
                "dokumenty."
            ),
            (
                "Jest gotów do konsultowania z inspektorem ochrony danych wątpliwości co do "
                "udostępniania."
            ),
        ],
        "modules": [],
        "lessons": [
            {
                "slug": "wspolna-edycja-dokumentow",
                "title": "Wspólna edycja dokumentów",
                "intro": (
                    "Sprawozdanie, plan pracy szkoły czy projekt uchwały zwykle tworzy kilka osób. "
                    "Zobacz, jak robić to w jednym pliku, bez gubienia czyichś poprawek."
                ),
                "body": [
                    ("heading", "Koniec z „wersja_ostateczna_2_poprawiona.docx”"),
                    (
                        "paragraph",
                        (
                            "<p>Klasyczny scenariusz: sekretarz szkoły wysyła projekt planu pracy "
                            "pięciu nauczycielom, każdy odsyła swoją wersję z poprawkami, a potem "
                            "ktoś przez pół dnia przepisuje zmiany do jednego pliku – i zawsze coś "
                            "gubi. W chmurze wszyscy pracują na <strong>jednym "
                            "dokumencie</strong>: widzą, kto w danej chwili edytuje tekst, a każda "
                            "zmiana zapisuje się automatycznie.</p>"
                            "<p>Wspólna edycja sprawdza się najlepiej, gdy ustalicie kilka zasad: "
                            "kto jest autorem odpowiedzialnym za wersję końcową, do kiedy "
                            "zbieracie uwagi i czy wolno poprawiać tekst bezpośrednio, czy tylko w "
                            "komentarzach lub w trybie śledzenia zmian.</p>"
                        ),
                    ),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p>Otwórz dokument ze wspólnego folderu zespołu (nie pobieraj "
                                    "go na dysk). W prawym górnym rogu zobaczysz inicjały osób, "
                                    "które właśnie go edytują.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Aby zgłosić uwagę, zaznacz fragment tekstu i wybierz "
                                    "<strong>Wstaw &gt; Komentarz</strong>. Wpisz znak @ i "
                                    "nazwisko, aby powiadomić konkretną osobę.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Jeśli chcesz zaproponować zmianę w samym tekście, włącz "
                                    "<strong>śledzenie zmian</strong> (w niektórych programach: "
                                    "<em>tryb sugestii</em>). Autor zobaczy Twoją propozycję i ją "
                                    "przyjmie albo odrzuci.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Gdy uwaga zostanie uwzględniona, oznacz komentarz jako "
                                    "<strong>rozwiązany</strong>. Dokument pozostaje czytelny, a "
                                    "historia dyskusji jest nadal dostępna.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "<p>Przy dużych dokumentach podzielcie pracę na rozdziały i "
                                "wpiszcie na początku pliku krótką tabelkę: rozdział – osoba – "
                                "termin. Unikniecie sytuacji, w której dwie osoby jednocześnie "
                                "przepisują ten sam akapit.</p>"
                            ),
                        },
                    ),
                    ("video", {"video": "one_document"}),
                ],
            },
            {
                "slug": "udostepnianie-i-uprawnienia",
                "title": "Udostępnianie i uprawnienia",
                "intro": (
                    "Udostępnienie pliku to decyzja o tym, kto zobaczy dane. Nauczysz się nadawać "
                    "uprawnienia świadomie i odbierać je, gdy przestają być potrzebne."
                ),
                "body": [
                    ("heading", "Trzy poziomy uprawnień"),
                    (
                        "paragraph",
                        (
                            "<p>Udostępniając plik, wybierasz, co odbiorca może z nim zrobić:</p>"
                            "<ul><li><strong>Może wyświetlać</strong> – czyta, ale niczego nie "
                            "zmienia. Dobre dla gotowych regulaminów, harmonogramów i materiałów "
                            "dla uczniów.</li>"
                            "<li><strong>Może komentować</strong> – zgłasza uwagi, ale nie zmienia "
                            "treści. Dobre przy konsultowaniu projektu pisma z innym "
                            "wydziałem.</li>"
                            "<li><strong>Może edytować</strong> – zmienia treść, a często także "
                            "udostępnia plik dalej. Nadawaj tylko osobom, które naprawdę "
                            "współtworzą dokument.</li></ul>"
                            "<p>Zasada jest taka sama jak przy kluczach do pokoi w urzędzie: każdy "
                            "dostaje <strong>najniższe uprawnienie, które wystarcza do wykonania "
                            "zadania</strong>.</p>"
                        ),
                    ),
                    (
                        "image",
                        {
                            "image": "share_dialog",
                            "alt": (
                                "Okno udostępniania pliku: dodana osoba z Wydziału Oświaty, "
                                "uprawnienie „Może komentować”, dostęp tylko dla dodanych osób, "
                                "wygaśnięcie 30.06."
                            ),
                            "caption": (
                                "Udostępnienie konkretnej osobie, z uprawnieniem do komentowania i "
                                "datą wygaśnięcia."
                            ),
                        },
                    ),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p>Kliknij <strong>Udostępnij</strong> w otwartym dokumencie "
                                    "lub w menu pliku.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Wpisz imię i nazwisko lub służbowy adres e-mail odbiorcy. "
                                    "Sprawdź, czy podpowiedź wskazuje właściwą osobę – w dużych "
                                    "jednostkach nazwiska się powtarzają.</p>"
                                ),
                                "screenshot": "share_dialog",
                                "alt": (
                                    "Okno udostępniania z wybraną osobą i uprawnieniem „Może "
                                    "komentować”."
                                ),
                            },
                            {
                                "text": (
                                    "<p>Wybierz uprawnienie: wyświetlanie, komentowanie lub "
                                    "edycja. W polu <em>Dostęp ogólny</em> zostaw <strong>Tylko "
                                    "dodane osoby</strong>.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Dla osób spoza urzędu lub szkoły ustaw <strong>datę "
                                    "wygaśnięcia dostępu</strong>, np. koniec projektu lub roku "
                                    "szkolnego.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Kliknij <strong>Udostępnij</strong>. Raz na kwartał "
                                    "przejrzyj listę „Udostępnione przeze mnie” i odbierz dostępy, "
                                    "które nie są już potrzebne.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "<p><strong>Nigdy nie udostępniaj danych osobowych linkiem „Każdy, "
                                "kto ma link”.</strong> Taki link można przesłać dalej, wkleić do "
                                "niewłaściwej wiadomości albo znaleźć po latach w starej "
                                "korespondencji – a odbiorca nie musi się logować, więc nie "
                                "wiadomo, kto otworzył plik. Dotyczy to m.in. list z numerami "
                                "PESEL, adresów, opinii i orzeczeń poradni "
                                "psychologiczno-pedagogicznej, ocen uczniów i dokumentacji z "
                                "Powiatowego Centrum Pomocy Rodzinie.</p>"
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Jeśli dane trzeba przekazać poza jednostkę, np. wykonawcy albo "
                            "innej instytucji, skorzystaj z kanału przewidzianego w procedurach: "
                            "skrzynki ePUAP, systemu EZD lub metody wskazanej przez inspektora "
                            "ochrony danych. Wysłanie omyłkowo linku do niewłaściwej osoby zgłoś "
                            "od razu – tak samo jak wysłanie e-maila z danymi do niewłaściwego "
                            "adresata.</p>"
                        ),
                    ),
                ],
            },
            {
                "slug": "wersje-nazwy-plikow-i-praca-offline",
                "title": "Wersje, nazwy plików i praca offline",
                "intro": (
                    "Porządek w plikach oszczędza godziny szukania. Dowiesz się, jak korzystać z "
                    "historii wersji, jak nazywać pliki i jak pracować, gdy nie ma internetu."
                ),
                "body": [
                    ("heading", "Historia wersji zamiast kopii zapasowych „na wszelki wypadek”"),
                    (
                        "paragraph",
                        (
                            "<p>Dokument w chmurze zapamiętuje kolejne wersje: kto i kiedy go "
                            "zmienił. Gdy ktoś przez pomyłkę usunie tabelę albo nadpisze rozdział, "
                            "nie trzeba szukać starego załącznika w poczcie – wystarczy otworzyć "
                            "<strong>historię wersji</strong>, znaleźć stan sprzed zmiany i go "
                            "przywrócić. Przywrócenie nie kasuje nowszych wersji, więc zawsze "
                            "można się wycofać.</p>"
                            "<p>Przed ważnym etapem, np. przed przekazaniem projektu dyrektorowi "
                            "lub naczelnikowi, <strong>nadaj bieżącej wersji nazwę</strong> (np. "
                            "„przed uwagami dyrektora”). Łatwiej ją potem odnaleźć wśród "
                            "dziesiątek automatycznych zapisów.</p>"
                        ),
                    ),
                    (
                        "image",
                        {
                            "image": "version_history",
                            "alt": (
                                "Panel Historia wersji z listą zmian dwóch osób, nazwaną wersją "
                                "„przed uwagami dyrektora” i przyciskiem Przywróć tę wersję."
                            ),
                            "caption": (
                                "Nazwane wersje łatwo odnaleźć wśród automatycznych zapisów."
                            ),
                        },
                    ),
                    ("heading", "Jak nazywać pliki"),
                    (
                        "paragraph",
                        (
                            "<p>Dobra nazwa pozwala znaleźć plik bez otwierania go. Proponowany "
                            "wzór:</p>"
                            "<p><strong>RRRR-MM-DD_temat_status</strong>, np. "
                            "<em>2024-03-15_protokol-rady-pedagogicznej_projekt.docx</em>.</p>"
                            "<ul>"
                            "<li>Data na początku w formacie rok-miesiąc-dzień sprawia, że pliki "
                            "same układają się chronologicznie.</li>"
                            "<li>Zamiast spacji używaj myślników i podkreśleń, a polskie znaki "
                            "warto pominąć – niektóre systemy i poczta źle je obsługują.</li>"
                            "<li>Status (<em>projekt</em>, <em>do-uzgodnienia</em>, "
                            "<em>zatwierdzony</em>) zastępuje dopiski w rodzaju "
                            "„ostateczny_OSTATECZNY”.</li>"
                            "<li>Nie umieszczaj w nazwie danych osobowych, np. nazwiska ucznia i "
                            "numeru PESEL – nazwy plików widać w wynikach wyszukiwania i w "
                            "powiadomieniach.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "important",
                            "text": (
                                "<p>Chmura służy do pracy nad dokumentami. Jeśli Twój urząd "
                                "prowadzi dokumentację w systemie EZD, ostateczną wersję pisma "
                                "rejestruj tam zgodnie z instrukcją kancelaryjną – wspólny folder "
                                "nie zastępuje akt sprawy.</p>"
                            ),
                        },
                    ),
                    ("heading", "Praca bez internetu"),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p>Przed wyjazdem (np. na wycieczkę szkolną lub szkolenie) "
                                    "otwórz folder z potrzebnymi plikami, kliknij go prawym "
                                    "przyciskiem myszy i wybierz <strong>Dostępne offline</strong> "
                                    "(w niektórych programach: <em>Zawsze zachowuj na tym "
                                    "urządzeniu</em>).</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Poczekaj, aż ikony plików pokażą, że są zapisane lokalnie. "
                                    "Sprawdź to, otwierając jeden z nich po wyłączeniu Wi-Fi.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Pracuj normalnie – zmiany zapisują się na dysku laptopa, "
                                    "który chroni szyfrowanie BitLocker.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Po powrocie do sieci poczekaj na zakończenie "
                                    "synchronizacji. Jeśli ktoś w tym czasie zmienił ten sam plik, "
                                    "pojawi się <strong>konflikt wersji</strong> – porównaj obie "
                                    "wersje i świadomie połącz zmiany, zamiast zostawiać dwa pliki "
                                    "obok siebie.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    (
                        "document",
                        {
                            "document": "cloud_rules",
                            "title": "Pobierz zasady pracy z dokumentami w chmurze (TXT)",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Sprawdź się: dokumenty w chmurze",
                            "pass_mark": 70,
                            "max_attempts": None,
                            "shuffle": True,
                            "questions": [
                                {
                                    "text": (
                                        "Koleżanka z innego wydziału ma sprawdzić arkusz z danymi "
                                        "osobowymi mieszkańców. Jak go udostępnisz?"
                                    ),
                                    "kind": "single",
                                    "options": [
                                        {
                                            "text": (
                                                "Konkretnej osobie, na jej konto służbowe, z "
                                                "uprawnieniem do komentowania."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Tak – wiadomo, kto ma dostęp, a uprawnienie "
                                                "odpowiada zadaniu."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Linkiem „Każdy, kto ma link” wysłanym na jej "
                                                "prywatny adres e-mail."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Otwarty link z danymi osobowymi może trafić do "
                                                "dowolnej osoby."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Wklejając link w czacie całej jednostki, żeby "
                                                "łatwo go znalazła."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Dostęp dostałyby osoby, które tych danych w ogóle "
                                                "nie potrzebują."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": "Które nazwy plików są zgodne z zasadami z lekcji?",
                                    "kind": "multiple",
                                    "options": [
                                        {
                                            "text": "2024-03-15_protokol-rady_projekt.docx",
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – data, temat i status, bez spacji i "
                                                "polskich znaków."
                                            ),
                                        },
                                        {
                                            "text": "2024-09-02_plan-dyzurow_zatwierdzony.xlsx",
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – z nazwy od razu wiadomo, czego i kiedy "
                                                "dotyczy plik."
                                            ),
                                        },
                                        {
                                            "text": "ostateczny_OSTATECZNY_2.docx",
                                            "correct": False,
                                            "feedback": (
                                                "Taka nazwa nic nie mówi o treści; do wersji służy "
                                                "historia wersji."
                                            ),
                                        },
                                        {
                                            "text": "Nowy dokument (3).docx",
                                            "correct": False,
                                            "feedback": (
                                                "Domyślna nazwa uniemożliwia znalezienie pliku bez "
                                                "otwierania go."
                                            ),
                                        },
                                        {
                                            "text": "opinia-ppp_Jan-Kowalski_ur-2008-01-15.pdf",
                                            "correct": False,
                                            "feedback": (
                                                "Imię, nazwisko i data urodzenia to dane osobowe, "
                                                "a nazwę pliku widać w wyszukiwarce."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Historia wersji pozwala przywrócić treść, którą ktoś "
                                        "przez pomyłkę usunął z dokumentu."
                                    ),
                                    "kind": "true_false",
                                    "options": [
                                        {
                                            "text": "Prawda",
                                            "correct": True,
                                            "feedback": (
                                                "Tak – przywrócenie wcześniejszej wersji nie "
                                                "kasuje przy tym wersji nowszych."
                                            ),
                                        },
                                        {
                                            "text": "Fałsz",
                                            "correct": False,
                                            "feedback": (
                                                "To nieprawda – właśnie do tego służy historia "
                                                "wersji."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Kolega edytował plik offline w pociągu, a Ty w tym czasie "
                                        "zmieniłeś ten sam akapit online. Co może się stać?"
                                    ),
                                    "kind": "single",
                                    "options": [
                                        {
                                            "text": (
                                                "Powstanie konflikt wersji, który trzeba świadomie "
                                                "rozstrzygnąć."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Tak – program nie wie, która zmiana jest "
                                                "właściwa, więc decyzja należy do Was."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Zmiany zawsze połączą się same bez żadnej straty."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Przy zmianach w tym samym miejscu automatyczne "
                                                "połączenie nie jest możliwe."
                                            ),
                                        },
                                        {
                                            "text": "Plik zostanie trwale usunięty z chmury.",
                                            "correct": False,
                                            "feedback": (
                                                "Synchronizacja nie usuwa pliku – najwyżej tworzy "
                                                "jego drugą kopię."
                                            ),
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "wideokonferencje-i-lekcje-zdalne",
        "title": "Wideokonferencje i lekcje zdalne",
        "summary": (
            "Praktyczny kurs dla nauczycieli i urzędników, którzy prowadzą lub współprowadzą "
            "spotkania online na laptopach z projektu „Cyfrowy Powiat”. Omawia dołączanie do "
            "spotkań, etykietę, bezpieczne udostępnianie ekranu, prowadzenie lekcji zdalnej, "
            "nagrywanie zgodne z RODO i dostępność."
        ),
        "audiences": ["teachers", "officials"],
        "topic": "Komunikacja zdalna",
        "level": "basic",
        "hours": 4,
        "self_enrolment": True,
        "outcomes_knowledge": [
            "Zna zasady etykiety obowiązujące podczas wideokonferencji.",
            "Rozumie ryzyka związane z udostępnianiem całego ekranu.",
            "Zna obowiązki związane z nagrywaniem spotkań i lekcji, wynikające z RODO.",
            "Rozumie, jak napisy i inne ułatwienia wspierają dostępność zajęć.",
        ],
        "outcomes_skills": [
            (
                "Potrafi dołączyć do spotkania z przygotowanym sprzętem i poprawnie podpisaną "
                "nazwą uczestnika."
            ),
            "Potrafi udostępnić pojedyncze okno programu zamiast całego ekranu.",
            "Potrafi zaplanować i poprowadzić angażującą lekcję zdalną.",
            "Potrafi włączyć napisy na żywo i zadbać o dostępność materiałów.",
        ],
        "outcomes_social": [
            "Dba o komfort i prywatność uczestników spotkań, w tym uczniów.",
            "Jest gotów do uwzględniania potrzeb uczniów i mieszkańców z niepełnosprawnościami.",
        ],
        "modules": [
            {
                "title": "Udział w spotkaniu online",
                "lessons": [
                    {
                        "slug": "dolaczanie-do-spotkania-i-etykieta",
                        "title": "Dołączanie do spotkania i etykieta",
                        "intro": (
                            "Dobre spotkanie zaczyna się kilka minut przed czasem. Zobacz, jak "
                            "przygotować sprzęt i jak zachowywać się tak, by spotkanie było "
                            "sprawne dla wszystkich."
                        ),
                        "body": [
                            ("heading", "Przygotuj się przed spotkaniem"),
                            (
                                "paragraph",
                                (
                                    "<p>Zaproszenie na spotkanie dostajesz zwykle w kalendarzu lub "
                                    "w wiadomości e-mail. Otwieraj tylko linki od znanych nadawców "
                                    "– fałszywe „zaproszenia na spotkanie” to popularna forma "
                                    "phishingu. Jeśli zaproszenie przyszło z nieznanego adresu, "
                                    "zapytaj organizatora innym kanałem, czy je wysłał.</p>"
                                    "<p>Do laptopa podłącz <strong>słuchawki z "
                                    "mikrofonem</strong>. Wbudowane głośniki i mikrofon laptopa "
                                    "często wywołują echo, a słuchawki dodatkowo sprawiają, że "
                                    "domownicy nie słyszą rozmowy o sprawach służbowych.</p>"
                                ),
                            ),
                            (
                                "steps",
                                [
                                    {
                                        "text": (
                                            "<p>Kilka minut przed czasem podłącz laptop do "
                                            "zasilacza i słuchawki. Zamknij programy, których nie "
                                            "będziesz potrzebować.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Kliknij link w zaproszeniu. Na ekranie przed "
                                            "dołączeniem sprawdź podgląd kamery i wybierz "
                                            "słuchawki jako urządzenie audio.</p>"
                                        ),
                                        "screenshot": "meeting_join",
                                        "alt": (
                                            "Ekran przed dołączeniem do spotkania: kamera "
                                            "wyłączona, mikrofon wyciszony, nazwa „Anna Kowalska – "
                                            "II LO”, przycisk Dołącz teraz."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "<p>Ustaw wyświetlaną nazwę tak, by inni wiedzieli, "
                                            "kim jesteś, np. <em>Anna Kowalska – II LO</em> albo "
                                            "<em>Jan Nowak – Wydział Geodezji</em>.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Dołącz z wyciszonym mikrofonem. Jeśli tło za Tobą "
                                            "pokazuje prywatne rzeczy lub dokumenty, włącz "
                                            "rozmycie tła.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                ],
                            ),
                            ("heading", "Etykieta wideokonferencji"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Mikrofon wyciszony, gdy nie mówisz.</strong> Przy "
                                    "kilkunastu uczestnikach nawet stukanie w klawiaturę zagłusza "
                                    "prowadzącego.</li>"
                                    "<li><strong>Kamera włączona, gdy to możliwe.</strong> Na "
                                    "zebraniu zespołu widok twarzy ułatwia rozmowę; przy słabym "
                                    "łączu można ją wyłączyć i uprzedzić o tym organizatora.</li>"
                                    "<li><strong>Zgłaszaj się przez „podniesienie ręki”</strong> "
                                    "lub czat, zamiast przerywać.</li>"
                                    "<li><strong>Na czacie pisz o sprawach spotkania.</strong> "
                                    "Czat bywa zapisywany i widoczny dla wszystkich – nie wpisuj "
                                    "tam danych osobowych mieszkańców ani uczniów.</li>"
                                    "<li><strong>Wychodząc wcześniej, napisz o tym na "
                                    "czacie.</strong></li></ul>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "<p>Jeśli inni słyszą echo swojego głosu, to najczęściej "
                                        "dźwięk z czyichś głośników trafia z powrotem do "
                                        "mikrofonu. Najprostsze rozwiązanie: słuchawki.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "bezpieczne-udostepnianie-ekranu",
                        "title": "Bezpieczne udostępnianie ekranu",
                        "intro": (
                            "Udostępniony ekran widzą wszyscy uczestnicy – razem z powiadomieniami "
                            "i otwartymi kartami. Nauczysz się pokazywać tylko to, co zamierzasz."
                        ),
                        "body": [
                            ("heading", "Co może pójść nie tak"),
                            (
                                "paragraph",
                                (
                                    "<p>Nauczyciel udostępnia cały ekran, żeby pokazać "
                                    "prezentację. W rogu wyskakuje powiadomienie o wiadomości od "
                                    "rodzica z informacją o zdrowiu dziecka. Chwilę później, "
                                    "przełączając okna, pokazuje klasie arkusz z ocenami. Urzędnik "
                                    "w czasie spotkania z wykonawcą pokazuje na ekranie skrzynkę "
                                    "pocztową z nazwiskami mieszkańców. Każda z tych sytuacji może "
                                    "być naruszeniem ochrony danych osobowych.</p>"
                                    "<p>Rozwiązanie jest proste: <strong>udostępniaj pojedyncze "
                                    "okno programu, a nie cały ekran</strong>, i wyłącz "
                                    "powiadomienia na czas spotkania.</p>"
                                ),
                            ),
                            (
                                "image",
                                {
                                    "image": "screen_share_choice",
                                    "alt": (
                                        "Okno wyboru udostępnianej zawartości z zaznaczoną opcją "
                                        "„Okno: Prezentacja – lekcja 5” zamiast całego ekranu."
                                    ),
                                    "caption": (
                                        "Wybierz konkretne okno – uczestnicy nie zobaczą nic poza "
                                        "nim."
                                    ),
                                },
                            ),
                            (
                                "steps",
                                [
                                    {
                                        "text": (
                                            "<p>Przed spotkaniem otwórz materiał, który chcesz "
                                            "pokazać, i zamknij pocztę, dziennik elektroniczny "
                                            "oraz zbędne karty przeglądarki.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Włącz tryb <strong>Nie przeszkadzać</strong> "
                                            "(kliknij datę i godzinę na pasku zadań lub otwórz "
                                            "<em>Ustawienia &gt; System &gt; "
                                            "Powiadomienia</em>).</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Kliknij <strong>Udostępnij</strong> w programie do "
                                            "spotkań i wybierz <strong>konkretne okno</strong>, "
                                            "np. prezentację.</p>"
                                        ),
                                        "screenshot": "screen_share_choice",
                                        "alt": (
                                            "Wybór udostępniania: zaznaczone pojedyncze okno z "
                                            "prezentacją."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "<p>Zapytaj uczestników, czy widzą właściwy obraz. "
                                            "Jeśli chcesz pokazać film z dźwiękiem, zaznacz opcję "
                                            "udostępniania dźwięku komputera.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Po zakończeniu prezentacji kliknij "
                                            "<strong>Zatrzymaj udostępnianie</strong>, zanim "
                                            "przejdziesz do innych programów.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "text": (
                                        "<p>Jeżeli przypadkiem pokazałeś dane osobowe (np. listę "
                                        "ocen, adresy lub treść wiadomości od rodzica), nie "
                                        "udawaj, że nic się nie stało. Zatrzymaj udostępnianie i "
                                        "po spotkaniu zgłoś zdarzenie inspektorowi ochrony danych "
                                        "– to on oceni, czy doszło do naruszenia.</p>"
                                    ),
                                },
                            ),
                            (
                                "quiz",
                                {
                                    "title": "Krótki sprawdzian: udostępnianie ekranu",
                                    "pass_mark": 60,
                                    "max_attempts": None,
                                    "shuffle": False,
                                    "questions": [
                                        {
                                            "text": (
                                                "Co najlepiej udostępnić, gdy chcesz pokazać "
                                                "prezentację?"
                                            ),
                                            "kind": "single",
                                            "options": [
                                                {
                                                    "text": "Tylko okno z prezentacją.",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Tak – uczestnicy nie zobaczą powiadomień "
                                                        "ani innych programów."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Cały ekran z otwartą pocztą, żeby szybko "
                                                        "odpowiadać na pytania."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Poczta na udostępnionym ekranie to prosta "
                                                        "droga do ujawnienia danych."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Cały ekran, ale po zminimalizowaniu "
                                                        "innych okien."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Zminimalizowane okno łatwo przywrócić "
                                                        "przez pomyłkę, a powiadomienia nadal będą "
                                                        "widoczne."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Tryb „Nie przeszkadzać” zapobiega wyświetlaniu "
                                                "powiadomień podczas udostępniania ekranu."
                                            ),
                                            "kind": "true_false",
                                            "options": [
                                                {
                                                    "text": "Prawda",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Tak – dlatego warto go włączać przed "
                                                        "każdą prezentacją."
                                                    ),
                                                },
                                                {
                                                    "text": "Fałsz",
                                                    "correct": False,
                                                    "feedback": (
                                                        "To nieprawda – tryb „Nie przeszkadzać” "
                                                        "wycisza właśnie powiadomienia."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Które czynności warto wykonać przed "
                                                "udostępnieniem ekranu?"
                                            ),
                                            "kind": "multiple",
                                            "options": [
                                                {
                                                    "text": (
                                                        "Zamknąć pocztę i dziennik elektroniczny."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – to programy, w których "
                                                        "najczęściej widać dane osobowe."
                                                    ),
                                                },
                                                {
                                                    "text": "Zamknąć zbędne karty przeglądarki.",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – karty z prywatnymi lub "
                                                        "służbowymi stronami nie powinny trafić na "
                                                        "ekran."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Wyłączyć ochronę antywirusową, żeby obraz "
                                                        "był płynniejszy."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Ochrona antywirusowa nie ma wpływu na "
                                                        "udostępnianie i musi pozostać włączona."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Ustawić wyświetlanie powiadomień na "
                                                        "pełnym ekranie."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Powiadomienia należy wyciszyć, a nie "
                                                        "eksponować."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Lekcja i spotkanie online",
                "lessons": [
                    {
                        "slug": "prowadzenie-lekcji-zdalnej",
                        "title": "Prowadzenie lekcji zdalnej",
                        "intro": (
                            "Lekcja zdalna to nie wykład przed kamerą. Zobacz, jak zaplanować "
                            "zajęcia, które angażują uczniów i nie męczą ich ekranem."
                        ),
                        "body": [
                            ("heading", "Zaplanuj lekcję w krótkich blokach"),
                            (
                                "paragraph",
                                (
                                    "<p>Uwaga uczniów przed ekranem słabnie szybciej niż w klasie. "
                                    "Zamiast 45 minut mówienia zaplanuj lekcję w <strong>blokach "
                                    "po 10–15 minut</strong>, a w każdym bloku daj uczniom coś do "
                                    "zrobienia: odpowiedź na czacie, krótki quiz, zadanie we "
                                    "wspólnym dokumencie albo pracę w małych grupach (pokojach "
                                    "podgrup).</p>"
                                    "<p>Przykładowy plan lekcji matematyki w Zespole Szkół "
                                    "Mechanicznych:</p>"
                                    "<ol>"
                                    "<li>5 minut – powitanie, obecność, przypomnienie zasad.</li>"
                                    "<li>10 minut – wprowadzenie nowego tematu na prezentacji.</li>"
                                    "<li>10 minut – zadania w parach w pokojach podgrup.</li>"
                                    "<li>5 minut – przerwa od ekranu: uczniowie wstają, odchodzą "
                                    "od komputerów.</li>"
                                    "<li>10 minut – omówienie rozwiązań, uczniowie udostępniają "
                                    "swoje wyniki.</li>"
                                    "<li>5 minut – krótki quiz i zadanie domowe.</li></ol>"
                                ),
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>W szkołach specjalnych i ośrodkach wychowawczych, które "
                                    "otrzymały laptopy w projekcie, lekcje zdalne wymagają jeszcze "
                                    "większej elastyczności: krótszych bloków, prostych poleceń, "
                                    "stałego rytuału na początku zajęć i częstego kontaktu z "
                                    "rodzicami lub opiekunami, którzy pomagają uczniowi przy "
                                    "komputerze.</p>"
                                ),
                            ),
                            ("video", {"video": "remote_lesson"}),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "<p>Na koniec lekcji wybierz <strong>Zakończ spotkanie dla "
                                        "wszystkich</strong>, a nie tylko <em>Opuść</em>. W "
                                        "przeciwnym razie uczniowie mogą zostać w pokoju bez "
                                        "nauczyciela.</p>"
                                    ),
                                },
                            ),
                            (
                                "document",
                                {
                                    "document": "checklist_remote_lesson",
                                    "title": "Pobierz listę kontrolną lekcji zdalnej (TXT)",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "nagrywanie-rodo-i-dostepnosc",
                        "title": "Nagrywanie, RODO i dostępność",
                        "intro": (
                            "Nagranie spotkania to zapis wizerunku i głosu uczestników, a więc ich "
                            "danych osobowych. Dowiesz się, kiedy i jak nagrywać oraz jak zadbać o "
                            "napisy."
                        ),
                        "body": [
                            ("heading", "Zanim naciśniesz „Nagrywaj”"),
                            (
                                "paragraph",
                                (
                                    "<p>Wizerunek i głos są danymi osobowymi, a RODO (ogólne "
                                    "rozporządzenie o ochronie danych) wymaga, by przetwarzać je w "
                                    "określonym celu, na podstawie prawnej i nie dłużej, niż to "
                                    "konieczne. W praktyce oznacza to kilka pytań, na które trzeba "
                                    "odpowiedzieć przed nagraniem:</p>"
                                    "<ul><li><strong>Po co nagrywamy?</strong> Np. dla uczniów "
                                    "nieobecnych na lekcji albo na potrzeby protokołu z "
                                    "posiedzenia.</li>"
                                    "<li><strong>Na jakiej podstawie?</strong> Czasem nagrywanie "
                                    "wynika z przepisów lub zadań jednostki, czasem potrzebna jest "
                                    "zgoda – w przypadku niepełnoletnich uczniów wyrażają ją "
                                    "zwykle rodzice lub opiekunowie prawni. W razie wątpliwości "
                                    "zapytaj inspektora ochrony danych.</li>"
                                    "<li><strong>Gdzie i jak długo będzie przechowywane?</strong> "
                                    "Tylko w miejscu wskazanym przez szkołę lub urząd, nigdy na "
                                    "prywatnym dysku, i usuwane po ustalonym czasie.</li></ul>"
                                    "<p>Często wystarczy nagrać samą prezentację i głos "
                                    "nauczyciela, bez kamer i wypowiedzi uczniów – to najprostszy "
                                    "sposób, by ograniczyć ilość danych.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "important",
                                    "text": (
                                        "<p>Zawsze <strong>poinformuj uczestników przed włączeniem "
                                        "nagrywania</strong> i daj im możliwość wyłączenia kamery. "
                                        "Nagranie z wizerunkiem uczniów nie może trafić do mediów "
                                        "społecznościowych szkoły bez odpowiedniej zgody.</p>"
                                    ),
                                },
                            ),
                            ("heading", "Dostępność: napisy i nie tylko"),
                            (
                                "paragraph",
                                (
                                    "<p>Napisy na żywo, dostępne w wielu programach do "
                                    "wideokonferencji, pomagają nie tylko osobom niesłyszącym i "
                                    "słabosłyszącym. Korzystają z nich uczniowie ze słabym łączem, "
                                    "osoby uczące się języka polskiego i każdy, kto pracuje w "
                                    "głośnym otoczeniu. Napisy generowane automatycznie bywają "
                                    "niedokładne przy nazwach własnych, dlatego ważne terminy "
                                    "warto dodatkowo wpisać na czacie.</p>"
                                    "<p>Jednostki publiczne – także szkoły i starostwo – "
                                    "obowiązuje ustawa o dostępności cyfrowej stron internetowych "
                                    "i aplikacji mobilnych podmiotów publicznych. Nagrania "
                                    "publikowane na stronie jednostki powinny więc mieć napisy, a "
                                    "prezentacje – czytelny kontrast i teksty alternatywne dla "
                                    "obrazów.</p>"
                                ),
                            ),
                            (
                                "steps",
                                [
                                    {
                                        "text": (
                                            "<p>Na początku spotkania otwórz menu "
                                            "<strong>Więcej</strong> (zwykle ikona trzech "
                                            "kropek).</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Wybierz <strong>Włącz napisy na żywo</strong> i "
                                            "ustaw język mówienia na polski.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Poinformuj uczestników, że napisy są dostępne i że "
                                            "każdy może je włączyć u siebie.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                    {
                                        "text": (
                                            "<p>Mów wyraźnie i nie za szybko, a nazwy własne i "
                                            "trudne terminy dodatkowo wpisz na czacie.</p>"
                                        ),
                                        "screenshot": None,
                                        "alt": "",
                                    },
                                ],
                            ),
                            (
                                "quiz",
                                {
                                    "title": "Sprawdź się: wideokonferencje i lekcje zdalne",
                                    "pass_mark": 70,
                                    "max_attempts": 3,
                                    "shuffle": True,
                                    "questions": [
                                        {
                                            "text": (
                                                "Zamierzasz nagrać lekcję zdalną. Które działania "
                                                "są konieczne?"
                                            ),
                                            "kind": "multiple",
                                            "options": [
                                                {
                                                    "text": (
                                                        "Poinformować uczestników przed włączeniem "
                                                        "nagrywania."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – uczestnicy muszą wiedzieć, że są "
                                                        "nagrywani."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Ustalić cel, podstawę prawną i czas "
                                                        "przechowywania nagrania."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – tego wymaga RODO; w razie "
                                                        "wątpliwości pomoże IOD."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Przechowywać nagranie w miejscu wskazanym "
                                                        "przez szkołę."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Dobrze – prywatny dysk nie zapewnia "
                                                        "kontroli nad dostępem."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Nagrywać bez uprzedzenia, żeby uczniowie "
                                                        "zachowywali się naturalnie."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Ukryte nagrywanie narusza prawa "
                                                        "uczestników i zasady RODO."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Opublikować nagranie z wizerunkiem "
                                                        "uczniów w mediach społecznościowych "
                                                        "szkoły."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Publikacja wizerunku uczniów wymaga "
                                                        "odpowiedniej zgody."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Napisy na żywo pomagają nie tylko osobom "
                                                "niesłyszącym, ale też uczniom ze słabym łączem."
                                            ),
                                            "kind": "true_false",
                                            "options": [
                                                {
                                                    "text": "Prawda",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Tak – napisy ułatwiają udział wszystkim, "
                                                        "którzy nie słyszą dobrze dźwięku."
                                                    ),
                                                },
                                                {
                                                    "text": "Fałsz",
                                                    "correct": False,
                                                    "feedback": (
                                                        "To nieprawda – z napisów korzysta "
                                                        "znacznie szersza grupa niż osoby "
                                                        "niesłyszące."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Uczestnicy słyszą echo własnego głosu. Co "
                                                "najczęściej pomaga?"
                                            ),
                                            "kind": "single",
                                            "options": [
                                                {
                                                    "text": (
                                                        "Używanie słuchawek zamiast głośników "
                                                        "laptopa."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Tak – dźwięk ze słuchawek nie wraca do "
                                                        "mikrofonu."
                                                    ),
                                                },
                                                {
                                                    "text": "Podgłośnienie głośników do maksimum.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Głośniejsze głośniki tylko nasilą echo."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Włączenie mikrofonów wszystkim "
                                                        "uczestnikom naraz."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Więcej otwartych mikrofonów to więcej "
                                                        "źródeł echa i szumu."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Jak zakończyć lekcję zdalną prowadzoną przez "
                                                "nauczyciela?"
                                            ),
                                            "kind": "single",
                                            "options": [
                                                {
                                                    "text": (
                                                        "Wybrać „Zakończ spotkanie dla wszystkich”."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Tak – nikt nie zostanie w pokoju "
                                                        "spotkania bez nadzoru."
                                                    ),
                                                },
                                                {
                                                    "text": "Kliknąć „Opuść” i zamknąć laptop.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Uczniowie mogą zostać w spotkaniu bez "
                                                        "nauczyciela."
                                                    ),
                                                },
                                                {
                                                    "text": "Wyłączyć tylko kamerę i mikrofon.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Spotkanie nadal trwa, a nauczyciel "
                                                        "formalnie w nim uczestniczy."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
        "lessons": [],
    },
    {
        "slug": "cyberhigiena-w-urzedzie-i-szkole",
        "title": "Cyberhigiena w urzędzie i szkole",
        "summary": (
            "Kurs o codziennych nawykach, które chronią urząd i szkołę przed najczęstszymi "
            "atakami: phishingiem, przejęciem haseł, oszustwami socjotechnicznymi i utratą danych. "
            "Uczy też, jak szybko zgłosić incydent i na co uważać, korzystając z ePUAP, Profilu "
            "Zaufanego i podpisu elektronicznego."
        ),
        "audiences": ["officials", "teachers", "it_staff"],
        "topic": "Bezpieczeństwo",
        "level": "basic",
        "hours": 4,
        "self_enrolment": True,
        "outcomes_knowledge": [
            "Zna typowe sygnały ostrzegawcze wiadomości phishingowych.",
            (
                "Rozumie zasadę działania uwierzytelniania wieloskładnikowego (MFA) i regułę kopii "
                "zapasowych 3-2-1."
            ),
            "Zna najczęstsze techniki socjotechniczne wymierzone w urzędy i szkoły.",
            "Zna ścieżkę zgłaszania incydentów bezpieczeństwa w swojej jednostce.",
        ],
        "outcomes_skills": [
            "Potrafi rozpoznać podejrzaną wiadomość i bezpiecznie ją zgłosić.",
            "Potrafi tworzyć długie, unikalne hasła i korzystać z menedżera haseł.",
            "Potrafi włączyć MFA i rozpoznać podejrzaną prośbę o zatwierdzenie logowania.",
            (
                "Potrafi zweryfikować nietypową prośbę (np. zmianę numeru rachunku) niezależnym "
                "kanałem."
            ),
        ],
        "outcomes_social": [
            "Jest gotów do zgłaszania incydentów bez zwłoki, także własnych pomyłek.",
            (
                "Dba o bezpieczeństwo danych mieszkańców i uczniów jako o wspólną odpowiedzialność "
                "zespołu."
            ),
            "Dzieli się wiedzą o zagrożeniach ze współpracownikami.",
        ],
        "modules": [],
        "lessons": [
            {
                "slug": "jak-rozpoznac-phishing",
                "title": "Jak rozpoznać phishing",
                "intro": (
                    "Większość skutecznych ataków na urzędy i szkoły zaczyna się od jednej "
                    "wiadomości. Nauczysz się ją rozpoznać, zanim klikniesz."
                ),
                "body": [
                    ("heading", "Czym jest phishing"),
                    (
                        "paragraph",
                        (
                            "<p>Phishing to wiadomość – e-mail, SMS, komunikat w komunikatorze – "
                            "która podszywa się pod zaufanego nadawcę, aby skłonić Cię do "
                            "kliknięcia linku, otwarcia załącznika albo podania hasła. W urzędach "
                            "często udaje wiadomość od działu IT, dostawcy energii, kuriera, banku "
                            "lub platformy ePUAP; w szkołach – od rodzica, kuratorium albo "
                            "dostawcy dziennika elektronicznego.</p>"
                            "<p>Sygnały ostrzegawcze:</p>"
                            "<ul><li><strong>Presja czasu i strach</strong>: „skrzynka zostanie "
                            "zablokowana za 24 godziny”, „ostatnie wezwanie do zapłaty”.</li>"
                            "<li><strong>Adres nadawcy nie pasuje do instytucji</strong> – "
                            "wyświetlana nazwa to „Dział IT”, ale adres pochodzi z obcej "
                            "domeny.</li>"
                            "<li><strong>Link prowadzi gdzie indziej, niż sugeruje tekst</strong> "
                            "– widać to po najechaniu kursorem (bez klikania).</li>"
                            "<li><strong>Prośba o hasło, kod SMS lub dane karty.</strong> Żaden "
                            "dział IT ani bank nie prosi o nie w wiadomości.</li>"
                            "<li><strong>Nieoczekiwany załącznik</strong>: faktura, której nie "
                            "zamawiałeś, archiwum ZIP, plik HTML albo dokument proszący o "
                            "„włączenie makr”.</li></ul>"
                            "<p>Uwaga: coraz więcej fałszywych wiadomości jest napisanych "
                            "bezbłędną polszczyzną i ma prawdziwe logo. Poprawny język niczego nie "
                            "dowodzi.</p>"
                        ),
                    ),
                    (
                        "image",
                        {
                            "image": "phishing_email",
                            "alt": (
                                "Przykład fałszywej wiadomości: nadawca „Dział IT” z obcej domeny, "
                                "temat „PILNE! Skrzynka zostanie zablokowana za 24 h”, przycisk "
                                "ZWERYFIKUJ KONTO."
                            ),
                            "caption": (
                                "Presja czasu, obca domena nadawcy i prośba o hasło – trzy sygnały "
                                "ostrzegawcze w jednej wiadomości."
                            ),
                        },
                    ),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p><strong>Zatrzymaj się.</strong> Nie klikaj linków, nie "
                                    "otwieraj załączników i nie odpowiadaj na wiadomość.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Sprawdź pełny adres nadawcy i najedź kursorem na link, aby "
                                    "zobaczyć adres docelowy.</p>"
                                ),
                                "screenshot": "phishing_email",
                                "alt": (
                                    "Podejrzana wiadomość z adresem nadawcy i linkiem prowadzącym "
                                    "do obcej domeny."
                                ),
                            },
                            {
                                "text": (
                                    "<p>Jeśli wiadomość dotyczy prawdziwej sprawy (np. faktury), "
                                    "skontaktuj się z nadawcą <strong>innym kanałem</strong> – "
                                    "telefonicznie, na numer znany Ci z wcześniejszej "
                                    "korespondencji lub strony instytucji.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Zgłoś wiadomość informatykowi w sposób przyjęty w "
                                    "jednostce (przycisk „Zgłoś” w poczcie lub przekazanie jako "
                                    "załącznik).</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Jeśli już kliknąłeś lub podałeś hasło – <strong>nie wstydź "
                                    "się</strong>, od razu zadzwoń do informatyka. Każda minuta ma "
                                    "znaczenie.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    ("video", {"video": "phishing_stop"}),
                ],
            },
            {
                "slug": "hasla-menedzer-hasel-i-mfa",
                "title": "Hasła, menedżer haseł i MFA",
                "intro": (
                    "Silne hasło to długie i niepowtarzalne hasło. Zobacz, jak je tworzyć, gdzie "
                    "je przechowywać i dlaczego drugi składnik logowania zatrzymuje większość "
                    "włamań."
                ),
                "body": [
                    ("heading", "Długość ważniejsza niż „znaczki”"),
                    (
                        "paragraph",
                        (
                            "<p>Hasło „P@5w!” wygląda groźnie, ale komputer odgadnie je bardzo "
                            "szybko, bo jest krótkie. Hasło „Bolesławiec2024!” spełnia typowe "
                            "wymagania, a mimo to jest przewidywalne: nazwa miejscowości, rok, "
                            "wykrzyknik. Najlepsze są <strong>długie frazy z kilku niepowiązanych "
                            "słów</strong>, np. <em>pochmurny kalafior gra na puzonie</em> – łatwe "
                            "do zapamiętania i bardzo trudne do odgadnięcia.</p>"
                            "<p>Druga zasada jest równie ważna: <strong>każda usługa ma inne "
                            "hasło</strong>. Gdy wycieknie baza danych sklepu internetowego, "
                            "przestępcy sprawdzają te same pary login–hasło w poczcie, systemach "
                            "urzędów i bankach. Jedno hasło „do wszystkiego” oznacza, że jeden "
                            "wyciek otwiera wszystko.</p>"
                        ),
                    ),
                    ("heading", "Menedżer haseł"),
                    (
                        "paragraph",
                        (
                            "<p>Nikt nie zapamięta kilkudziesięciu długich, różnych haseł. Dlatego "
                            "używamy <strong>menedżera haseł</strong> – programu, który "
                            "przechowuje hasła w zaszyfrowanym sejfie, generuje nowe i podpowiada "
                            "je tylko na właściwych stronach (co przy okazji chroni przed "
                            "fałszywymi stronami logowania). Pamiętasz tylko jedno, silne hasło "
                            "główne. Korzystaj z menedżera zatwierdzonego przez informatyka Twojej "
                            "jednostki.</p>"
                        ),
                    ),
                    ("heading", "Uwierzytelnianie wieloskładnikowe (MFA)"),
                    (
                        "paragraph",
                        (
                            "<p>MFA łączy co najmniej dwa różne składniki: coś, co <em>wiesz</em> "
                            "(hasło), coś, co <em>masz</em> (telefon z aplikacją, klucz sprzętowy) "
                            "lub coś, czym <em>jesteś</em> (odcisk palca). Nawet jeśli przestępca "
                            "pozna Twoje hasło, bez Twojego telefonu się nie zaloguje.</p>"
                        ),
                    ),
                    (
                        "image",
                        {
                            "image": "mfa_prompt",
                            "alt": (
                                "Powiadomienie w telefonie: „Czy to Ty logujesz się do poczty "
                                "służbowej?”, z lokalizacją, numerem do wpisania i przyciskami "
                                "Odrzuć oraz Zatwierdź."
                            ),
                            "caption": (
                                "Zatwierdzaj tylko logowanie, które właśnie sam rozpocząłeś."
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "<p>Jeśli telefon nagle prosi o zatwierdzenie logowania, którego "
                                "nie rozpoczynałeś – zwłaszcza kilka razy z rzędu – ktoś zna Twoje "
                                "hasło i liczy, że klikniesz „Zatwierdź” dla świętego spokoju. "
                                "Wybierz <strong>Odrzuć</strong>, zmień hasło i zgłoś to "
                                "informatykowi.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "kopie-zapasowe-i-socjotechnika",
                "title": "Kopie zapasowe i socjotechnika",
                "intro": (
                    "Kopie zapasowe ratują dane po awarii i ataku szyfrującym, a zdrowa "
                    "podejrzliwość chroni przed manipulacją. Poznasz regułę 3-2-1 i najczęstsze "
                    "sztuczki oszustów."
                ),
                "body": [
                    ("heading", "Reguła 3-2-1"),
                    (
                        "paragraph",
                        (
                            "<p>Atak oprogramowania szyfrującego (ransomware) może w kilka minut "
                            "zaszyfrować dane na komputerze i w folderach sieciowych. Wtedy "
                            "ratunkiem jest kopia zapasowa, do której atakujący nie dotarł. Dobrą "
                            "praktykę opisuje reguła <strong>3-2-1</strong>:</p>"
                            "<ul><li><strong>3</strong> kopie danych (oryginał i dwie kopie),</li>"
                            "<li>na <strong>2</strong> różnych nośnikach lub w dwóch różnych "
                            "systemach,</li>"
                            "<li><strong>1</strong> kopia poza siedzibą – najlepiej odłączona od "
                            "sieci (offline), tak by atak nie mógł jej zaszyfrować.</li></ul>"
                            "<p>Kopie serwerów i systemów urzędu robi informatyk. Twoja rola to "
                            "<strong>zapisywać pliki w miejscach objętych kopią</strong> (folder "
                            "sieciowy, służbowa chmura), a nie na pulpicie laptopa czy prywatnym "
                            "pendrivie. Plik zapisany tylko lokalnie zniknie razem z zepsutym lub "
                            "skradzionym dyskiem.</p>"
                        ),
                    ),
                    ("heading", "Socjotechnika: gdy celem jest człowiek"),
                    (
                        "paragraph",
                        (
                            "<p>Socjotechnika to manipulacja, która wykorzystuje uprzejmość, "
                            "pośpiech, szacunek dla autorytetu albo strach. Przykłady z urzędów i "
                            "szkół:</p>"
                            "<ul>"
                            "<li><strong>Telefon „z działu IT” lub „od serwisanta”</strong>, który "
                            "prosi o hasło albo o zainstalowanie programu do zdalnej pomocy.</li>"
                            "<li><strong>„Zmiana numeru rachunku”</strong> – e-mail rzekomo od "
                            "wykonawcy z prośbą, by kolejną fakturę opłacić na nowe konto. To "
                            "jedno z najdroższych oszustw w instytucjach publicznych.</li>"
                            "<li><strong>Wiadomość „od dyrektora” lub „od starosty”</strong> z "
                            "poleceniem pilnego przelewu lub kupna kart podarunkowych, wysłana z "
                            "prywatnego adresu.</li>"
                            "<li><strong>Osoba bez identyfikatora</strong>, która wchodzi za "
                            "pracownikiem do strefy dla personelu, bo „idzie naprawić "
                            "drukarkę”.</li></ul>"
                        ),
                    ),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p>Zauważ presję: pośpiech, tajemnicę („proszę nikomu nie "
                                    "mówić”) lub powoływanie się na przełożonego.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Nie realizuj prośby w tej samej rozmowie lub wiadomości. "
                                    "Powiedz, że oddzwonisz.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Zweryfikuj prośbę <strong>niezależnym kanałem</strong>: "
                                    "zadzwoń na numer z umowy, ze strony instytucji lub z "
                                    "wewnętrznej książki telefonicznej – nigdy na numer podany w "
                                    "podejrzanej wiadomości.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Zmianę numeru rachunku zawsze potwierdzaj zgodnie z "
                                    "procedurą finansową jednostki, z udziałem głównego "
                                    "księgowego.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Poinformuj informatyka o próbie oszustwa – ta sama osoba "
                                    "prawdopodobnie dzwoni także do Twoich współpracowników.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "<p>Prawdziwy informatyk nigdy nie potrzebuje Twojego hasła. "
                                "Uprzejma odmowa i oddzwonienie to nie brak zaufania, tylko dobra "
                                "praktyka – doceni ją każdy, kto dba o bezpieczeństwo.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "zglaszanie-incydentow-epuap-i-podpis",
                "title": "Zgłaszanie incydentów, ePUAP i podpis elektroniczny",
                "intro": (
                    "Szybkie zgłoszenie incydentu ogranicza szkody. Dowiesz się, komu i jak "
                    "zgłaszać zdarzenia oraz jak bezpiecznie korzystać z ePUAP i podpisu "
                    "elektronicznego."
                ),
                "body": [
                    ("heading", "Incydent? Zgłoś od razu"),
                    (
                        "paragraph",
                        (
                            "<p>Incydent to każde zdarzenie, które zagraża bezpieczeństwu "
                            "informacji: kliknięty podejrzany link, hasło podane na fałszywej "
                            "stronie, zaszyfrowane pliki, zgubiony pendrive, e-mail z danymi "
                            "wysłany do niewłaściwej osoby. W jednostce samorządu terytorialnego "
                            "zgłoszenie trafia do informatyka lub osoby odpowiedzialnej za "
                            "cyberbezpieczeństwo, a gdy dotyczy danych osobowych – także do "
                            "inspektora ochrony danych. Jednostka przekazuje poważne incydenty "
                            "dalej, m.in. do zespołu CSIRT NASK, zgodnie z ustawą o krajowym "
                            "systemie cyberbezpieczeństwa.</p>"
                            "<p>Najważniejsza zasada: <strong>zgłaszaj od razu, nawet jeśli nie "
                            "masz pewności</strong>. Fałszywy alarm kosztuje kilka minut, a "
                            "przemilczany atak może sparaliżować urząd lub szkołę na tygodnie. "
                            "Jeśli komputer zachowuje się dziwnie (pliki mają zmienione "
                            "rozszerzenia, pojawia się żądanie okupu), odłącz go od sieci – wyjmij "
                            "kabel, wyłącz Wi-Fi – ale nie wyłączaj go bez polecenia "
                            "informatyka.</p>"
                            "<p>Podejrzane SMS-y możesz bezpłatnie przesłać do CERT Polska na "
                            "numer <strong>8080</strong>, a fałszywe strony zgłosić przez "
                            "formularz na <a "
                            'href="https://incydent.cert.pl">incydent.cert.pl</a>.</p>'
                        ),
                    ),
                    (
                        "document",
                        {
                            "document": "incident_card",
                            "title": "Pobierz kartę zgłoszenia incydentu (TXT)",
                        },
                    ),
                    ("heading", "ePUAP, Profil Zaufany i podpis elektroniczny"),
                    (
                        "paragraph",
                        (
                            "<p>Urzędy i szkoły przyjmują i wysyłają pisma przez skrzynkę ePUAP, a "
                            "pracownicy podpisują dokumenty podpisem zaufanym lub kwalifikowanym "
                            "podpisem elektronicznym. Taki podpis ma skutki prawne, dlatego:</p>"
                            "<ul>"
                            "<li><strong>Nie podpisuj dokumentu, którego nie przeczytałeś</strong> "
                            "– także wtedy, gdy prosi o to współpracownik „w pośpiechu”.</li>"
                            "<li><strong>Nie udostępniaj nikomu</strong> karty z podpisem "
                            "kwalifikowanym, jej kodu PIN ani hasła do Profilu Zaufanego.</li>"
                            "<li><strong>Czytaj treść SMS-a z kodem autoryzacyjnym</strong> – "
                            "zawiera opis operacji, którą zatwierdzasz. Jeśli opis nie zgadza się "
                            "z tym, co robisz, przerwij.</li>"
                            "<li><strong>Sprawdzaj adres strony</strong>: serwisy rządowe działają "
                            "w domenie gov.pl (np. epuap.gov.pl, pz.gov.pl). Fałszywe strony „do "
                            "odbioru pisma z ePUAP” to częsty motyw phishingu.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "important",
                            "text": (
                                "<p>Zgubiona karta z podpisem kwalifikowanym to incydent. Zgłoś to "
                                "przełożonemu i informatykowi, a certyfikat zawieś u dostawcy "
                                "podpisu zgodnie z instrukcją, którą otrzymałeś razem z kartą.</p>"
                            ),
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Sprawdź się: cyberhigiena",
                            "pass_mark": 80,
                            "max_attempts": None,
                            "shuffle": True,
                            "questions": [
                                {
                                    "text": (
                                        "Które cechy wiadomości powinny wzbudzić podejrzenie "
                                        "phishingu?"
                                    ),
                                    "kind": "multiple",
                                    "options": [
                                        {
                                            "text": (
                                                "Presja czasu, np. „konto zostanie zablokowane w "
                                                "ciągu 24 godzin”."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – pośpiech ma wyłączyć Twoją czujność."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Adres nadawcy w domenie niepasującej do nazwy "
                                                "instytucji."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – wyświetlaną nazwę łatwo podrobić, pełny "
                                                "adres trudniej."
                                            ),
                                        },
                                        {
                                            "text": "Prośba o podanie hasła lub kodu z SMS-a.",
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – żadna instytucja nie prosi o to w "
                                                "wiadomości."
                                            ),
                                        },
                                        {
                                            "text": "Wiadomość napisana poprawną polszczyzną.",
                                            "correct": False,
                                            "feedback": (
                                                "Poprawny język nie jest ani sygnałem "
                                                "ostrzegawczym, ani dowodem autentyczności."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": "Które hasło jest najlepsze?",
                                    "kind": "single",
                                    "options": [
                                        {
                                            "text": (
                                                "Długa fraza z kilku niepowiązanych słów, używana "
                                                "tylko w jednej usłudze."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Tak – długość i niepowtarzalność chronią "
                                                "najlepiej."
                                            ),
                                        },
                                        {
                                            "text": "Bolesławiec2024!",
                                            "correct": False,
                                            "feedback": (
                                                "Nazwa miejscowości i rok to schemat, który "
                                                "atakujący sprawdzają w pierwszej kolejności."
                                            ),
                                        },
                                        {
                                            "text": "P@5w!",
                                            "correct": False,
                                            "feedback": (
                                                "Znaki specjalne nie rekompensują zbyt małej "
                                                "długości hasła."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "To samo silne hasło do poczty, EZD i bankowości."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Jeden wyciek otworzyłby wtedy wszystkie konta "
                                                "naraz."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Prośbę o zatwierdzenie logowania, którego nie "
                                        "rozpocząłeś, należy odrzucić i zgłosić informatykowi."
                                    ),
                                    "kind": "true_false",
                                    "options": [
                                        {
                                            "text": "Prawda",
                                            "correct": True,
                                            "feedback": (
                                                "Tak – to znak, że ktoś zna Twoje hasło; trzeba je "
                                                "też zmienić."
                                            ),
                                        },
                                        {
                                            "text": "Fałsz",
                                            "correct": False,
                                            "feedback": (
                                                "To nieprawda – zatwierdzenie takiej prośby "
                                                "wpuściłoby atakującego na Twoje konto."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": "Co oznacza reguła kopii zapasowych 3-2-1?",
                                    "kind": "single",
                                    "options": [
                                        {
                                            "text": (
                                                "3 kopie danych, na 2 różnych nośnikach, w tym 1 "
                                                "poza siedzibą."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Tak – dzięki temu jedna awaria lub atak nie "
                                                "niszczy wszystkich kopii."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Kopia co 3 dni, przechowywana przez 2 tygodnie, "
                                                "test raz w miesiącu."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "To pomylenie harmonogramu z regułą, która dotyczy "
                                                "liczby i miejsc kopii."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "3 dyski w jednym komputerze, 2 hasła i 1 "
                                                "administrator."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Wszystkie dyski w jednym komputerze zginą razem z "
                                                "nim."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Dzwoni „serwisant” i prosi o Twoje hasło, żeby szybko "
                                        "naprawić pocztę. Co robisz?"
                                    ),
                                    "kind": "single",
                                    "options": [
                                        {
                                            "text": (
                                                "Odmawiam i oddzwaniam do informatyka jednostki na "
                                                "znany mi numer."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Tak – weryfikacja niezależnym kanałem to "
                                                "najlepsza obrona przed socjotechniką."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Podaję hasło, bo rozmówca zna moje imię i nazwę "
                                                "wydziału."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Takie informacje łatwo znaleźć na stronie urzędu "
                                                "– nie potwierdzają tożsamości."
                                            ),
                                        },
                                        {
                                            "text": "Podaję tylko połowę hasła.",
                                            "correct": False,
                                            "feedback": (
                                                "Połowa hasła ułatwia jego odgadnięcie; hasła nie "
                                                "podaje się nikomu."
                                            ),
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "serwer-ups-i-przelacznik-sieciowy",
        "title": "Serwer, UPS i przełącznik sieciowy – podstawy dla informatyków",
        "summary": (
            "Kurs dla informatyków starostwa i szkół, którzy utrzymują serwer, przełącznik "
            "sieciowy i UPS kupione w projekcie „Cyfrowy Powiat”. Porządkuje podstawy: zasilanie "
            "awaryjne i bezpieczne zamykanie serwera, segmentację sieci i zabezpieczenie "
            "przełącznika, konta, aktualizacje i kopie zapasowe serwera."
        ),
        "audiences": ["it_staff"],
        "topic": "Infrastruktura IT",
        "level": "intermediate",
        "hours": 6,
        "self_enrolment": False,
        "outcomes_knowledge": [
            "Zna rodzaje zasilaczy UPS i rozumie różnicę między mocą pozorną (VA) a czynną (W).",
            "Rozumie cel segmentacji sieci za pomocą VLAN-ów.",
            "Zna zasady zarządzania kontami uprzywilejowanymi i aktualizacjami serwera.",
            "Rozumie, dlaczego kopia zapasowa wymaga regularnych testów odtwarzania.",
        ],
        "outcomes_skills": [
            (
                "Potrafi skonfigurować bezpieczne, automatyczne zamykanie serwera przy zaniku "
                "zasilania."
            ),
            "Potrafi utwardzić konfigurację przełącznika zarządzalnego.",
            (
                "Potrafi zaplanować kopie zapasowe zgodne z regułą 3-2-1 i przeprowadzić test "
                "odtworzenia."
            ),
            "Potrafi prowadzić comiesięczny przegląd infrastruktury i dokumentować jego wyniki.",
        ],
        "outcomes_social": [
            "Dba o rzetelną dokumentację infrastruktury, tak by zastępca mógł przejąć obowiązki.",
            (
                "Jest gotów do współpracy z inspektorem ochrony danych i kierownictwem przy "
                "obsłudze incydentów."
            ),
        ],
        "modules": [],
        "lessons": [
            {
                "slug": "ups-zasilanie-awaryjne-serwera",
                "title": "UPS: zasilanie awaryjne serwera",
                "intro": (
                    "UPS nie służy do tego, by urząd pracował bez prądu, tylko do tego, by serwer "
                    "przetrwał krótkie zaniki i zamknął się bezpiecznie przy dłuższych. Zobacz, "
                    "jak to skonfigurować."
                ),
                "body": [
                    ("heading", "Rodzaje UPS i dobór mocy"),
                    (
                        "paragraph",
                        (
                            "<p>Spotkasz trzy główne typy zasilaczy awaryjnych:</p>"
                            "<ul><li><strong>Offline (standby)</strong> – przełącza się na baterię "
                            "dopiero po zaniku napięcia; najtańszy, wystarczający dla pojedynczego "
                            "komputera biurowego.</li>"
                            "<li><strong>Line-interactive</strong> – dodatkowo stabilizuje "
                            "napięcie (AVR), nie przechodząc na baterię przy każdym wahaniu; "
                            "typowy wybór dla małej serwerowni.</li>"
                            "<li><strong>Online (z podwójną konwersją)</strong> – odbiorniki są "
                            "stale zasilane z falownika, więc przełączenie na baterię nie powoduje "
                            "przerwy; najlepsza ochrona, ale wyższa cena i większe straty "
                            "energii.</li></ul>"
                            "<p>Dobierając moc, patrz na <strong>moc czynną w watach (W)</strong>, "
                            "a nie tylko na moc pozorną w woltoamperach (VA) podaną w nazwie "
                            "modelu. Zsumuj pobór serwera, przełącznika i ewentualnie routera, a "
                            "obciążenie UPS utrzymuj z zapasem – najlepiej poniżej ok. 70–80% "
                            "mocy. Czas podtrzymania musi wystarczyć na bezpieczne zamknięcie "
                            "systemu z kilkuminutową rezerwą.</p>"
                        ),
                    ),
                    (
                        "image",
                        {
                            "image": "ups_panel",
                            "alt": (
                                "Panel UPS w serwerowni starostwa: zasilanie z sieci, obciążenie "
                                "42%, bateria 100%, czas podtrzymania 18 minut, zamknięcie serwera "
                                "przy 5 minutach."
                            ),
                            "caption": (
                                "Najważniejsze parametry: obciążenie, stan baterii i próg "
                                "zamknięcia serwera."
                            ),
                        },
                    ),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p>Połącz UPS z serwerem kablem USB lub przez kartę sieciową "
                                    "zasilacza (SNMP), jeśli UPS ma chronić więcej niż jedno "
                                    "urządzenie.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Zainstaluj na serwerze oprogramowanie do zarządzania "
                                    "zasilaczem (od producenta UPS lub obsługę UPS wbudowaną w "
                                    "system operacyjny) i sprawdź, że widzi stan baterii.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Ustaw próg bezpiecznego zamknięcia, np. przy 5 minutach "
                                    "pozostałego czasu pracy na baterii, oraz powiadomienia e-mail "
                                    "o przejściu na baterię.</p>"
                                ),
                                "screenshot": "ups_panel",
                                "alt": (
                                    "Panel UPS z ustawionym zamknięciem serwera przy 5 minutach "
                                    "baterii."
                                ),
                            },
                            {
                                "text": (
                                    "<p>Poza godzinami pracy przeprowadź test: odłącz UPS od sieci "
                                    "i sprawdź, czy serwer zamknie się poprawnie oraz czy po "
                                    "powrocie zasilania uruchomi się zgodnie z ustawieniami "
                                    "BIOS/UEFI.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Zapisz w dokumentacji datę instalacji baterii i wynik "
                                    "testu. Baterie wymienia się zwykle co 3–5 lat, wcześniej w "
                                    "ciepłym pomieszczeniu.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "<p>Nie podłączaj do UPS serwerowni drukarek laserowych, "
                                "grzejników ani czajników. Ich chwilowy pobór mocy może przeciążyć "
                                "zasilacz i wyłączyć serwer dokładnie wtedy, gdy UPS miał go "
                                "chronić.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "przelacznik-sieciowy-vlan-i-porty",
                "title": "Przełącznik sieciowy: VLAN-y i porty",
                "intro": (
                    "Przełącznik zarządzalny pozwala rozdzielić sieć urzędu na bezpieczne "
                    "segmenty. Z domyślną konfiguracją jest jednak łatwym celem – zobacz, jak go "
                    "utwardzić."
                ),
                "body": [
                    ("heading", "Po co dzielić sieć"),
                    (
                        "paragraph",
                        (
                            "<p>W płaskiej sieci każde urządzenie „widzi” każde inne: laptop "
                            "gościa podłączony do gniazdka w sali konferencyjnej może próbować "
                            "połączyć się z serwerem, a zainfekowany komputer w jednym wydziale "
                            "skanuje wszystkie pozostałe. <strong>VLAN-y</strong> dzielą jeden "
                            "fizyczny przełącznik na kilka logicznych sieci, między którymi ruch "
                            "przechodzi tylko przez zaporę lub router z regułami.</p>"
                            "<p>Przykładowy podział w starostwie:</p>"
                            "<ul><li>VLAN 10 – stanowiska pracowników urzędu,</li>"
                            "<li>VLAN 20 – serwery,</li>"
                            "<li>VLAN 30 – goście i urządzenia prywatne (tylko dostęp do "
                            "internetu),</li>"
                            "<li>VLAN 99 – zarządzanie urządzeniami sieciowymi (dostęp tylko dla "
                            "informatyków).</li></ul>"
                            "<p>W szkołach dodatkowo warto oddzielić pracownie uczniowskie od "
                            "komputerów sekretariatu i dyrekcji.</p>"
                        ),
                    ),
                    (
                        "image",
                        {
                            "image": "switch_ports",
                            "alt": (
                                "Stan portów przełącznika: porty 1–16 w VLAN 10, porty 17–20 w "
                                "VLAN 30, porty 21–23 wyłączone, port 24 jako trunk do serwera, "
                                "zarządzanie w VLAN 99."
                            ),
                            "caption": (
                                "Nieużywane porty są wyłączone, a zarządzanie odbywa się w osobnym "
                                "VLAN-ie."
                            ),
                        },
                    ),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p>Zmień domyślne konto i hasło administratora przełącznika. "
                                    "Hasło zapisz w menedżerze haseł działu IT.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Zaktualizuj oprogramowanie układowe (firmware) do wersji "
                                    "zalecanej przez producenta, po wcześniejszym zapisaniu kopii "
                                    "konfiguracji.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Wyłącz protokoły Telnet i HTTP; zarządzaj przełącznikiem "
                                    "przez SSH lub HTTPS, wyłącznie z VLAN-u zarządzania.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Przypisz porty do VLAN-ów zgodnie z planem sieci, a "
                                    "nieużywane porty <strong>wyłącz administracyjnie</strong>.</p>"
                                ),
                                "screenshot": "switch_ports",
                                "alt": (
                                    "Widok portów przełącznika z przypisaniem do VLAN-ów i "
                                    "wyłączonymi nieużywanymi portami."
                                ),
                            },
                            {
                                "text": (
                                    "<p>Zapisz konfigurację w pamięci stałej przełącznika i "
                                    "wykonaj jej kopię poza urządzeniem. Opisz każdą zmianę w "
                                    "dokumentacji sieci.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "<p>Opisz kable i gniazda po obu stronach (np. „P-214 / port 7”) i "
                                "trzymaj aktualny plan połączeń obok dokumentacji. Przy awarii o "
                                "7:30 rano oszczędzi to więcej czasu niż jakiekolwiek narzędzie "
                                "diagnostyczne.</p>"
                            ),
                        },
                    ),
                    ("video", {"video": "server_room_basics"}),
                ],
            },
            {
                "slug": "serwer-konta-aktualizacje-i-kopie",
                "title": "Serwer: konta, aktualizacje i kopie zapasowe",
                "intro": (
                    "Serwer starostwa przechowuje dane, bez których urząd nie może pracować. "
                    "Poznasz zasady, które ograniczają ryzyko włamania i pozwalają odtworzyć dane "
                    "po awarii."
                ),
                "body": [
                    ("heading", "Konta i uprawnienia"),
                    (
                        "paragraph",
                        (
                            "<p>Zasada najmniejszych uprawnień dotyczy przede wszystkim "
                            "administratorów. Każdy informatyk ma <strong>dwa konta</strong>: "
                            "zwykłe – do poczty, przeglądarki i pracy biurowej – oraz osobne konto "
                            "administracyjne, używane tylko do zadań administracyjnych. Jeśli "
                            "zwykłe konto zostanie przejęte przez phishing, atakujący nie dostaje "
                            "od razu kontroli nad całą domeną.</p>"
                            "<ul>"
                            "<li>Nie używaj współdzielonych kont „admin” – każda czynność ma być "
                            "przypisana do konkretnej osoby.</li>"
                            "<li>Włącz MFA wszędzie, gdzie jest to możliwe, zwłaszcza dla dostępu "
                            "zdalnego i kont uprzywilejowanych.</li>"
                            "<li>Wyłączaj konta osób, które odeszły z pracy, w dniu zakończenia "
                            "zatrudnienia.</li>"
                            "<li>Raz w miesiącu przeglądaj członkostwo w grupach "
                            "administracyjnych.</li></ul>"
                        ),
                    ),
                    ("heading", "Aktualizacje i monitorowanie"),
                    (
                        "paragraph",
                        (
                            "<p>Ustal stałe <strong>okno serwisowe</strong>, np. raz w miesiącu po "
                            "godzinach pracy urzędu, i zapowiadaj je pracownikom. Przed "
                            "aktualizacją sprawdź, czy ostatnia kopia zapasowa się udała. Poprawki "
                            "krytyczne, aktywnie wykorzystywane przez atakujących, instaluj poza "
                            "kolejką. Regularnie przeglądaj dzienniki zdarzeń: błędy dysków, serie "
                            "nieudanych logowań i zatrzymane usługi to sygnały, które zwykle "
                            "poprzedzają poważną awarię lub incydent.</p>"
                        ),
                    ),
                    ("heading", "Kopie zapasowe, które naprawdę działają"),
                    (
                        "paragraph",
                        (
                            "<p>Stosuj regułę <strong>3-2-1</strong>: trzy kopie danych, na dwóch "
                            "różnych nośnikach, z czego jedna poza siedzibą. Przy dzisiejszych "
                            "atakach ransomware przynajmniej jedna kopia powinna być "
                            "<strong>odłączona od sieci lub niemodyfikowalna</strong> – atakujący "
                            "z uprawnieniami administratora celowo szukają i usuwają kopie "
                            "dostępne w sieci.</p>"
                            "<p>Kopia, której nikt nie próbował odtworzyć, to tylko nadzieja. Co "
                            "miesiąc odtwórz kilka losowych plików, a raz na kwartał – cały system "
                            "na maszynie testowej, mierząc czas odtworzenia. Dokumentuj wyniki: "
                            "wymagania Krajowych Ram Interoperacyjności zakładają m.in. "
                            "zapewnienie ciągłości działania systemów i regularny przegląd "
                            "zabezpieczeń.</p>"
                        ),
                    ),
                    (
                        "steps",
                        [
                            {
                                "text": (
                                    "<p>Spisz, co jest kopiowane: udziały sieciowe, bazy danych "
                                    "systemów dziedzinowych, konfiguracje serwera i "
                                    "przełącznika.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Ustal harmonogram i okres przechowywania, np. kopie "
                                    "dzienne przez 30 dni, miesięczne przez rok.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Zapewnij kopię poza siedzibą i kopię offline (np. dyski "
                                    "wymienne przechowywane w sejfie w innym budynku).</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                            {
                                "text": (
                                    "<p>Co miesiąc wykonaj próbne odtworzenie i zapisz wynik w "
                                    "protokole przeglądu.</p>"
                                ),
                                "screenshot": None,
                                "alt": "",
                            },
                        ],
                    ),
                    (
                        "callout",
                        {
                            "kind": "important",
                            "text": (
                                "<p>Hasła do kont administracyjnych, kluczy odzyskiwania BitLocker "
                                "i konsoli kopii zapasowych przechowuj tak, by były dostępne także "
                                "po awarii serwera – np. w zapieczętowanej kopercie w sejfie "
                                "kierownika jednostki, obok aktualnej dokumentacji.</p>"
                            ),
                        },
                    ),
                    (
                        "document",
                        {
                            "document": "infrastructure_review",
                            "title": "Pobierz protokół miesięcznego przeglądu infrastruktury (TXT)",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Sprawdź się: serwer, UPS i przełącznik",
                            "pass_mark": 70,
                            "max_attempts": 2,
                            "shuffle": True,
                            "questions": [
                                {
                                    "text": (
                                        "Który typ UPS zasila odbiorniki stale z falownika, bez "
                                        "przerwy przy przejściu na baterię?"
                                    ),
                                    "kind": "single",
                                    "options": [
                                        {
                                            "text": "Online (z podwójną konwersją)",
                                            "correct": True,
                                            "feedback": (
                                                "Tak – odbiorniki są cały czas zasilane z "
                                                "falownika."
                                            ),
                                        },
                                        {
                                            "text": "Offline (standby)",
                                            "correct": False,
                                            "feedback": (
                                                "UPS offline przełącza się na baterię dopiero po "
                                                "zaniku napięcia, z krótką przerwą."
                                            ),
                                        },
                                        {
                                            "text": "Line-interactive",
                                            "correct": False,
                                            "feedback": (
                                                "Ten typ stabilizuje napięcie, ale również "
                                                "przełącza się na baterię."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Które działania wzmacniają bezpieczeństwo przełącznika "
                                        "zarządzalnego?"
                                    ),
                                    "kind": "multiple",
                                    "options": [
                                        {
                                            "text": "Zmiana domyślnego hasła administratora.",
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – domyślne hasła są publicznie znane."
                                            ),
                                        },
                                        {
                                            "text": "Wyłączenie nieużywanych portów.",
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – nikt nie podłączy obcego urządzenia do "
                                                "wolnego gniazdka."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Zarządzanie tylko przez SSH lub HTTPS z VLAN-u "
                                                "zarządzania."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Dobrze – ruch administracyjny jest szyfrowany i "
                                                "odizolowany."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Pozostawienie konfiguracji fabrycznej, bo sieć "
                                                "działa."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Konfiguracja fabryczna jest nastawiona na wygodę, "
                                                "nie na bezpieczeństwo."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Umieszczenie wszystkich urządzeń, także gości, w "
                                                "jednym VLAN-ie."
                                            ),
                                            "correct": False,
                                            "feedback": (
                                                "Płaska sieć pozwala urządzeniom gości sięgać do "
                                                "serwerów urzędu."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Kopia zapasowa, której odtworzenia nigdy nie "
                                        "przetestowano, daje pewność odzyskania danych."
                                    ),
                                    "kind": "true_false",
                                    "options": [
                                        {
                                            "text": "Prawda",
                                            "correct": False,
                                            "feedback": (
                                                "To nieprawda – dopiero udane odtworzenie "
                                                "potwierdza, że kopia jest kompletna."
                                            ),
                                        },
                                        {
                                            "text": "Fałsz",
                                            "correct": True,
                                            "feedback": (
                                                "Słusznie – bez testu odtworzenia nie wiadomo, czy "
                                                "kopia jest użyteczna."
                                            ),
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Po co łączy się UPS z serwerem kablem USB lub przez kartę "
                                        "sieciową?"
                                    ),
                                    "kind": "single",
                                    "options": [
                                        {
                                            "text": (
                                                "Aby serwer zamknął się bezpiecznie, zanim "
                                                "wyczerpie się bateria."
                                            ),
                                            "correct": True,
                                            "feedback": (
                                                "Tak – oprogramowanie odczytuje stan UPS i w porę "
                                                "zamyka system."
                                            ),
                                        },
                                        {
                                            "text": "Aby UPS szybciej ładował baterie.",
                                            "correct": False,
                                            "feedback": (
                                                "Połączenie danych nie ma wpływu na ładowanie "
                                                "baterii."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Aby serwer mógł zasilać UPS w razie awarii sieci."
                                            ),
                                            "correct": False,
                                            "feedback": "To UPS zasila serwer, nigdy odwrotnie.",
                                        },
                                    ],
                                },
                                {
                                    "text": (
                                        "Do codziennej pracy z pocztą i przeglądarką administrator "
                                        "powinien używać konta administratora domeny."
                                    ),
                                    "kind": "true_false",
                                    "options": [
                                        {
                                            "text": "Prawda",
                                            "correct": False,
                                            "feedback": (
                                                "To nieprawda – przejęcie takiego konta przez "
                                                "phishing dałoby atakującemu kontrolę nad domeną."
                                            ),
                                        },
                                        {
                                            "text": "Fałsz",
                                            "correct": True,
                                            "feedback": (
                                                "Słusznie – do codziennej pracy służy zwykłe "
                                                "konto, a administracyjne tylko do administracji."
                                            ),
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]

# One H5P checkpoint question per course (the project's own content type,
# courses/h5p/content_type), placed in a last lesson completed by answering it.
H5P_CHECKPOINTS = {
    "bezpieczna-praca-zdalna": {
        "title": "Punkt kontrolny: bezpieczny laptop",
        "question": "Wychodzisz z pokoju na kilka minut. Co robisz ze służbowym laptopem?",
        "answers": [
            {
                "text": "Blokuję ekran klawiszami Windows + L",
                "correct": True,
                "feedback": "Dobrze: zablokowany ekran chroni dane mieszkańców.",
            },
            {
                "text": "Zostawiam go otwartego, bo zaraz wrócę",
                "correct": False,
                "feedback": "Nie: wystarczy chwila, by ktoś zobaczył lub skopiował dane.",
            },
            {
                "text": "Zamykam tylko okno poczty",
                "correct": False,
                "feedback": "To za mało: pozostałe programy i pliki są nadal dostępne.",
            },
        ],
    },
    "pakiet-biurowy-i-dokumenty-w-chmurze": {
        "title": "Punkt kontrolny: udostępnianie dokumentu",
        "question": "Jak najbezpieczniej udostępnić projekt uchwały dwóm współpracownikom?",
        "answers": [
            {
                "text": "Udostępniam plik imiennie tym dwóm osobom",
                "correct": True,
                "feedback": "Dobrze: tylko wskazane osoby mają dostęp.",
            },
            {
                "text": "Wysyłam link „każdy, kto ma link”",
                "correct": False,
                "feedback": "Nie: link może trafić do osób spoza urzędu.",
            },
        ],
    },
    "wideokonferencje-i-lekcje-zdalne": {
        "title": "Punkt kontrolny: udostępnianie ekranu",
        "question": "Co udostępniasz uczestnikom spotkania, gdy pokazujesz prezentację?",
        "answers": [
            {
                "text": "Tylko okno z prezentacją",
                "correct": True,
                "feedback": "Dobrze: nikt nie zobaczy powiadomień ani innych okien.",
            },
            {
                "text": "Cały ekran z otwartą pocztą",
                "correct": False,
                "feedback": "Nie: uczestnicy zobaczą też powiadomienia i inne dokumenty.",
            },
        ],
    },
    "cyberhigiena-w-urzedzie-i-szkole": {
        "title": "Punkt kontrolny: podejrzana wiadomość",
        "question": "Dostajesz e-mail „z banku” z prośbą o pilne zalogowanie się przez link. "
        "Co robisz?",
        "answers": [
            {
                "text": "Nie klikam i zgłaszam wiadomość informatykowi",
                "correct": True,
                "feedback": "Dobrze: to typowy phishing.",
            },
            {
                "text": "Klikam i sprawdzam, czy strona wygląda jak bankowa",
                "correct": False,
                "feedback": "Nie: fałszywe strony wyglądają jak prawdziwe.",
            },
        ],
    },
    "serwer-ups-i-przelacznik-sieciowy": {
        "title": "Punkt kontrolny: zasilanie awaryjne",
        "question": "Po co serwer jest podłączony do UPS-a przewodem USB lub siecią?",
        "answers": [
            {
                "text": "Aby przy zaniku zasilania bezpiecznie się wyłączył",
                "correct": True,
                "feedback": "Dobrze: UPS powiadamia serwer, zanim rozładuje się bateria.",
            },
            {
                "text": "Aby UPS ładował się szybciej",
                "correct": False,
                "feedback": "Nie: przewód służy do komunikacji, nie do ładowania.",
            },
        ],
    },
}
