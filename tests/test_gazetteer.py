"""Gazetteer: the name index searched in place, lazily decoded places, aliases, bundled data."""

from __future__ import annotations

import gzip

import pytest

from newsevents import gazetteer
from newsevents.gazetteer import Gazetteer, name_key

PLACES = [
    "1\tFranceland\tcountry\tFRL\tFL\t\t1.0\t2.0\t100\t",
    "\tNorth Province\tregion\tFRL\tFL-N\tFL.01\t3.0\t4.0\t0\t",
    "2\tParis\tcity\tFRL\t\tFL.01\t5.0\t6.0\t2000\t1",
    "3\tParis Town\tcity\tFRL\t\tFL.01\t7.0\t8.0\t50\t",
    "4\tZeta\tcity\tFRL\t\tFL.01\t9.0\t10.0\t10\t",
]
NAMES = ["a la\t4", "franceland\t0", "north province\t1", "paris\t2", "paris town\t3", "zeta\t4"]


def small(aliases=()):
    return Gazetteer([line.encode() for line in PLACES], NAMES, list(aliases), set())


@pytest.mark.parametrize("key", [n.split("\t")[0] for n in NAMES])
def test_every_indexed_name_is_found(key):
    gaz = small()
    number = int(dict(n.split("\t") for n in NAMES)[key])
    assert [e.index for e in gaz.lookup(key)] == [number]


@pytest.mark.parametrize("key", ["", "a", "paris t", "paris towns", "zz", "franceland x", "north"])
def test_names_not_in_the_index_give_nothing(key):
    assert small().lookup(key) == []


def test_entries_are_parsed_on_lookup():
    paris = small().lookup("paris")[0]
    assert (paris.name, paris.feature, paris.country, paris.admin1) == ("Paris", "city", "FRL", "FL.01")
    assert (paris.lat, paris.lon, paris.population, paris.capital) == (5.0, 6.0, 2000, True)
    assert small().lookup("north province")[0].geonames_id is None


def test_places_property_decodes_every_line():
    assert small().places == PLACES


def test_aliases_add_names_and_after_comma_names():
    gaz = small([("Lutetia", "city:Paris|FL", "any"), ("N.P.", "region:FL-N", "after"), ("Nowhere", "city:Oz|FL", "any")])
    assert [e.name for e in gaz.lookup(name_key("Lutetia"))] == ["Paris"]
    assert gaz.is_alias("lutetia", 2)
    assert gaz.lookup("np") == []
    assert [e.code for e in gaz.lookup_after_comma("np")] == ["FL-N"]
    assert gaz.lookup("nowhere") == []


def test_data_lines_drop_headers_and_the_final_newline():
    data = gzip.compress(b"# header\n# more\nb\t1\na\t2\n")
    assert gazetteer._data_lines(gzip.decompress(data)) == [b"b\t1", b"a\t2"]
    assert gazetteer._names_text(b"# header\nx\t1\ny\t2") == "x\t1\ny\t2\n"


def test_bundled_index_is_sorted_and_points_at_places():
    gaz = gazetteer.load()
    lines = gaz._names.splitlines()
    assert lines == sorted(lines)
    last = max(int(n) for line in lines[:2000] for n in line.split("\t")[1].split(","))
    assert last < len(gaz.places)
    assert any(e.country == "AFG" for e in gaz.lookup("kabul"))


def test_curated_aliases_all_resolve():
    gaz = gazetteer.load()
    rows = gazetteer.read_table(gazetteer._data_dir() / gazetteer.ALIAS_FILE)
    unresolved = [r for r in rows if gaz._resolve(r[1]) is None]
    assert unresolved == []


def test_letters_decomposition_keeps_are_folded_too():
    assert gazetteer.name_key("Şanlıurfa") == gazetteer.name_key("Sanliurfa") == "sanliurfa"
    assert gazetteer.name_key("Łódź") == "lodz"
    gaz = gazetteer.load()
    assert any(e.country == "POL" for e in gaz.lookup("lodz"))


def test_news_spellings_of_towns_known_by_another_name():
    gaz = gazetteer.load()
    for name, country in (("Kobani", "SYR"), ("Palmyra", "SYR"), ("Urfa", "TUR")):
        key = gazetteer.name_key(name)
        assert any(e.country == country and gaz.is_alias(key, e.index) for e in gaz.lookup(key))
