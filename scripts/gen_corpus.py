#!/usr/bin/env python3
"""Generates a synthetic news corpus as JSON Lines, for benchmarks and scale tests.

Every text is assembled from templates written for this project; no real
articles. Deterministic for a given --seed.

  gen_corpus.py --records 1000                 # one document per line
  gen_corpus.py --records 100 --cluster-size 10  # cluster lines {"id", "docs": [...]}
  gen_corpus.py --megabytes 50                 # about that much text
"""

import argparse
import datetime
import json
import random
import sys

DE = {
    "people": [("Präsident", "Wladimir Putin"), ("Machthaber", "Kim Jong Un"), ("Kanzlerin", "Angela Merkel"),
               ("Außenminister", "Heiko Maas"), ("Regierungschef", "Shinzo Abe"), ("Sprecher", "Dmitri Peskow")],
    "places": ["Berlin", "Moskau", "Wladiwostok", "Peking", "Seoul", "Tokio", "Paris", "Hanoi", "Pjöngjang"],
    "sources": ["der Kreml", "russische Medien", "die Nachrichtenagentur", "Regierungskreise", "Diplomaten"],
    "events": ["Treffen", "Gipfeltreffen", "Besuch", "Gespräch", "Waffentest", "Erdbeben"],
    "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember"],
    "templates": [
        "{t1} {p1} will sich am {d}. {m} in {pl} mit {p2} treffen.",
        "Das teilte {src} am Donnerstag in {pl2} mit.",
        "Nach Angaben von {src} soll das {ev} noch in diesem Monat stattfinden.",
        "Bestätigt ist das aber nicht.",
        "Bei dem {ev} in {pl} wurden mindestens {n} Menschen verletzt, {k} kamen ums Leben.",
        "Als mögliche Termine wurden der {d}. oder {d2}. {m} genannt.",
        "{t1} {p1} sagte, man sei zu weiteren Gesprächen bereit.",
        "Es ist schon die {ord} Einladung an {p2}.",
        "Die Kosten belaufen sich auf {n},5 Millionen Euro, z. B. für die Sicherheit.",
        "„Wir erwarten ein gutes Ergebnis“, sagte Dr. {p2} am Rande des {ev}s.",
    ],
    "ordinals": ["erste", "zweite", "dritte"],
}
EN = {
    "people": [("President", "Vladimir Putin"), ("leader", "Kim Jong Un"), ("Chancellor", "Angela Merkel"),
               ("Foreign Minister", "Heiko Maas"), ("Prime Minister", "Shinzo Abe"), ("spokesman", "Dmitry Peskov")],
    "places": ["Berlin", "Moscow", "Vladivostok", "Beijing", "Seoul", "Tokyo", "Paris", "Hanoi", "Pyongyang"],
    "sources": ["the Kremlin", "state media", "the news agency", "officials", "diplomats"],
    "events": ["meeting", "summit", "visit", "talks", "weapons test", "earthquake"],
    "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"],
    "templates": [
        "{t1} {p1} will meet {p2} in {pl} on {m} {d}.",
        "{src} said on Thursday in {pl2} that preparations were under way.",
        "The {ev} could take place later this month, according to {src}.",
        "This could not be independently verified.",
        "At least {n} people were injured and {k} were killed in the {ev} near {pl}.",
        "Possible dates are {m} {d} or {d2}, U.S. officials said.",
        "{t1} {p1} said talks would continue, e.g. on sanctions.",
        "It is the {ord} invitation to {p2}.",
        "The costs amount to {n}.5 million dollars, Mr. {p2} said.",
        "\"We expect a good outcome,\" Dr. {p2} told reporters after the {ev}.",
    ],
    "ordinals": ["first", "second", "third"],
}


def sentence(rng, lang):
    t1, p1 = rng.choice(lang["people"])
    _, p2 = rng.choice(lang["people"])
    d = rng.randint(1, 27)
    return rng.choice(lang["templates"]).format(
        t1=t1, p1=p1, p2=p2, d=d, d2=d + 1, m=rng.choice(lang["months"]), pl=rng.choice(lang["places"]),
        pl2=rng.choice(lang["places"]), src=rng.choice(lang["sources"]), ev=rng.choice(lang["events"]),
        n=rng.randint(2, 900), k=rng.randint(1, 40), ord=rng.choice(lang["ordinals"]))


def document(rng, index, lang_code=None):
    code = lang_code or rng.choice(["de", "en"])
    lang = DE if code == "de" else EN
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        paragraphs.append(" ".join(sentence(rng, lang) for _ in range(rng.randint(1, 4))))
    dct = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
    return {"id": "doc-%07d" % index, "lang": code, "dct": dct.isoformat(), "source": "generated",
            "text": "\n\n".join(paragraphs)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=0, help="lines to write")
    ap.add_argument("--megabytes", type=float, default=0, help="write until this much text")
    ap.add_argument("--cluster-size", type=int, default=0, help="documents per cluster line (0 = documents)")
    ap.add_argument("--lang", choices=["de", "en"], default=None)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    written = 0
    index = 0
    line_no = 0
    while True:
        if args.records and line_no >= args.records:
            break
        if not args.records and written >= args.megabytes * 1e6:
            break
        if args.cluster_size:
            docs = []
            for _ in range(args.cluster_size):
                docs.append(document(rng, index, args.lang))
                index += 1
            rec = {"id": "cluster-%06d" % line_no, "docs": docs}
        else:
            rec = document(rng, index, args.lang)
            index += 1
        line = json.dumps(rec, ensure_ascii=False)
        out.write(line + "\n")
        written += len(line.encode("utf-8"))
        line_no += 1
        if not args.records and not args.megabytes:
            break


if __name__ == "__main__":
    main()
