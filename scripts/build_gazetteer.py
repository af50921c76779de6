#!/usr/bin/env python3
"""Builds claimdiff's place gazetteer from GeoNames extracts.

Input (see ../shared/data/geonames/README.md): cities15000.tsv, countries.tsv,
regions.tsv (GeoNames, CC BY 4.0). Optional: ICU 72's libicuuc (through
ctypes) for country names as people write them in German and English, and
the Debian word lists /usr/share/dict/{ngerman,american-english} to keep
ordinary words out of the matcher.

Output:
  src/lexicon/common/places.tsv         continents, countries, first-level regions
  src/lexicon/common/places_cities.tsv  cities (population threshold, capitals, region seats)
  src/lexicon/<lang>/place_ambiguous.tsv
                                        single-word names that are ordinary words in <lang>;
                                        matched only in a place context

Both gazetteer files have the columns
  id  kind  name  population  within  names
where `within` lists the containing ids innermost first (comma-separated) and
`names` the other surface forms (|-separated). Run from the repository root:

  python3 scripts/build_gazetteer.py [--geonames DIR] [--out-root src/lexicon]

Python 3 standard library only. The output is deterministic.
"""

import argparse
import ctypes
import os
import re
import sys

CONTINENTS = {
    # code: (English, German, other names)
    "AF": ("Africa", "Afrika", []),
    "AN": ("Antarctica", "Antarktis", ["Antarktika"]),
    "AS": ("Asia", "Asien", []),
    "EU": ("Europe", "Europa", []),
    "NA": ("North America", "Nordamerika", []),
    "OC": ("Oceania", "Ozeanien", []),
    "SA": ("South America", "Südamerika", ["Lateinamerika", "Latin America"]),
}

# Countries on two continents: the country lies in both; a city or region
# lies in the one given by this rule on (latitude, longitude).
TRANSCONTINENTAL = {
    "RU": ("EU", "AS", lambda lat, lon: "AS" if lon >= 60.0 else "EU"),
    "KZ": ("AS", "EU", lambda lat, lon: "EU" if lon < 51.5 else "AS"),
    "TR": ("AS", "EU", lambda lat, lon: "EU" if (lon < 29.0 and lat > 40.4) else "AS"),
    "EG": ("AF", "AS", lambda lat, lon: "AS" if (lon > 32.4 and lat < 31.3) else "AF"),
}

# Names in common use that neither GeoNames' country table nor ICU's display
# names give (facts, not translations of the data).
EXTRA_COUNTRY_NAMES = {
    "US": ["USA", "US", "U.S.", "U.S.A.", "Amerika", "America", "Vereinigte Staaten",
           "Vereinigten Staaten", "United States of America", "the United States"],
    "GB": ["Großbritannien", "Britain", "Great Britain", "UK", "U.K."],
    "KP": ["Nord-Korea", "DPRK", "Demokratische Volksrepublik Korea",
           "Democratic People's Republic of Korea"],
    "KR": ["Süd-Korea", "Republic of Korea", "Republik Korea"],
    "RU": ["Russische Föderation", "Russian Federation"],
    "CN": ["Volksrepublik China", "People's Republic of China", "Festlandchina"],
    "BY": ["Weißrussland", "Belarus", "Belarussland"],
    "CZ": ["Tschechien", "Tschechische Republik", "Czech Republic", "Czechia"],
    "NL": ["Holland", "Niederlande", "Netherlands"],
    "MM": ["Burma", "Birma"],
    "CI": ["Elfenbeinküste", "Ivory Coast"],
    "CD": ["Kongo-Kinshasa", "DR Congo", "DRC"],
    "AE": ["VAE", "UAE", "Emirate"],
    "SA": ["Saudi-Arabien", "Saudi Arabia"],
    "IR": ["Persien"],
    "VA": ["Vatikan", "Vatican"],
    "TW": ["Taiwan"],
    "PS": ["Palästina", "Palestine", "Palästinensische Gebiete"],
}

