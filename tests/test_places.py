"""Places stage: toponym recognition, demonyms, metonymy, disambiguation, gazetteer loading."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsevents import gazetteer
from newsevents.evaluate import places as evaluate_places
from newsevents.places import find_places


def places_of(parse, text):
    return find_places(parse(text), "d")


def by_name(found):
    return {p.name: p for p in found}


def test_ids_follow_first_mention_and_spans_point_into_text(parse):
    text = "Troops left Kenya for Somalia on Monday. Kenya said the mission in Somalia would go on."
    found = places_of(parse, text)
    assert [p.id for p in found] == ["d:p1", "d:p2"]
    assert [p.name for p in found] == ["Kenya", "Somalia"]
    kenya = found[0]
    assert kenya.country == "KEN" and kenya.feature == "country"
    assert len(kenya.mentions) == 2
    for place in found:
        for span in place.mentions:
            assert text[span.start:span.end] == span.text


def test_demonyms_and_adjectives_are_not_places(parse):
    found = places_of(parse, "Afghan officials met Kenyan and Sudanese diplomats to discuss Iranian oil.")
    countries = {p.country for p in found}
    assert not countries & {"AFG", "KEN", "SDN", "IRN"}


def test_capital_as_speaking_subject_is_an_actor_not_a_place(parse):
    found = by_name(places_of(parse, "Moscow warned on Tuesday that new sanctions would backfire."))
    assert "Moscow" not in found
    found = by_name(places_of(parse, "The talks were held in Moscow on Tuesday."))
    assert found["Moscow"].country == "RUS"


def test_town_comma_region_picks_the_town_inside_the_region(parse):
    found = by_name(places_of(parse, "Paris, Texas, is a quiet town. Residents of Paris like it that way."))
    paris = found["Paris"]
    assert paris.country == "USA" and len(paris.mentions) == 2
    assert abs(paris.lat - 33.66) < 0.5


def test_state_abbreviation_after_comma(parse):
    found = by_name(places_of(parse, "Chiquita Henry, 19, of Alexandria, La., was arrested on Monday."))
    assert found["Alexandria"].country == "USA"
    assert abs(found["Alexandria"].lon - (-92.45)) < 0.5
    assert found["Louisiana"].feature == "region"


def test_dateline_town(parse):
    found = places_of(parse, "KABUL, Aug 16 (Reuters) - Taliban fighters entered the city on Monday.")
    assert found and found[0].name == "Kabul" and found[0].country == "AFG"
    assert found[0].mentions[0].text == "KABUL"


def test_aliases_and_special_places(parse):
    text = "The U.S. sent envoys to Kiev, the Gaza Strip and Crimea."
    found = by_name(places_of(parse, text))
    assert found["United States"].country == "USA"
    assert found["Kyiv"].country == "UKR"
    assert found["Gaza Strip"].country == "PSE"
    assert found["Crimea"].country == "UKR"


def test_article_context_picks_the_us_state(parse):
    text = "Storms hit Atlanta and Savannah on Sunday. Officials in Georgia opened shelters across the state."
    found = by_name(places_of(parse, text))
    assert found["Georgia"].country == "USA" and found["Georgia"].feature == "region"


def test_country_name_beats_small_towns_of_that_name(parse):
    found = by_name(places_of(parse, "Flooding in Texas and Oklahoma closed roads. Italy sent condolences."))
    assert found["Italy"].country == "ITA"


def test_empty_parse_has_no_places(parse):
    assert find_places(parse(" "), "d") == ()


def test_name_key_normalises_case_accents_dots_and_article():
    assert gazetteer.name_key("the U.S.") == "us"
    assert gazetteer.name_key("Côte d’Ivoire") == "cote divoire"
    assert gazetteer.name_key("Khyber-Pakhtunkhwa") == "khyber pakhtunkhwa"


def test_gazetteer_loads_once_and_only_when_used():
    code = "import newsevents.places, newsevents.gazetteer as g; print(g.is_loaded())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert gazetteer.load() is gazetteer.load()


def test_gazetteer_lookup_and_abbreviations():
    gaz = gazetteer.load()
    assert any(e.feature == "country" and e.country == "FRA" for e in gaz.lookup("france"))
    assert not gaz.lookup("ga")
    assert [e.code for e in gaz.lookup_after_comma("ga")] == ["US-GA"]


def test_offset_map_follows_stripped_and_removed_lines():
    raw = "  Title line\n\n\n\nShare this\nBody about Kabul."
    clean = "Title line\n\nBody about Kabul."
    mapping = evaluate_places.offset_map(raw, clean)
    start = clean.index("Kabul")
    assert raw[mapping[start]:mapping[start + 5]] == "Kabul"


def test_distance_km():
    assert evaluate_places.distance_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.5)


def test_score_counts_matches_and_misses(parse):
    text = "Troops reached Kabul. Later they flew to Herat."
    gold = evaluate_places.GoldArticle("a", text, (
        evaluate_places.GoldToponym(15, 20, "Kabul", 34.53, 69.17, 1138958, "AFG"),
        evaluate_places.GoldToponym(41, 46, "Herat", 34.35, 62.2, 1139715, "AFG"),
    ))
    errors: list[dict] = []
    n, metrics = evaluate_places.score([gold], None, errors)
    assert n == 1
    assert metrics["toponym_recall"] == 1.0 and metrics["acc_161km"] == 1.0
    assert metrics["country_accuracy"] == 1.0


def test_gold_readers_on_shared_data(shared):
    articles = list(evaluate_places.read_xml(shared / "gold" / "places" / "lgl.xml"))
    assert len(articles) > 500
    first = next(a for a in articles if a.toponyms)
    assert all(t.text.strip() for t in first.toponyms)
    gwn = list(evaluate_places.read_gwn(shared / "gold" / "places" / "GWN.xml"))
    assert gwn and any(t.lat is not None for a in gwn for t in a.toponyms)


def test_offset_map_aligns_lines_with_removed_characters():
    raw = "Intro line\nA \u200bmeeting in Kabul ended."
    clean = "Intro line\nA meeting in Kabul ended."
    mapping = evaluate_places.offset_map(raw, clean)
    start = clean.index("Kabul")
    assert raw[mapping[start]:mapping[start + 5]] == "Kabul"


def test_town_comma_state_overrides_a_famous_namesake(parse):
    found = by_name(places_of(parse, "Students in Athens, Georgia, marched on Friday."))
    assert found["Athens"].country == "USA"
    assert found["Georgia"].country == "USA" and found["Georgia"].feature == "region"


def test_canadian_province_abbreviation(parse):
    found = by_name(places_of(parse, "The plant in London, Ont., will close next year."))
    assert found["London"].country == "CAN"
    assert found["Ontario"].feature == "region"


def test_names_split_at_small_words_are_joined(parse):
    found = by_name(places_of(parse, "Trinidad and Tobago beat Bosnia and Herzegovina in a friendly."))
    assert found["Trinidad and Tobago"].country == "TTO"
    assert found["Bosnia and Herzegovina"].country == "BIH"


def test_gazetteer_data_files_describe_their_format():
    import gzip
    from importlib import resources

    folder = resources.files("newsevents") / "data" / "gazetteer"
    for item in folder.iterdir():
        data = item.read_bytes()
        text = (gzip.decompress(data) if item.name.endswith(".gz") else data).decode("utf-8")
        assert text.startswith("# "), item.name


def test_bare_congo_is_the_larger_congo_and_english_region_names_resolve(parse):
    found = by_name(places_of(parse, "Fighting in eastern Congo spread to North Kivu province."))
    assert found["Democratic Republic of the Congo"].country == "COD"
    regions = [p for p in found.values() if p.feature == "region"]
    assert [p.country for p in regions] == ["COD"]
    found = places_of(parse, "Floods hit Bavaria and Catalonia.")
    assert [(p.country, p.feature) for p in found] == [("DEU", "region"), ("ESP", "region")]


def test_name_followed_by_its_kind_is_the_region_not_the_town(parse):
    found = places_of(parse, "Gunmen raided a school in Nigeria's northwestern Kaduna state on Thursday.")
    kaduna = next(p for p in found if p.country == "NGA" and p.feature != "country")
    assert kaduna.feature == "region"
    assert [m.text for m in kaduna.mentions] == ["Kaduna state"]


def test_dateline_on_the_line_after_a_headline(parse):
    text = "Gangs tighten grip on capital\n\nPORT-AU-PRINCE, May 27 (Reuters) - Gangs attacked a police station."
    found = by_name(places_of(parse, text))
    assert found["Port-au-Prince"].country == "HTI"
    assert [m.text for m in found["Port-au-Prince"].mentions] == ["PORT-AU-PRINCE"]


def test_country_named_town_in_a_local_story(parse):
    text = ("Police in Palestine arrested the suspect in Anderson County. The Texas Rangers are investigating. "
            "The Palestine police chief said the Anderson County jail holds him. Officers from Tyler, Texas, helped.")
    found = by_name(places_of(parse, text))
    assert found["Palestine"].country == "USA" and found["Palestine"].feature == "city"
    county = found["Anderson County"]
    assert abs(county.lat - 31.8) < 0.5 and abs(county.lon - (-95.6)) < 0.5  # the county, not Texas' middle


def test_a_list_of_countries_or_states_is_no_town_comma_region(parse):
    found = places_of(parse, "Leaders of China, Japan and South Korea met. Storms hit Texas, California and Florida.")
    assert [(p.name, p.feature) for p in found if p.country in ("CHN", "JPN")] == [
        ("China", "country"), ("Japan", "country")]
    assert all(p.feature == "region" for p in found if p.country == "USA")


def test_hyphenated_names_are_read_whole(parse):
    found = by_name(places_of(parse, "Cholera spread in KwaZulu-Natal and Guinea-Bissau this year."))
    assert found["KwaZulu-Natal"].country == "ZAF"
    assert found["Guinea-Bissau"].country == "GNB"


def test_bare_country_name_beats_a_foreign_province_of_that_name(parse):
    found = by_name(places_of(parse, "Niger and Nigeria closed the border near Kano and Sokoto."))
    assert found["Niger"].feature == "country" and found["Niger"].country == "NER"
    state = places_of(parse, "Floods hit Niger State in Nigeria.")[0]
    assert (state.country, state.feature) == ("NGA", "region")


def test_world_city_beats_tiny_namesakes_in_a_story_set_elsewhere(parse):
    text = ("The Blue Jays open their season in Toronto against Texas. Fans from Buffalo, Rochester "
            "and Syracuse will drive to Toronto.")
    assert by_name(places_of(parse, text))["Toronto"].country == "CAN"


def test_geovirus_reader_on_shared_data(shared):
    articles = list(evaluate_places.read_geovirus(shared / "gold" / "places" / "GeoVirus.xml"))
    assert len(articles) > 200
    located = [t for a in articles for t in a.toponyms]
    assert located and all(t.lat is not None and t.end > t.start for t in located)
    assert sum(t.country is not None for t in located) > len(located) // 2


def test_a_person_named_like_a_town_is_a_place_before_a_place_noun(parse):
    text = "Officers in Port-au-Prince repelled the assault on a station in the Delmas district."
    assert by_name(places_of(parse, text))["Delmas"].country == "HTI"


def test_curated_islands_and_provinces(parse):
    found = by_name(places_of(parse, "Tourists returned to Bali while floods hit West Java and Sumatra."))
    assert found["Bali"].country == "IDN"
    assert found["West Java"].country == "IDN"
    assert [p.country for p in found.values()].count("IDN") == 3


def test_names_in_a_list_with_a_place_or_after_a_place_noun_are_places(parse):
    found = by_name(places_of(parse, "Protesters rallied in Cizre, Silopi and Nusaybin."))
    assert {"Cizre", "Silopi", "Nusaybin"} <= set(found)
    found = by_name(places_of(parse, "A ferry sank off the coast of Bodrum while sailing to the Greek island of Kos."))
    assert found["Bodrum"].country == "TUR" and found["Kos"].country == "GRC"
    found = places_of(parse, "Troops entered Jarablus and later fled Sinjar.")
    assert [p.country for p in found] == ["SYR", "IRQ"]


def test_a_town_name_ending_a_longer_name_is_no_place(parse):
    assert places_of(parse, "He shot his girlfriend in a West Side Taco Bell in July.") == ()


def test_demonyms_lend_a_weak_country_context_but_american_does_not(parse):
    assert places_of(parse, "Turkish fishermen returned to Sinop after the storm.")[0].country == "TUR"
    assert places_of(parse, "Fishermen returned to Sinop after the storm.")[0].country == "BRA"
    assert places_of(parse, "American fishermen returned to Sinop after the storm.")[0].country == "BRA"


def test_plain_spellings_of_letters_without_accents(parse):
    found = places_of(parse, "Police in Diyarbakir and Sanliurfa detained suspects.")
    assert [p.name for p in found] == ["Diyarbakır", "Şanlıurfa"]
