"""A tiny FreeDict-like dictionary in dictd format (index + gzip), written by hand for the
tests: the suite runs the same with or without Debian's dict-freedict-* packages."""

from __future__ import annotations

import gzip
from pathlib import Path

from qa.knowledge.bilingual import _B64

# lang → [(headword, article)]; the German articles keep FreeDict's shape: header, then per
# sense a line of translations and a line of German definition.
ENTRIES = {
    "deu": [
        ("Freibad", "Freibad /x/ <n, neut>\npiscine en plein air\nBad unter freiem Himmel\n"),
        ("Bad", "Bad /x/ <n, neut>\n1. bain\nWasser zum Baden\n2. piscine\nAnlage zum Schwimmen\n"),
        ("frei", "frei /x/ <adj>\nlibre, gratuit\nnicht gebunden\n"),
        ("Bienenvolk", "Bienenvolk /x/ <n, neut>\ncolonie d'abeilles, ruche\nGemeinschaft von Bienen\n"),
        ("Biene", "Biene /x/ <n, fem>\nabeille\nInsekt\n"),
        ("Volk", "Volk /x/ <n, neut>\npeuple, nation\nGemeinschaft\n"),
        ("Verbraucherschutz", "Verbraucherschutz /x/ <n, masc>\nprotection du consommateur\nSchutz\n"),
        ("Verbraucher", "Verbraucher /x/ <n, masc>\nconsommateur\nKäufer\n"),
        ("Schutz", "Schutz /x/ <n, masc>\nprotection\nSicherung\n"),
        ("Freistaat", "Freistaat /x/ <n, masc>\nrépublique\nStaat ohne Monarchen\n"),
        ("Staat", "Staat /x/ <n, masc>\nÉtat\nGemeinwesen\n"),
        ("zeitgleich", "zeitgleich /x/ <adj>\nsimultané\ngleichzeitig\n"),
        ("Zeit", "Zeit /x/ <n, fem>\ntemps\nDauer\n"),
        ("gleich", "gleich /x/ <adj>\nmême\nidentisch\n"),
        ("Imker", "Imker /x/ <n, masc>\napiculteur\njemand, der Bienen hält\n"),
        # SA07: a title of office after « Herr », « Frau » (tests/cases/SA07.toml)
        ("Bürgermeister", "Bürgermeister /x/ <n, masc>\nmaire\nOberhaupt einer Gemeinde\n"),
        ("Ministerin", "Ministerin /x/ <n, fem>\nministre\nRegierungsmitglied\n"),
        # UT04: a capitalised German word is a noun when the dictionary has it (« les Lawinen »)
        ("Lawine", "Lawine /x/ <n, fem>\navalanche\nSchneemassen\n"),
        ("Aufsichtsrat", "Aufsichtsrat /x/ <n, masc>\nconseil de surveillance\nGremium\n"),
        ("Aufsicht", "Aufsicht /x/ <n, fem>\nsupervision, surveillance\nKontrolle\n"),
        ("Rat", "Rat /x/ <n, masc>\n1. conseil\nGremium\n2. avis\nEmpfehlung\n"),
        ("Forum", "Forum /x/ <n, neut>\nforum\nOrt der Aussprache\n"),
        # PN01's names matched part by part (tests/test_name_streets.py)
        ("schwarz", "schwarz /x/ <adj>\nnoir\ndunkel\n"),
        ("gelb", "gelb /x/ <adj>\njaune\nFarbe\n"),
        ("König", "König /x/ <n, masc>\nroi\nMonarch\n"),
        # PN01's names whose one word MT renders by two (« Caisse Maladie », tests/test_names.py)
        ("Krankenkasse", "Krankenkasse /x/ <n, fem>\ncaisse de maladie\nVersicherung\n"),
        ("Kasse", "Kasse /x/ <n, fem>\ncaisse\nZahlstelle\n"),
        ("Techniker", "Techniker /x/ <n, masc>\ntechnicien\nFachmann\n"),
        ("Weltkrieg", "Weltkrieg /x/ <n, masc>\nguerre mondiale\nKrieg\n"),
        ("Warnstreik", "Warnstreik /x/ <n, masc>\ngrève d\u2032avertissement\nkurzer Streik\n"),
        # SA09: false friends by form and true cognates
        ("Gymnasium", "Gymnasium /x/ <n, neut>\n1. lycée\nhöhere Schule\n2. collège\nSchule\n"),
        ("Kritik", "Kritik /x/ <n, fem>\ncritique\nBeurteilung\n"),
        ("Konkurrenz", "Konkurrenz /x/ <n, fem>\nconcurrence\nWettbewerb\n"),
        ("Provision", "Provision /x/ <n, fem>\ncommission\nVergütung\n"),
        ("Immobilie", "Immobilie /x/ <n, fem>\nimmeuble\nGrundstück\n"),
        ("Indien", "Indien /x/ <n, neut>\nInde\nStaat in Asien\n"),
        ("Wahlkampf", "Wahlkampf /x/ <n, masc>\ncampagne électorale\nWerben um Stimmen\n"),
        ("Windrad", "Windrad /x/ <n, neut>\néolienne\nAnlage, die Wind in Strom wandelt\n"),
        ("Gemeinde", "Gemeinde /x/ <n, fem>\n1. commune, communauté\nGemeinschaft\n2. commune\nOrtschaft\n"
                     "3. paroisse\nGruppe\n"),
        ("Anlage", "Anlage /x/ <n, fem>\n1. aptitude, don\nVeranlagung\n2. annexe\nBeilage\n3. installation\nEinrichtung\n"
                   "4. investissement\nGeldanlage\n"),
        ("Radfahrer", "Radfahrer /x/ <n, masc>\ncycliste\njemand, der Rad fährt\n"),
        ("Erzieherin", "Erzieherin /x/ <n, fem>\néducatrice\nFrau, die erzieht\n"),
        ("Imkerin", "Imkerin /x/ <n, fem>\napicultrice\nFrau, die Bienen hält\n"),
        ("allerdings", "allerdings /x/ <adv>\ntoutefois, certes\njedoch\n"),
        # MC10: a people keeps its capital in FreeDict's French, a common noun does not
        ("Anwohner", "Anwohner /x/ <n, masc>\nriverain\njemand, der in der Nähe wohnt\n"),
        ("Amerikaner", "Amerikaner /x/ <n, masc>\nAméricain\nBürger der USA\n"),
        ("grün", "grün /x/ <adj>\nvert\nFarbe\n"),
        # SA13: a multiword entry and its words; SA08: a linking element read as an ending
        ("in Kraft treten", "in Kraft treten /x/ <v>\nentrer en vigueur, prendre effet\ngültig werden\n"),
        ("Kraft", "Kraft /x/ <n, fem>\n1. force\nStärke\n2. vigueur\nGültigkeit\n"),
        ("treten", "treten /x/ <v>\n1. marcher\nmit dem Fuß\n2. entrer dans\nhineingehen\n"),
        ("Schaden", "Schaden /x/ <n, masc>\ndommage\nVerlust\n"),
        ("zufügen", "zufügen /x/ <v>\ninfliger\nantun\n"),
        ("Schaden zufügen", "Schaden zufügen /x/ <v>\ndétériorer\nschaden\n"),
        ("Krankenhaus", "Krankenhaus /x/ <n, neut>\nhôpital\nKlinik\n"),
        ("krank", "krank /x/ <adj>\nmalade\nnicht gesund\n"),
        ("Kranke", "Kranke /x/ <n, fem>\npersonne malade\njemand, der krank ist\n"),
        ("Haus", "Haus /x/ <n, neut>\nmaison\nGebäude\n"),
        ("Verfügung", "Verfügung /x/ <n, fem>\ndisposition\nAnordnung\n"),
        ("stellen", "stellen /x/ <v>\n1. poser\nhinsetzen\n2. mettre\nplatzieren\n"),
    ],
    "nld": [
        ("dierentuin", "dierentuin /x/\nzoo\n"),
        # PN01: a Dutch name bound by « & » (tests/test_names.py)
        ("consument", "consument /x/\nconsommateur\n"),
        ("markt", "markt /x/\nmarché\n"),
        # SA09: FreeDict's only sense of « renovatie » (tests/cases/SA09.toml)
        ("renovatie", "renovatie /x/\nrenouvellement\n"),
        # PN01's names in title case (tests/test_names.py)
        ("planbureau", "planbureau /x/\nbureau du plan\n"),
        ("plan", "plan /x/\nplan, projet\n"),
        ("bureau", "bureau /x/\nbureau\n"),
        ("centraal", "centraal /x/\ncentral\n"),
        ("sociaal", "sociaal /x/\nsocial\n"),
        ("cultureel", "cultureel /x/\nculturel\n"),
        ("stichting", "stichting /x/\nfondation\n"),
        ("hart", "hart /x/\ncœur\n"),
        ("dier", "dier /x/\nanimal, bête\n"),
        ("tuin", "tuin /x/\njardin\n"),
        # SA08: a compound whose modifier is a verb's stem (« zwem-bad »)
        ("zwembad", "zwembad /x/\npiscine\n"),
        ("zwemmen", "zwemmen /x/\nnager\n"),
        ("bad", "bad /x/\nbain, baignoire\n"),
        ("brutaal", "brutaal /x/\naudacieux, hardi\n"),
        ("gymnasium", "gymnasium /x/\ncollège\n"),
        ("actueel", "actueel /x/\nactuel\n"),
        ("controleren", "controleren /x/\nsurveiller, vérifier\n"),
        ("huurder", "huurder /x/\nlocataire\n"),
        ("bijeenkomst", "bijeenkomst /x/\nréunion\n"),
        ("student", "student /x/\nétudiant\n"),
        ("miljard", "miljard /x/\nmilliard\n"),
        ("procent", "procent /x/\npourcentage\n"),
        ("reiziger", "reiziger /x/\nvoyageur\n"),
        ("toch", "toch /x/\n1. d\u2032abord\n2. certes\n3. cependant\n"),
        # source_nouns: of two senses, the far more frequent French word first (tests/cases/SA07.toml)
        ("stad", "stad /x/\n1. localité\n2. ville\n"),
        ("rekening houden met", "rekening houden met /x/\nconsidérer, prêter attention à\n"),
        ("rekening", "rekening /x/\ncompte, facture\n"),
        ("houden", "houden /x/\ntenir, garder\n"),
    ],
    "eng": [
        ("evening", "evening /x/\nsoir, soirée\n"),
        ("courier", "courier /x/\ncourrier, messager\n"),
        ("medical", "medical /x/\nmédical\n"),
        ("scottish", "scottish /x/\nécossais\n"),
        ("library", "library /x/\nbibliothèque\n"),
        ("actually", "actually /x/\nen réalité\n"),
        ("sensible", "sensible /x/\nprudent, raisonnable, sage\n"),
        ("resume", "resume /x/\nrecommencer\n"),
        ("decision", "decision /x/\ndécision\n"),
        ("hospital", "hospital /x/\nhôpital\n"),
        ("ferry", "ferry /x/\nbac\n"),
        ("kitchen", "kitchen /x/\ncuisine\n"),
        ("layoff", "layoff /x/\n1. licenciement\n2. chômage technique\n"),
        ("energy", "energy /x/\nénergie\n"),
        ("throw in the towel", "throw in the towel /x/\njeter l\u2032éponge\n"),
        ("throw", "throw /x/\njeter, lancer\n"),
        ("towel", "towel /x/\nserviette\n"),
    ],
}
# French into the source language (SA09 asks them about a true cognate the other way leaves out).
BACK_ENTRIES = {
    "deu": [
        ("immobilier", "immobilier /x/ <adj>\nImmobilie, Immobilien\n"),
        ("provision", "provision /x/ <n, fem>\nProviant, Vorrat\n"),
        ("gymnase", "gymnase /x/ <n, masc>\nTurnhalle\n"),
        ("rénovation", "rénovation /x/ <n, fem>\nRenovierung\n"),
        ("contrôler", "contrôler /x/ <v>\nkontrollieren, prüfen\n"),
        ("royal", "royal /x/ <adj>\nköniglich\n"),
        ("place", "place /x/ <n, fem>\nStelle, Platz\n"),
        ("moyen", "moyen /x/ <adj>\ndurchschnittlich, Mittel, Weg\n"),
        ("mettre à disposition", "mettre à disposition /x/ <v>\nzur Verfügung stellen\n"),
    ],
    "nld": [
        ("brutal", "brutal /x/\ngewelddadig, wreed\n"),
        ("tenir compte", "tenir compte /x/\nrekening houden\n"),
        ("gymnase", "gymnase /x/\ngymnastieklokaal, sporthal\n"),
    ],
    "eng": [("librairie", "librairie /x/ <n, fem>\nbookshop, bookstore\n")],
}
# The French headwords of FreeDict's French-to-German dictionary, for the gender of a French noun.
FRENCH = {
    "fra-deu": [(w, f"{w} /x/ <{pos}>\nx\n") for w, pos in (
        ("campagne", "n, fem"), ("campagne électorale", "n, fem"), ("éolienne", "n, fem"), ("commune", "n, fem"),
        ("communauté", "n, fem"), ("paroisse", "n, fem"), ("aptitude", "n, fem"), ("installation", "n, fem"),
        ("cycliste", "n"), ("locataire", "n"), ("réunion", "n, fem"), ("cuisine", "n, fem"),
        ("apiculteur", "n, masc"), ("grève", "n, fem"), ("piscine", "n, fem"), ("bain", "n, masc"),
        ("zoo", "n, masc"), ("jardin", "n, masc"), ("protection", "n, fem"), ("consommateur", "n, masc"),
        ("colonie", "n, fem"), ("république", "n, fem"), ("temps", "n, masc"), ("licenciement", "n, masc"), ("étudiant", "n, masc"), ("milliard", "n, masc"), ("pourcentage", "n, masc"), ("voyageur", "n, masc"),
        ("localité", "n, fem"), ("ville", "n, fem"), ("libre", "adj"), ("toutefois", "adv"),
        ("hôpital", "n, masc"), ("maison", "n, fem"))],
}


def _number(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if n == 0:
            return out


def write(folder: Path) -> Path:
    """deu-fra, nld-fra and eng-fra dictionaries, and fra-deu, fra-nld and fra-eng, in folder;
    returns folder. fra-deu holds BACK_ENTRIES' German entries and FRENCH's headwords."""
    folder.mkdir(parents=True, exist_ok=True)
    pairs = [(f"{lang}-fra", entries) for lang, entries in ENTRIES.items()]
    back = {f"fra-{lang}": list(entries) for lang, entries in BACK_ENTRIES.items()}
    for name, entries in FRENCH.items():
        known = {head for head, _ in back.get(name, [])}
        back.setdefault(name, []).extend(e for e in entries if e[0] not in known)
    pairs += list(back.items())
    for name, entries in pairs:
        data, index = b"", ["00databaseshort\tA\tA"]
        for head, article in sorted(entries, key=lambda e: e[0].lower()):
            raw = article.encode("utf-8")
            index.append(f"{head.lower()}\t{_number(len(data))}\t{_number(len(raw))}")
            data += raw
        (folder / f"freedict-{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
        (folder / f"freedict-{name}.dict.dz").write_bytes(gzip.compress(data))
    return folder