# German (and common English) names of first-level regions that GeoNames'
# region table gives in English only (region code: names).
EXTRA_REGION_NAMES = {
    "DE.01": ["Baden-Württemberg"], "DE.02": ["Bayern"], "DE.03": ["Bremen"], "DE.04": ["Hamburg"],
    "DE.05": ["Hessen"], "DE.06": ["Niedersachsen"], "DE.07": ["Nordrhein-Westfalen"],
    "DE.08": ["Rhineland-Palatinate"], "DE.09": ["Saarland"], "DE.10": ["Schleswig-Holstein"],
    "DE.11": ["Brandenburg"], "DE.12": ["Mecklenburg-Western Pomerania"], "DE.13": ["Sachsen"],
    "DE.14": ["Sachsen-Anhalt"], "DE.15": ["Thüringen"], "DE.16": ["Berlin"],
    "AT.01": ["Burgenland"], "AT.02": ["Kärnten"], "AT.03": ["Niederösterreich"],
    "AT.04": ["Oberösterreich"], "AT.06": ["Steiermark"], "AT.07": ["Tirol"], "AT.09": ["Wien"],
    "RU.59": ["Primorje", "Primorski Krai", "Primorsky Krai", "Region Primorje"],
    "US.CA": ["Kalifornien"], "US.FL": ["Florida"], "US.HI": ["Hawaii"], "US.NM": ["Neumexiko"],
    "US.PA": ["Pennsylvanien"], "US.SC": ["South Carolina", "Südcarolina"],
    "US.NC": ["North Carolina", "Nordcarolina"], "US.ND": ["Norddakota"], "US.SD": ["Süddakota"],
    "US.VA": ["Virginia"], "US.WV": ["West Virginia"], "US.GA": ["Georgia"],
}

# City names in German or English that are missing from GeoNames' alternate
# names for that city (geonameid: names).
EXTRA_CITY_NAMES = {}

CITY_MIN_POPULATION = 15000        # Every city of the extract (it starts at 15,000).
ALT_NAMES_MIN_POPULATION = 100000  # Alternate names only for cities this large...
# ...or capitals and first-level region seats.

WORD_LISTS = {
    "de": "/usr/share/dict/ngerman",
    "en": "/usr/share/dict/american-english",
}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            yield line.split("\t")


def icu_country_names():
    """{iso: {lang: name}} from ICU's display names, or {} without ICU."""
    for soname, suffix in (("libicuuc.so.72", "_72"), ("libicuuc.so", "")):
        try:
            lib = ctypes.CDLL(soname)
            fn = getattr(lib, "uloc_getDisplayCountry" + suffix)
            break
        except (OSError, AttributeError):
            continue
    else:
        print("warning: ICU not found; country names from GeoNames only", file=sys.stderr)
        return {}
    fn.restype = ctypes.c_int32

    def name(iso, lang):
        buf = (ctypes.c_uint16 * 256)()
        err = ctypes.c_int(0)
        n = fn(("_" + iso).encode(), lang.encode(), buf, 256, ctypes.byref(err))
        if err.value > 0 or n <= 0:
            return None
        text = bytes(buf)[: 2 * n].decode("utf-16-le")
        return None if text == iso else text

    return lambda iso: {lang: name(iso, lang) for lang in ("de", "en")}


def load_words(path):
    """(lowercase words, capitalised words) of a word list, or empty sets."""
    lower, upper = set(), set()
    if not os.path.exists(path):
        print(f"warning: {path} missing; no generated stoplist for it", file=sys.stderr)
        return lower, upper
    with open(path, encoding="utf-8", errors="replace") as f:
        for w in f:
            w = w.strip()
            if not w:
                continue
            (upper if w[0].isupper() else lower).add(w)
    return lower, upper


NAME_RE = re.compile(r"^[^\W\d_][\w'’.\- ]*$")


def usable_name(n):
    """Latin-script, capitalised, at least 3 characters, no digits."""
    if len(n) < 3 or not NAME_RE.match(n):
        return False
    if not n[0].isupper():
        return False
    return any(c.isalpha() for c in n)


def is_ordinary_word(name, lang, words, nouns=True):
    """True when a one-word name is also an ordinary word of `lang`
    (with `nouns`, also a capitalised German noun)."""
    if " " in name or "-" in name:
        return False
    lower, upper = words[lang]
    if name.lower() in lower:
        return True
    if nouns and lang == "de" and name in upper:
        # A capitalised German noun has inflected forms in the word list
        # (Zug/Zuges, Halle/Hallen, Name/Namen, Nord/Norden); a place name
        # has at most a genitive.
        for suffix in ("e", "en", "es", "n"):
            if name + suffix in upper:
                return True
            stem = name[: -len(suffix)]
            if name.endswith(suffix) and len(stem) >= 3 and stem in upper:
                return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonames", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "geonames"))
    ap.add_argument("--out-root", default=os.path.join(os.path.dirname(__file__), "..", "src", "lexicon"))
    args = ap.parse_args()
    gn = args.geonames
    for f in ("cities15000.tsv", "countries.tsv", "regions.tsv"):
        if not os.path.exists(os.path.join(gn, f)):
            print(f"error: {os.path.join(gn, f)} not found", file=sys.stderr)
            return 2

    icu = icu_country_names()
    words = {lang: load_words(path) for lang, path in WORD_LISTS.items()}

    # --- cities (read first: regions and continents of regions need them)
    cities = []
    for row in read_tsv(os.path.join(gn, "cities15000.tsv")):
        if len(row) < 10:
            continue
        gid, name, asciiname, alts, cc, admin1, fcode, pop, lat, lon = row[:10]
        cities.append(dict(gid=gid, name=name, ascii=asciiname, alts=alts.split(",") if alts else [],
                           cc=cc, admin1=admin1, fcode=fcode, pop=int(pop or 0),
                           lat=float(lat), lon=float(lon)))

    # --- countries
    countries = {}
    for row in read_tsv(os.path.join(gn, "countries.tsv")):
        iso, _iso3, gid, cont, name, name_de, name_en = row[:7]
        countries[iso] = dict(iso=iso, cont=cont, name=name, names=[name, name_de, name_en])

    def country_continents(iso):
        if iso in TRANSCONTINENTAL:
            return list(TRANSCONTINENTAL[iso][:2])
        return [countries[iso]["cont"]]

    def continent_at(iso, lat, lon):
        if iso in TRANSCONTINENTAL:
            return TRANSCONTINENTAL[iso][2](lat, lon)
        return countries[iso]["cont"]

    # --- regions: continent from the largest city of the region
    biggest = {}
    region_population = {}
    for c in cities:
        key = f"{c['cc']}.{c['admin1']}"
        region_population[key] = region_population.get(key, 0) + c["pop"]
        if key not in biggest or c["pop"] > biggest[key]["pop"]:
            biggest[key] = c
    regions = {}
    for row in read_tsv(os.path.join(gn, "regions.tsv")):
        code, name, name_ascii = row[:3]
        iso = code.split(".")[0]
        if iso not in countries:
            continue
        regions[code] = dict(code=code, iso=iso, name=name,
                             names=[name, name_ascii] + EXTRA_REGION_NAMES.get(code, []))

    out_rows = []  # (id, kind, name, population, within, names, priority-irrelevant)
    colliding = {"de": set(), "en": set()}

    def clean_names(names, primary, allow_short=False):
        seen, out = {primary}, []
        for n in names:
            n = (n or "").strip()
            if not n or n in seen:
                continue
            if not (usable_name(n) or (allow_short and len(n) >= 2 and n[0].isupper())):
                continue
            if "(" in n or "," in n:
                continue
            seen.add(n)
            out.append(n)
        return out

    def tag_german(names, german, neutral):
        """Prefixes "de:" to names that only German uses (matched in German text only)."""
        return [f"de:{n}" if n in german and n not in neutral else n for n in names]

    for code, (en, de, more) in sorted(CONTINENTS.items()):
        out_rows.append((f"continent:{code}", "continent", en, 0, "",
                         tag_german(clean_names([de] + more, en), {de}, {en})))

    for iso in sorted(countries):
        c = countries[iso]
        names = list(c["names"])
        german = {c["names"][1]}
        neutral = {c["names"][0], c["names"][2]}
        if icu:
            by_lang = icu(iso)
            names += [n for n in by_lang.values() if n]
            german.add(by_lang["de"])
            neutral.add(by_lang["en"])
        extra = EXTRA_COUNTRY_NAMES.get(iso, [])
        names += extra
        neutral.update(extra)
        within = ",".join(f"continent:{k}" for k in country_continents(iso))
        out_rows.append((f"country:{iso}", "country", c["name"], 0, within,
                         tag_german(clean_names(names, c["name"], allow_short=True), german, neutral)))

    for code in sorted(regions):
        r = regions[code]
        big = biggest.get(code)
        cont = continent_at(r["iso"], big["lat"], big["lon"]) if big else country_continents(r["iso"])[0]
        within = f"country:{r['iso']},continent:{cont}"
        names = clean_names(r["names"], r["name"])
        for n in [r["name"]] + names:
            for lang in ("de", "en"):
                if is_ordinary_word(n, lang, words):
                    colliding[lang].add(n)
        # Population of a region: the sum of its cities in the extract (a tie-breaker).
        out_rows.append((f"region:{code}", "region", r["name"], region_population.get(code, 0), within, names))

    city_rows = []
    for c in sorted(cities, key=lambda c: int(c["gid"])):
        if c["cc"] not in countries or c["pop"] < CITY_MIN_POPULATION and c["fcode"] != "PPLC":
            continue
        big = c["pop"] >= ALT_NAMES_MIN_POPULATION or c["fcode"] in ("PPLC", "PPLA")
        cand = [c["ascii"]] + (c["alts"] if big else []) + EXTRA_CITY_NAMES.get(c["gid"], [])
        names = [n for n in clean_names(cand, c["name"]) if not (n.isupper() and len(n) > 1)]
        if big:
            # Drop alternate names that are ordinary words of either language
            # (for towns below a million also German nouns: "Kurs" for Chur).
            nouns = c["fcode"] != "PPLC" and c["pop"] < 1000000
            names = [n for n in names if n == c["ascii"] or
                     not any(is_ordinary_word(n, l, words, nouns=nouns) for l in ("de", "en"))]
        protected = c["fcode"] == "PPLC"
        if not protected:
            for n in [c["name"]] + names:
                for lang in ("de", "en"):
                    if is_ordinary_word(n, lang, words):
                        colliding[lang].add(n)
        within = []
        region = f"{c['cc']}.{c['admin1']}"
        if region in regions:
            within.append(f"region:{region}")
        within.append(f"country:{c['cc']}")
        within.append(f"continent:{continent_at(c['cc'], c['lat'], c['lon'])}")
        kind = "capital" if c["fcode"] == "PPLC" else "city"
        city_rows.append((f"geo:{c['gid']}", kind, c["name"], c["pop"], ",".join(within), names))

    # Names of countries, continents and capitals are never stopwords.
    protected_names = set()
    for rid, kind, name, _pop, _w, names in out_rows + city_rows:
        if kind in ("continent", "country", "capital"):
            protected_names.add(name)
            protected_names.update(n[3:] if n.startswith("de:") else n for n in names)

    header = [
        "# claimdiff gazetteer, generated by scripts/build_gazetteer.py from GeoNames",
        "# (www.geonames.org, CC BY 4.0; see src/lexicon/common/PLACES_NOTICE.md). Do not edit by hand.",
        "# kind: continent, country, region (first-level), city, capital. population: 0 when unknown;",
        "# for a region, the sum of its cities of 15,000+ inhabitants.",
        "# within: containing ids, innermost first. names: other surface forms (German, English, exonyms);",
        "# a 'de:' prefix marks a name only German uses (matched in German text only).",
        "# FORMAT: id<TAB>kind<TAB>name<TAB>population<TAB>within<TAB>names",
    ]

    def write(path, rows, note):
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(header[:2] + [f"# {note}"] + header[2:]) + "\n")
            for rid, kind, name, pop, within, names in rows:
                f.write(f"{rid}\t{kind}\t{name}\t{pop}\t{within}\t{'|'.join(names)}\n")

    common = os.path.join(args.out_root, "common")
    write(os.path.join(common, "places.tsv"), out_rows, "Continents, countries and first-level regions.")
    write(os.path.join(common, "places_cities.tsv"), city_rows,
          f"Cities of {CITY_MIN_POPULATION}+ inhabitants (alternate names from {ALT_NAMES_MIN_POPULATION}+, capitals, region seats).")

    for lang in ("de", "en"):
        stop = sorted(n for n in colliding[lang] if n not in protected_names)
        path = os.path.join(args.out_root, lang, "place_ambiguous.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# Place names that are also ordinary words in this language ({WORD_LISTS[lang]}),\n")
            f.write("# generated by scripts/build_gazetteer.py. They are matched only right after a place\n")
            f.write("# preposition or before a qualifier (\"Reading, Pennsylvania\"). Do not edit by hand:\n")
            f.write("# names that must never match go to place_stopwords.tsv.\n")
            f.write("# FORMAT: surface\n")
            for n in stop:
                f.write(n + "\n")
        print(f"{path}: {len(stop)} ambiguous names", file=sys.stderr)
    print(f"{len(out_rows)} continents/countries/regions, {len(city_rows)} cities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
