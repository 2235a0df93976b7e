"""Events stage: lexicon and codebook data, argument extraction, modality and framing, dates and places."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from newsevents import events
from newsevents.model import Actor, DateExpr, Parse, Place, Span, Token


def actors_for(text: str, names: dict[str, list[str]]) -> tuple[Actor, ...]:
    """Hand-built actors: ``{code: [mention text, ...]}``, every occurrence of each text is a mention."""
    out = []
    for n, (code, mentions) in enumerate(names.items(), 1):
        spans = tuple(sorted(
            (Span(m.start(), m.end(), m.group()) for needle in mentions
             for m in re.finditer(rf"\b{re.escape(needle)}\b", text)),
            key=lambda s: s.start,
        ))
        out.append(Actor(f"d:a{n}", mentions[0], "country", code=code, mentions=spans))
    return tuple(out)


def run(parse, text: str, names: dict[str, list[str]], **kw):
    actors = actors_for(text, names)
    found = events.find_events(parse(text), "d", actors, kw.get("places", ()), kw.get("dates", ()),
                               kw.get("published", "2024-05-01"), kw.get("lexicon"))
    code_of = {a.id: a.code for a in actors}
    return [(code_of.get(e.source), code_of.get(e.target), e) for e in found]


# ---------------------------------------------------------------- data files


def test_codebook_has_every_cameo_code_with_values():
    lexicon = events.load_lexicon()
    assert len(lexicon.codes) == 311
    assert {c.root for c in lexicon.codes.values()} == {f"{n:02d}" for n in range(1, 21)}
    assault = lexicon.codes["190"]
    assert (assault.goldstein, assault.quad_class, assault.plover) == (-10.0, 4, "ASSAULT")
    visit = lexicon.codes["042"]
    assert (visit.quad_class, visit.plover, visit.plover_mode) == (1, "CONSULT", "visit")
    assert lexicon.codes["0231"].plover == "REQUEST"  # appeals are PLOVER requests
    assert lexicon.codes["010"].plover is None


def test_data_files_start_with_a_header():
    root = resources.files("newsevents").joinpath("data")
    for folder in ("cameo", "lexicon"):
        for f in root.joinpath(folder).iterdir():
            if f.name.endswith(".tsv"):
                assert f.read_text(encoding="utf-8").startswith("#"), f.name


def test_lexicon_covers_all_roots_with_known_codes():
    lexicon = events.load_lexicon()
    entries = [e for index in (lexicon.verbs, lexicon.frames, lexicon.nouns) for es in index.values() for e in es]
    assert len(entries) >= 1500
    assert len({e.id for e in entries}) == len(entries)
    coded = [e for e in entries if e.code != events.NO_EVENT]
    assert {e.code[:2] for e in coded} == {f"{n:02d}" for n in range(1, 21)}
    assert all(e.code in lexicon.codes for e in coded)
    assert {e.family for e in entries if e.kind == "frame"} >= {"intent", "appeal", "demand", "reject", "threaten"}


def test_frames_recode_by_longest_prefix():
    lexicon = events.load_lexicon()
    assert lexicon.recode("threaten", "190") == "1384"
    assert lexicon.recode("threaten", "195") == "138"
    assert lexicon.recode("appeal", "0841") == "0253"
    assert lexicon.recode("intent", "046") == "036"
    assert lexicon.recode("reject", "999") == "120"


def test_user_lexicon_file_is_loaded_first(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("# my entries\nmine.frobnicate\t195\tverb\tfrobnicate\tsubj=source obj=target\tX frobnicated Y.\n")
    lexicon = events.load_lexicon([str(user)])
    assert lexicon.verbs["frobnicate"][0].id == "mine.frobnicate"
    bad = tmp_path / "bad.tsv"
    bad.write_text("x.bad\t999\tverb\tfoo\tsubj=source\tFoo.\n")
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        events.load_lexicon([str(bad)])


# ---------------------------------------------------------------- arguments


def test_active_verb_source_and_target(parse):
    text = "Russian troops shelled Georgian villages on Friday."
    found = run(parse, text, {"RUSMIL": ["Russian troops"], "GEO": ["Georgian villages"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("RUSMIL", "GEO", "194")]
    event = found[0][2]
    assert event.trigger.text == "shelled" and text[event.trigger.start:event.trigger.end] == "shelled"
    assert event.sentence.text == text
    assert (event.goldstein, event.quad_class, event.plover) == (-9.5, 4, "ASSAULT") or event.quad_class == 4
    assert event.why.startswith("lex:194.shell verb") and "subj->source" in event.why
    assert event.mode == "asserted" and not event.negated


def test_passive_with_agent(parse):
    text = "The convoy of Kenya was ambushed by Somali militants."
    found = run(parse, text, {"KEN": ["convoy of Kenya"], "SOMREB": ["Somali militants"]})
    assert [(s, t) for s, t, _ in found] == [("SOMREB", "KEN")]


def test_light_verb_frame_with_preposition(parse):
    text = "Kenya held talks with Ethiopia in Nairobi."
    found = run(parse, text, {"KEN": ["Kenya"], "ETH": ["Ethiopia"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("KEN", "ETH", "046")]
    assert "lex:046.hold_talk" in found[0][2].why and "with->target" in found[0][2].why


def test_nominal_event(parse):
    text = "The invasion of Kuwait by Iraq shocked the region."
    found = run(parse, text, {"KWT": ["Kuwait"], "IRQ": ["Iraq"]})
    assert [(s, t, e.cameo_root) for s, t, e in found] == [("IRQ", "KWT", "19")]


def test_coordinated_parties_of_a_reciprocal_act(parse):
    text = "Russia and China signed a treaty."
    found = run(parse, text, {"RUS": ["Russia"], "CHN": ["China"]})
    assert sorted((s, t) for s, t, _ in found) == [("CHN", "RUS"), ("RUS", "CHN")]
    assert {e.cameo for _, _, e in found} == {"057"}


def test_coordinated_targets(parse):
    text = "Rebels attacked Chad and Niger."
    found = run(parse, text, {"REB": ["Rebels"], "TCD": ["Chad"], "NER": ["Niger"]})
    assert sorted((s, t) for s, t, _ in found) == [("REB", "NER"), ("REB", "TCD")]


def test_relative_clause_subject(parse):
    text = "Police arrested the militants who kidnapped the French engineer."
    found = run(parse, text, {"COP": ["Police"], "REB": ["militants"], "FRA": ["French engineer"]})
    triples = {(s, t, e.cameo) for s, t, e in found}
    assert ("COP", "REB", "173") in triples
    assert ("REB", "FRA", "181") in triples


def test_no_actor_no_event_and_no_statement_flood(parse):
    assert run(parse, "It rained and the river flooded the valley.", {}) == []
    text = "Officials in Chad said the weather was fine."
    assert run(parse, text, {"TCD": ["Officials in Chad"]}) == []


# ---------------------------------------------------------------- modality and frames


def test_negation(parse):
    text = "Israel did not attack Syria."
    (_, _, event), = run(parse, text, {"ISR": ["Israel"], "SYR": ["Syria"]})
    assert event.negated and event.mode == "negated"


def test_denial_negates_the_denied_act_and_is_coded_itself(parse):
    text = "Turkey denied shelling Syria."
    found = run(parse, text, {"TUR": ["Turkey"], "SYR": ["Syria"]})
    assert [(s, t, e.trigger.text, e.cameo_root, e.negated) for s, t, e in found] == [
        ("TUR", None, "denied", "12", False), ("TUR", "SYR", "shelling", "19", True)]


def test_denial_in_a_relative_clause_answers_the_claim(parse):
    text = "Chad accuses Sudan of arming the rebels, which Khartoum denies."
    found = run(parse, text, {"TCD": ["Chad"], "SDN": ["Sudan", "Khartoum"], "REB": ["rebels"]})
    denials = [(s, t) for s, t, e in found if e.trigger.text == "denies" and not e.negated]
    assert denials == [("SDN", None)]


def test_negated_future_is_a_stance_unless_it_declines_acceptance(parse):
    text = "Peru said it would not withdraw its troops. Chile will not accept the refugees."
    found = run(parse, text, {"PER": ["Peru", "it"], "CHL": ["Chile"]})
    by_trigger = {e.trigger.text: e for _, _, e in found}
    assert by_trigger["withdraw"].negated and by_trigger["withdraw"].mode == "negated"
    assert not by_trigger["accept"].negated and by_trigger["accept"].cameo_root == "12"


def test_recoded_complement_is_triggered_by_its_frame_verb(parse):
    text = "Japan pledged to send aid to Nepal."
    found = run(parse, text, {"JPN": ["Japan"], "NPL": ["Nepal"]})
    assert [(s, t, e.trigger.text, e.cameo_root) for s, t, e in found] == [("JPN", "NPL", "pledged", "03")]


def test_notification_is_a_statement_to_the_notified(parse):
    text = "Iran notified the agency that it would resume enrichment."
    found = run(parse, text, {"IRN": ["Iran", "it"], "IAEA": ["agency"]})
    assert ("IRN", "IAEA", "010") in [(s, t, e.cameo) for s, t, e in found]


def test_threat_is_coded_as_threat_not_attack(parse):
    text = "Iran threatened to attack Israel."
    found = run(parse, text, {"IRN": ["Iran"], "ISR": ["Israel"]})
    assert [(s, t, e.cameo_root, e.mode) for s, t, e in found] == [("IRN", "ISR", "13", "asserted")]
    text = "Iran threatened to pound Israel."
    found = run(parse, text, {"IRN": ["Iran"], "ISR": ["Israel"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("IRN", "ISR", "138")]
    assert "frame:130.threaten" in found[0][2].why


def test_explicit_complement_entry_beats_composition(parse):
    text = "Kenya declined to comment on the report."
    found = run(parse, text, {"KEN": ["Kenya"]})
    assert [(s, e.cameo) for s, _, e in found] == [("KEN", "011")]


def test_appeal_goes_to_the_addressee_not_the_helped(parse):
    text = "Egypt called on Jordan to release the Syrian prisoners."
    found = run(parse, text, {"EGY": ["Egypt"], "JOR": ["Jordan"], "SYR": ["Syrian prisoners"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("EGY", "JOR", "0253")]
    assert found[0][2].plover == "REQUEST"


def test_demand_that_clause(parse):
    text = "China demanded that Japan withdraw its troops."
    found = run(parse, text, {"CHN": ["China"], "JPN": ["Japan"]})
    assert [(s, t, e.cameo_root) for s, t, e in found] == [("CHN", "JPN", "10")]


def test_refusal_and_promise(parse):
    text = "Serbia refused to release the prisoners. Japan promised to send aid to Nepal."
    found = run(parse, text, {"SRB": ["Serbia"], "JPN": ["Japan"], "NPL": ["Nepal"]})
    assert [(s, e.cameo) for s, _, e in found] == [("SRB", "1243"), ("JPN", "033")]
    assert found[1][1] == "NPL"


def test_future_cooperation_is_intent_and_hypothetical_is_kept(parse):
    text = "Japan will provide aid to Nepal. India could attack Pakistan."
    found = run(parse, text, {"JPN": ["Japan"], "NPL": ["Nepal"], "IND": ["India"], "PAK": ["Pakistan"]})
    assert [(s, e.cameo_root, e.mode) for s, _, e in found] == [("JPN", "03", "asserted"),
                                                                ("IND", "19", "hypothetical")]


def test_speech_acts(parse):
    text = "France praised Germany. Chile condemned Peru. Mali thanked Niger."
    found = run(parse, text, {c: [n] for c, n in
                              [("FRA", "France"), ("DEU", "Germany"), ("CHL", "Chile"), ("PER", "Peru"),
                               ("MLI", "Mali"), ("NER", "Niger")]})
    assert [e.cameo for _, _, e in found] == ["051", "111", "051"]


def test_question_is_not_asserted(parse):
    text = "Will Russia invade Ukraine?"
    found = run(parse, text, {"RUS": ["Russia"], "UKR": ["Ukraine"]})
    assert found and all(e.mode != "asserted" for _, _, e in found)


# ---------------------------------------------------------------- dates, places, ids


def test_date_place_and_ids(parse):
    text = "Rebels attacked Gao on Monday. Mali condemned the rebels."
    p = parse(text)
    monday = text.index("Monday")
    gao = text.index("Gao")
    dates = (DateExpr(monday, monday + 6, "Monday", "2024-04-29", "day"),)
    places = (Place("d:p1", "Gao", 1, 16.3, -0.04, "MLI", "city", (Span(gao, gao + 3, "Gao"),)),)
    actors = actors_for(text, {"REB": ["Rebels", "rebels"], "MLI": ["Mali"]})
    found = events.find_events(p, "doc", actors, places, dates, "2024-05-01T10:00:00")
    assert [e.id for e in found] == ["doc:e1", "doc:e2"]
    first, second = found
    assert (first.date, first.date_precision, first.place) == ("2024-04-29", "day", "d:p1")
    assert (second.date, second.date_precision, second.place) == ("2024-05-01", "published", None)
    assert events.find_events(p, "doc", actors, places, dates, "2024-05-01") == tuple(
        e for e in events.find_events(p, "doc", actors, places, dates, "2024-05-01"))


@pytest.mark.parametrize("value, precision", [("P3D", "duration"), ("2024-04-29/2024-05-01", "range"),
                                              ("PAST_REF", "ref"), ("XXXX-WXX-1", "set"), ("PRESENT_REF", None)])
def test_event_date_skips_non_calendar_dates(parse, value, precision):
    text = "Rebels attacked Gao for three days."
    span = text.index("three days")
    dates = (DateExpr(span, span + 10, "three days", value, precision),)
    actors = actors_for(text, {"REB": ["Rebels"], "MLI": ["Gao"]})
    (event,) = events.find_events(parse(text), "doc", actors, (), dates, "2024-05-01")
    assert (event.date, event.date_precision) == ("2024-05-01", "published")


def test_inputs_are_not_mutated_and_empty_parse(parse):
    p = parse("")
    assert events.find_events(p, "d", (), (), (), None) == ()


def test_object_control_and_alleged_acts(parse):
    text = "Iran accused Israel of shelling Syria."
    found = run(parse, text, {"IRN": ["Iran"], "ISR": ["Israel"], "SYR": ["Syria"]})
    by_code = {e.cameo_root: (s, t, e.mode) for s, t, e in found}
    assert by_code["11"] == ("IRN", "ISR", "asserted")
    assert by_code["19"] == ("ISR", "SYR", "hypothetical")


def test_time_phrase_does_not_select_a_phrasal_verb(parse):
    text = "Students marched on Thursday."
    found = run(parse, text, {"CVL": ["Students"]})
    assert [e.cameo for _, _, e in found] == ["141"]


def test_pledge_to_attack_is_a_threat(parse):
    text = "The junta promised to retake Gao."
    found = run(parse, text, {"MLIMIL": ["The junta"], "MLI": ["Gao"]})
    assert [(s, e.cameo_root) for s, _, e in found] == [("MLIMIL", "13")]


def test_target_from_the_object_phrase(parse):
    text = "Chad condemned the attack by Niger."
    found = run(parse, text, {"TCD": ["Chad"], "NER": ["Niger"]})
    assert ("TCD", "NER", "111") in {(s, t, e.cameo) for s, t, e in found}
    assert "obj-phrase->target" in next(e.why for _, _, e in found if e.cameo == "111")


def test_petrarch_verbs_dictionary_is_read_as_user_lexicon(tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text(
        "<!-- a PETRARCH verbs dictionary -->\n"
        "&TIES\n+RELATIONS\n+TIES\n"
        "--- MEND  [050] ---\nMEND {MENDS MENDED}\n- * FENCES [051]  # comment\n- * &TIES [054]\n"
        "- $ * + [057]\n- + * FROM $ [064]\n- NOTED + * [115]\n"
        "--- GLORP  [xyz] ---\nGLORP\n"
    )
    lexicon = events.load_lexicon([str(verbs)])
    mend = [(e.lemma, e.parts, e.obj, e.code) for e in lexicon.verbs["mend"] if e.id.startswith("petr.")]
    assert mend == [("mend", (), (), "050"), ("mend", (), ("fences",), "051"), ("mend", (), ("relations",), "054"),
                    ("mend", (), ("ties",), "054"), ("mend", ("from",), (), "064"), ("mend", (), (), "115")]
    assert next(e for e in lexicon.verbs["mend"] if e.code == "115").before == ("noted",)
    inverted = next(e for e in lexicon.verbs["mend"] if e.code == "064")
    assert inverted.role_of("subj") == "target" and inverted.role_of("from") == "source"
    assert "mended" in lexicon.verbs and "glorp" not in lexicon.verbs


def test_petrarch_words_before_the_verb_must_precede_it(parse, tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text(
        "<!-- a PETRARCH verbs dictionary -->\n"
        "--- MEND  [050] ---\nMEND {MENDS MENDED}\n- INDICATED WOULD * [1011]\n- RECENTLY_* [057]\n"
        "--- SEVER  [1717] ---\nSEVER\n"
    )
    lexicon = events.load_lexicon([str(verbs)])
    names = {"TCD": ["Chad"], "NER": ["Niger"]}

    def codes(text):
        return {e.cameo for _, _, e in run(parse, text, names, lexicon=lexicon)}

    assert "1011" in codes("Chad indicated that it would soon mend relations with Niger.")
    assert codes("Chad recently mended relations with Niger.") == {"057"}
    assert "057" not in codes("Chad recently did mend relations with Niger.")  # "_" joins adjacent words
    # a finer code under a CAMEO root takes its parent's values; codes outside CAMEO roots stay out
    assert lexicon.codes["1717"].root == "17" and lexicon.codes["1717"].quad_class == lexicon.codes["17"].quad_class
    assert "1011" in lexicon.codes and "sever" in lexicon.verbs


def test_user_entry_overrides_bundled_reading_of_its_verb(parse, tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("<!-- a PETRARCH verbs dictionary -->\n--- PROMISE  [050] ---\nPROMISE\n")
    names = {"TCD": ["Chad"], "NER": ["Niger"]}
    text = "Chad promised aid to Niger."
    bundled = {e.cameo for _, _, e in run(parse, text, names)}
    own = {e.cameo for _, _, e in run(parse, text, names, lexicon=events.load_lexicon([str(verbs)]))}
    assert "050" not in bundled and own == {"050"}


def test_inflection_missed_by_the_lemmatizer(parse):
    text = "Angry activists have staged rallies against Abbas."
    found = run(parse, text, {"PSEOPP": ["Angry activists"], "PSEGOV": ["Abbas"]})
    assert ("PSEOPP", "PSEGOV", "141") in {(s, t, e.cameo) for s, t, e in found}


def test_reported_obligation_is_a_demand(parse):
    text = "Kenya said Somalia must ensure security along the border."
    found = run(parse, text, {"KEN": ["Kenya"], "SOM": ["Somalia"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("KEN", "SOM", "100")]
    assert "must->demand" in found[0][2].why


def test_adjectival_frame_without_coded_complement(parse):
    text = "Vietnam is committed to opening up its economy."
    found = run(parse, text, {"VNM": ["Vietnam"]})
    assert [(s, e.cameo_root) for s, _, e in found] == [("VNM", "03")]


def test_ending_an_event_recodes_it(parse):
    text = "The union called off the strike. Niger halted joint military exercises with France."
    found = run(parse, text, {"LAB": ["The union"], "NER": ["Niger"], "FRA": ["France"]})
    assert [(s, t, e.cameo, e.trigger.text) for s, t, e in found] == [
        ("LAB", None, "082", "called"), ("NER", "FRA", "160", "halted")]
    assert all("frame:" in e.why for _, _, e in found)


# ---------------------------------------------------------------- round 2: licensing, scope, sectors


def asserted(found):
    return [(s, t, e.cameo) for s, t, e in found if e.mode == "asserted" and not e.negated]


def test_event_without_any_party_is_not_coded(parse):
    text = "The fighting was reported in the north. Clashes were heard overnight."
    assert run(parse, text, {"MLI": ["Mali"]}) == []


def test_agentless_passive_keeps_its_victim(parse):
    text = "Two villagers were killed on Monday."
    assert asserted(run(parse, text, {"CVL": ["villagers"]})) == [(None, "CVL", "190")]


def test_event_noun_needs_a_doer(parse):
    text = "Mali remembers the 2012 invasion of the north."
    assert not [e for _, _, e in run(parse, text, {"MLI": ["Mali"]}) if e.trigger.text == "invasion"]


def test_coordinated_running_toll_is_not_an_event(parse):
    text = "Rights groups say at least 11 people have been killed and 1,000 detained since the vote."
    assert run(parse, text, {"CVL": ["people"]}) == []


def test_gerund_subject_misparsed_under_a_preposition_keeps_no_doer(parse):
    text = "Lamamra warned of an assault on El Fasher after shelling put the main hospital out of service."
    found = run(parse, text, {"UN": ["Lamamra"]})
    assert not [e for s, _, e in found if e.trigger.text == "shelling" and s == "UN"]


def test_list_misparsed_as_apposition_gives_every_party(parse):
    text = "Congo, the United Nations and Western governments accuse Rwanda of arming the rebels."
    found = run(parse, text, {"COD": ["Congo"], "IGO": ["United Nations"], "RWA": ["Rwanda"]})
    assert {(s, t) for s, t, e in found if e.cameo_root == "11"} == {("COD", "RWA"), ("IGO", "RWA")}


def test_present_tense_with_a_time_to_come_is_future(parse):
    text = "Chad said it would report to Niger when the council meets next week."
    found = run(parse, text, {"TCD": ["Chad"], "NER": ["Niger"], "IGO": ["the council"]})
    assert [e.mode for _, _, e in found if e.trigger.text == "meets"] in ([], ["future"])
    assert not [e for _, _, e in found if e.trigger.text == "meets" and e.mode == "asserted"]


def test_accused_of_hung_on_the_object_is_not_asserted(parse):
    text = "Iran accused the agency of bowing to pressure from Washington."
    found = run(parse, text, {"IRN": ["Iran"], "IGO": ["the agency"], "USA": ["Washington"]})
    assert not [e for _, _, e in found if e.trigger.text == "bowing" and e.mode == "asserted"]


def test_reduced_passive_relative_labels_rather_than_reports(parse):
    text = "The EU listed 200 individuals accused of helping Russia."
    found = run(parse, text, {"IGO": ["The EU"], "RUS": ["Russia"], "CVL": ["individuals"]})
    assert not [e for _, _, e in found if e.trigger.text == "accused"]
    text = "Mali welcomed the deal signed by Niger."  # a named doer keeps it an act
    found = run(parse, text, {"MLI": ["Mali"], "NER": ["Niger"]})
    assert [s for s, _, e in found if e.trigger.text == "signed"] == ["NER"]


def test_event_noun_in_describing_relative_clause_is_background(parse):
    text = "Petro thanked Cuba, whose government hosts the negotiations."
    found = run(parse, text, {"COL": ["Petro"], "CUB": ["Cuba"], "CUBGOV": ["whose government"]})
    assert not [e for _, _, e in found if e.trigger.text == "negotiations"]


def test_complement_misparsed_as_coordinated_object(parse):
    text = "Inmates have taken 130 guards and staff hostage."
    found = run(parse, text, {"CRM": ["Inmates"], "GOV": ["guards"]})
    assert ("CRM", "GOV", "181") in {(s, t, e.cameo) for s, t, e in found}


def test_everyday_phrases_shake_hands_and_call_it_a_crime(parse):
    found = run(parse, "Petro and Garcia shook hands at a ceremony.", {"COL": ["Petro"], "ELN": ["Garcia"]})
    assert ("COL", "ELN", "04") in {(s, t, e.cameo_root) for s, t, e in found}
    found = run(parse, "The NUG called the attack a war crime.", {"OPP": ["The NUG"]})
    assert [(s, e.cameo) for s, _, e in found if e.trigger.text == "called"] == [("OPP", "111")]


def test_accepting_a_deal_is_an_agreement(parse):
    found = run(parse, "Denmark accepted a compromise with its partners.", {"DNK": ["Denmark"], "IGO": ["its partners"]})
    assert ("DNK", "IGO", "030") in {(s, t, e.cameo) for s, t, e in found}


def test_noun_event_carried_by_its_doers_verb_is_as_firm_as_a_verb(parse):
    text = "Italy announced a suspension of flights to Serbia, a day after Serbian jets shot down a helicopter."
    found = run(parse, text, {"ITA": ["Italy"], "SRB": ["Serbia", "Serbian jets"]})
    by_trigger = {e.trigger.text: e for _, _, e in found}
    assert by_trigger["suspension"].confidence > by_trigger["shot"].confidence


def test_unresolved_doer_keeps_event_with_unknown_source(parse):
    text = "Unknown gunmen attacked Mali on Monday."
    assert asserted(run(parse, text, {"MLI": ["Mali"]})) == [(None, "MLI", "190")]


def test_mediators_are_not_paired_with_each_other(parse):
    text = "France and Qatar mediated between the two sides."
    found = asserted(run(parse, text, {"FRA": ["France"], "QAT": ["Qatar"]}))
    assert found and all(t is None for _, t, _ in found)
    assert {s for s, _, _ in found} == {"FRA", "QAT"}


def test_scheduled_meeting_is_future(parse):
    text = "Mali and Niger are due to meet in Bamako next month."
    found = run(parse, text, {"MLI": ["Mali"], "NER": ["Niger"]})
    assert found and all(e.mode == "future" for _, _, e in found)


def test_depicted_attack_is_not_asserted(parse):
    text = "China showed missiles hitting Taiwan in an animation."
    found = run(parse, text, {"CHN": ["China"], "TWN": ["Taiwan"]})
    assert not [e for _, _, e in found if e.cameo.startswith("19") and e.mode == "asserted"]


def test_negated_governing_verb_negates_complement(parse):
    text = "Ukraine will not let Russia occupy its territory."
    found = run(parse, text, {"UKR": ["Ukraine"], "RUS": ["Russia"]})
    assert not [e for _, _, e in found if e.cameo.startswith("19") and e.mode == "asserted" and not e.negated]


def test_warning_about_future_is_a_threat_with_its_addressee(parse):
    text = "The European Union warned that Georgia would face consequences."
    found = asserted(run(parse, text, {"EU": ["European Union"], "GEO": ["Georgia"]}))
    assert ("EU", "GEO", "130") in found


@pytest.mark.parametrize("code, expected", [("REB", "180"), ("MLIMIL", "190")])
def test_attack_code_follows_the_source_sector(parse, code, expected):
    text = "Fighters stormed the town of Gao."
    found = asserted(run(parse, text, {code: ["Fighters"], "MLI": ["Gao"]}))
    assert [c for s, _, c in found if s == code] == [expected]


def test_purpose_clause_names_the_target(parse):
    text = "Activists began a hunger strike to protest Sweden's decision."
    found = asserted(run(parse, text, {"OPP": ["Activists"], "SWE": ["Sweden"]}))
    assert any(s == "OPP" and t == "SWE" for s, t, _ in found)


def test_participle_after_reporting_verb_belongs_to_reported_clause(parse):
    text = "Israeli jets struck Gaza overnight, the ministry said, killing 22 people."
    found = run(parse, text, {"ISR": ["Israeli jets"], "PSE": ["Gaza"], "MOH": ["ministry"]})
    killing = [s for s, _, e in found if e.trigger.text == "killing"]
    assert killing == ["ISR"]


@pytest.mark.parametrize("text", ["Rwanda marked the anniversary of the Ugandan invasion.",
                                  "Rwanda recalled the 1994 Ugandan invasion.",
                                  "Rwanda has a history of Ugandan attacks."])
def test_past_or_generic_event_nouns_are_not_new_events(parse, text):
    found = run(parse, text, {"RWA": ["Rwanda"], "UGA": ["Ugandan"]})
    assert not [e for _, _, e in found if e.trigger.text in ("invasion", "attacks")]


def test_fresh_event_noun_with_its_doer_is_coded(parse):
    text = "Uganda launched an invasion of Rwanda on Monday."
    found = asserted(run(parse, text, {"RWA": ["Rwanda"], "UGA": ["Uganda"]}))
    assert any(s == "UGA" and t == "RWA" and c.startswith("19") for s, t, c in found)


def test_event_noun_in_a_headline_line_is_not_coded(parse):
    text = "Ugandan invasion of Rwanda feared\n\nRwanda's army said it was ready."
    found = run(parse, text, {"RWA": ["Rwanda", "Rwanda's army"], "UGA": ["Ugandan"]})
    assert not [e for _, _, e in found if e.trigger.text == "invasion"]


def test_plural_event_noun_is_found_beside_compound_entries(parse):
    text = "Talks between Armenia and Azerbaijan resumed in Geneva on Monday."
    found = asserted(run(parse, text, {"ARM": ["Armenia"], "AZE": ["Azerbaijan"]}))
    assert ("ARM", "AZE", "046") in found


def test_accused_party_not_the_accuser_does_the_alleged_act(parse):
    text = "Iran accused the agency of bowing to pressure from Washington."
    found = run(parse, text, {"IRN": ["Iran"], "USA": ["Washington"]})
    bowing = [e for _, _, e in found if e.trigger.text == "bowing"]
    assert all(e.source is None and e.mode != "asserted" for e in bowing)


def test_common_verb_needs_its_actor_object(parse):
    names = {"KEN": ["Kenya"], "HTI": ["Haitian delegation"]}
    assert not run(parse, "Kenya received more funding from abroad.", names)
    found = asserted(run(parse, "Kenya received the Haitian delegation.", names))
    assert any(s == "KEN" and t == "HTI" for s, t, _ in found)


def test_doerless_injuries_and_running_tolls_are_not_events(parse):
    text = "Six officers were hurt. At least 40 people have been killed since the vote. Police killed two men."
    found = run(parse, text, {"COP": ["Police"], "OFF": ["officers"], "PPL": ["people"], "MEN": ["men"]})
    assert [(s, t, e.trigger.text) for s, t, e in found] == [("COP", "MEN", "killed")]


def test_second_infinitive_shares_the_frame(parse):
    text = "Chile and Peru agreed to resume talks and to hold summits."
    found = run(parse, text, {"CHL": ["Chile"], "PER": ["Peru"]})
    assert found and all(e.trigger.text == "agreed" and e.cameo_root == "03" for _, _, e in found)


def test_headline_frames_nothing_below_it(parse):
    text = "Chile and Peru agree to resume talks\n\nLIMA - Chile and Peru agreed on Monday to restart talks."
    found = run(parse, text, {"CHL": ["Chile"], "PER": ["Peru"]})
    body = [e for _, _, e in found if e.trigger.start > text.index("LIMA")]
    assert body and all(e.trigger.text == "agreed" and e.cameo_root == "03" for e in body)


# ---------------------------------------------------------------- coordination, frames and coverage


def test_subject_split_by_the_parser_keeps_every_party(parse):
    text = "Old foes Gondor and Osgiliath have renewed diplomatic ties."
    found = run(parse, text, {"GON": ["Gondor"], "OSG": ["Osgiliath"]})
    assert sorted((s, t) for s, t, _ in found) == [("GON", "OSG"), ("OSG", "GON")]


def test_coordinated_parties_inside_the_object_phrase(parse):
    text = "Osgiliath welcomed the resumption of diplomatic ties with Mordor, Rohan and Bree."
    found = run(parse, text, {"OSG": ["Osgiliath"], "MOR": ["Mordor"], "ROH": ["Rohan"], "BRE": ["Bree"]})
    assert sorted((s, t) for s, t, _ in found) == [("OSG", "BRE"), ("OSG", "MOR"), ("OSG", "ROH")]


def test_coordinated_modifiers_are_parties_of_their_own(parse):
    text = "The foreign ministers of Congo and Rwanda agreed to a ceasefire."
    found = run(parse, text, {"COGGOV": ["foreign ministers of Congo"], "RWA": ["Rwanda"]})
    assert sorted((s, t, e.cameo) for s, t, e in found) == [("COGGOV", "RWA", "0871"), ("RWA", "COGGOV", "0871")]
    text = "Russian and Chinese officials held talks."
    found = run(parse, text, {"RUSGOV": ["Russian"], "CHNGOV": ["Chinese officials"]})
    assert {(s, t) for s, t, _ in found} == {("RUSGOV", "CHNGOV"), ("CHNGOV", "RUSGOV")}


def test_longer_noun_entry_beats_a_verb_object_entry(parse):
    found = run(parse, "Russia launched missile strikes on Kyiv.", {"RUS": ["Russia"]})
    assert [e.cameo_root for _, _, e in found] == ["19"]
    found = run(parse, "Dock workers launched a strike over pay.", {"LAB": ["Dock workers"]})
    assert [e.cameo for _, _, e in found] == ["143"]


def test_frame_partner_is_the_target_when_the_complement_names_none(parse):
    text = "Eriador agrees with France that the dispute should be resolved through arbitration."
    found = run(parse, text, {"ERI": ["Eriador"], "FRA": ["France"]})
    assert [(s, t, e.cameo_root) for s, t, e in found] == [("ERI", "FRA", "03")]


def test_petrarch_compound_subject_pattern(parse, tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("<!-- a PETRARCH verbs dictionary -->\n--- CONCUR  [081] ---\nCONCUR\n- % * [030]\n")
    lexicon = events.load_lexicon([str(verbs)])
    compound = next(e for e in lexicon.verbs["concur"] if e.code == "030")
    assert compound.needs_coordination
    text = "Arnor and Gondor concur that the border is closed."
    found = run(parse, text, {"ARN": ["Arnor"], "GON": ["Gondor"]}, lexicon=lexicon)
    assert sorted((s, t, e.cameo) for s, t, e in found) == [("ARN", "GON", "030"), ("GON", "ARN", "030")]
    found = run(parse, "Arnor concurs that the border is closed.", {"ARN": ["Arnor"]}, lexicon=lexicon)
    assert [(s, e.cameo) for s, _, e in found] == [("ARN", "081")]


@pytest.mark.parametrize(("text", "names", "code"), [
    ("The fighters handed over their weapons to the army.", {"REB": ["fighters"], "MIL": ["army"]}, "0874"),
    ("Police rounded up dozens of protesters.", {"COP": ["Police"]}, "173"),
    ("Border guards traded fire with smugglers.", {"BRD": ["Border guards"], "CRM": ["smugglers"]}, "193"),
    ("The government gave in to the unions.", {"GOV": ["government"], "LAB": ["unions"]}, "080"),
    ("The air force scrambled jets after the incursion.", {"MIL": ["air force"]}, "154"),
    ("The ministry summoned the ambassador of Chad.", {"GOV": ["ministry"], "TCD": ["ambassador of Chad"]}, "114"),
])
def test_everyday_phrasings(parse, text, names, code):
    found = run(parse, text, names)
    assert code in {e.cameo for _, _, e in found}


def test_nominal_event_takes_the_subject_of_the_verb_that_carries_it(parse):
    found = run(parse, "Egypt escalated its offensive against the rebels.", {"EGY": ["Egypt"]})
    assert [(s, e.cameo_root) for s, _, e in found] == [("EGY", "19")]
    assert "verb-subj->source" in found[0][2].why
    found = run(parse, "The envoy flew to Baghdad for talks with Iraq.", {"IRN": ["envoy"], "IRQ": ["Iraq"]})
    assert ("IRN", "IRQ", "04") in {(s, t, e.cameo_root) for s, t, e in found}
    # the subject only suffered or watched it: no source, so nothing is coded
    assert run(parse, "The villagers survived an offensive against the rebels.", {"CVL": ["villagers"]}) == []


def test_small_clause_and_misparsed_object_fill_bracketed_objects(parse):
    found = run(parse, "The court found the former president guilty of corruption.",
                {"JUD": ["The court"], "ELI": ["former president"]})
    assert ("JUD", "ELI", "116") in {(s, t, e.cameo) for s, t, e in found}
    found = run(parse, "Syria allowed UN monitors into the country.", {"SYR": ["Syria"], "IGOUNO": ["UN"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("SYR", "IGOUNO", "086")]


def test_object_phrase_target_skips_its_relative_clauses(parse):
    text = "Li warned against trade games, a reference to curbs that Seoul and Tokyo have joined."
    found = run(parse, text, {"CHN": ["Li"], "KOR": ["Seoul"], "JPN": ["Tokyo"]})
    assert found and all(t is None for _, t, _ in found)


def test_exercises_are_a_show_of_force_unless_held_together(parse):
    found = run(parse, "Russia held military exercises near the border.", {"RUS": ["Russia"]})
    assert [e.cameo for _, _, e in found] == ["150"]
    found = run(parse, "India and Japan conducted naval exercises.", {"IND": ["India"], "JPN": ["Japan"]})
    assert sorted((s, t, e.cameo) for s, t, e in found) == [("IND", "JPN", "062"), ("JPN", "IND", "062")]


def test_visit_of_a_leader(parse):
    text = "The visit of the Iranian president to Iraq began on Sunday."
    found = run(parse, text, {"IRNGOV": ["Iranian president"], "IRQ": ["Iraq"]})
    assert [(s, e.cameo) for s, _, e in found] == [("IRNGOV", "042")]


def test_target_named_inside_the_verbs_own_phrase(parse):
    text = "Soldiers from Gondor cordoned off the roads leading into Mordor on Friday."
    found = run(parse, text, {"GONMIL": ["Soldiers from Gondor"], "MOR": ["Mordor"]})
    assert ("GONMIL", "MOR") in {(s, t) for s, t, _ in found}
    assert any("complement->target" in e.why for _, _, e in found)


def test_doerless_habits_and_event_subjects_are_not_events(parse):
    text = "Activists in Minsk are often detained without charge."
    assert run(parse, text, {"BLROPP": ["Activists in Minsk"]}) == []
    assert run(parse, "An investigation determined that the leak was small.", {}) == []
    text = "Police in Minsk routinely detained opposition activists."  # a practice with a named doer is coded
    found = run(parse, text, {"BLRCOP": ["Police in Minsk"], "BLROPP": ["opposition activists"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("BLRCOP", "BLROPP", "173")]


def test_what_something_is_meant_to_do_did_not_happen(parse):
    text = "The truce is meant to halt fighting between the army and the rebels."
    found = run(parse, text, {"MIL": ["army"], "REB": ["rebels"]})
    assert found and all(e.mode == "hypothetical" for _, _, e in found)
    text = "The army halted fighting with the rebels."
    found = run(parse, text, {"MIL": ["army"], "REB": ["rebels"]})
    assert found and all(e.mode == "asserted" for _, _, e in found)


# ---------------------------------------------------------------- argument choice and event precision


def hand_parse(rows: list[tuple[str, str, str, str, str, int]]) -> Parse:
    """A Parse from (text, lemma, pos, tag, dep, head) rows, the words joined by single spaces."""
    tokens, at = [], 0
    for i, (word, lemma, pos, tag, dep, head) in enumerate(rows):
        tokens.append(Token(i, word, at, at + len(word), lemma, pos, tag, dep, head, whitespace=" "))
        at += len(word) + 1
    return Parse(" ".join(r[0] for r in rows), tuple(tokens), ((0, len(rows)),))


def test_the_attribution_after_a_report_is_not_its_target():
    # the parser sometimes hangs "..., the ministry said" under the reported verb as its clausal complement
    parse = hand_parse([("Warplanes", "warplane", "NOUN", "NNS", "nsubj", 1),
                        ("struck", "strike", "VERB", "VBD", "ROOT", 1),
                        ("targets", "target", "NOUN", "NNS", "dobj", 1), (",", ",", "PUNCT", ",", "punct", 1),
                        ("the", "the", "DET", "DT", "det", 5), ("ministry", "ministry", "NOUN", "NN", "nsubj", 6),
                        ("said", "say", "VERB", "VBD", "ccomp", 1), (".", ".", "PUNCT", ".", "punct", 1)])
    actors = actors_for(parse.text, {"ISRMIL": ["Warplanes"], "LBNGOV": ["ministry"]})
    found = events.find_events(parse, "d", actors, (), (), "2024-05-01")
    assert [(e.source, e.target, e.cameo[:2]) for e in found] == [("d:a1", None, "19")]


def test_an_event_noun_under_its_own_verb_is_one_event(parse, tmp_path):
    text = "The militia fired a barrage of rockets at a military base."
    found = run(parse, text, {"REB": ["The militia"]})
    assert [e.trigger.text for _, _, e in found] == ["fired"]
    # a verb that names no act through its object keeps the object's own event, even under the same root
    user = tmp_path / "mine.tsv"
    user.write_text("# mine\n041.welcome\t041\tverb\twelcome\tsubj=source obj=target\tA welcomed B.\n",
                    encoding="utf-8")
    text = "Arnor welcomed the visit of the Rohan king to Gondor."
    found = run(parse, text, {"ARN": ["Arnor"], "ROHGOV": ["Rohan king"], "GON": ["Gondor"]},
                lexicon=events.load_lexicon([str(user)]))
    assert {"welcomed", "visit"} <= {e.trigger.text for _, _, e in found}


def test_coordinated_parties_of_a_mutual_act_face_each_other_not_a_bystander(parse):
    text = ("President Alvaro Ruiz and commander Tomas Vidal shook hands at a ceremony attended by "
            "President Karl Benz.")
    found = run(parse, text, {"COLGOV": ["Alvaro Ruiz"], "COLREB": ["Tomas Vidal"], "DEUGOV": ["Karl Benz"]})
    assert {(s, t) for s, t, _ in found} == {("COLGOV", "COLREB"), ("COLREB", "COLGOV")}


def test_a_speech_act_coordinated_into_a_reported_clause_is_the_reporters(parse):
    text = "Vidal said the rebels would stop attacks but warned that the group would defend itself."
    found = run(parse, text, {"REBLDR": ["Vidal"], "REB": ["the rebels", "the group"]})
    warned = [s for s, _, e in found if e.trigger.text == "warned"]
    assert warned == ["REBLDR"]


def test_a_possessor_gives_way_to_the_party_it_possesses(parse):
    text = "Berlin rejected recent calls by Belarus's rulers for immediate economic aid."
    found = run(parse, text, {"DEU": ["Berlin"], "BLR": ["Belarus"], "BLRGOV": ["rulers"]})
    assert [(s, t) for s, t, e in found if e.cameo.startswith("12")] == [("DEU", "BLRGOV")]


def test_the_people_a_passive_subject_names_are_the_target(parse):
    text = "A camp for Congolese refugees was attacked by militiamen armed with machetes."
    found = run(parse, text, {"BDIMIL": ["militiamen"], "CODREF": ["Congolese refugees"]})
    assert ("BDIMIL", "CODREF") in {(s, t) for s, t, e in found if e.cameo.startswith("19")}


def test_an_event_noun_takes_its_target_from_its_of_phrase(parse):
    text = "Italy announced a suspension of air links with Serbia on Wednesday."
    found = run(parse, text, {"ITA": ["Italy"], "SRB": ["Serbia"]})
    assert [(s, t, e.trigger.text) for s, t, e in found] == [("ITA", "SRB", "suspension")]


def test_a_thing_that_killed_is_no_doer(parse):
    text = "Students marched over the collapse of a station canopy that killed 15 people last month."
    found = run(parse, text, {"CVL": ["15 people"], "EDU": ["Students"]})
    assert not [e for _, _, e in found if e.cameo.startswith("19")]
    text = "The explosion, which killed 12 people, was blamed on rebels."  # an act, with its doer unknown
    found = run(parse, text, {"CVL": ["12 people"], "REB": ["rebels"]})
    assert [(s, t) for s, t, e in found if e.cameo.startswith("19")] == [(None, "CVL")]


def test_a_participle_describing_a_party_is_not_an_event(parse):
    text = "The army said it targets only terrorists, the term it uses for the armed groups opposing it."
    found = run(parse, text, {"MIL": ["The army"], "REB": ["the armed groups"]})
    assert "opposing" not in {e.trigger.text for _, _, e in found}
    text = "The Security Council adopted a resolution demanding an end to the siege of the city."
    found = run(parse, text, {"UNSC": ["The Security Council"]})
    assert "demanding" in {e.trigger.text for _, _, e in found}  # a document speaks through its participle


def test_an_appeal_to_keep_doing_something_codes_the_appeal_only(parse):
    text = "Machado urged supporters to keep protesting peacefully."
    found = run(parse, text, {"VENOPP": ["Machado"], "CVL": ["supporters"]})
    asserted = [(s, t, e.cameo[:2], e.trigger.text) for s, t, e in found if e.mode == "asserted"]
    assert asserted == [("VENOPP", "CVL", "02", "urged")]


def test_an_episode_recalled_years_before_is_background(parse):
    text = "Arnor restored diplomatic ties with Gondor almost five years after crowds burned down its embassy."
    found = run(parse, text, {"ARN": ["Arnor"], "GON": ["Gondor"], "CVL": ["crowds"]})
    assert [(s, t) for s, t, _ in found] == [("ARN", "GON")]
    text = "Carl Moss, who lost his son when bombers detonated a device on a bus, said the design was fine."
    found = run(parse, text, {"GBRCVL": ["Carl Moss"], "REB": ["bombers"]})
    assert not [e for _, _, e in found if e.cameo.startswith("18")]
    text = "Rebels attacked the town a day after soldiers burned down a market."  # recent news stays news
    found = run(parse, text, {"REB": ["Rebels"], "MIL": ["soldiers"]})
    assert "burned" in {e.trigger.text for _, _, e in found}


def test_the_reason_for_an_arrest_is_a_charge_not_a_report(parse):
    text = "A missionary was arrested in Lebanon for collaborating with Israel."
    found = run(parse, text, {"CANREL": ["A missionary"], "ISR": ["Israel"]})
    collaborating = [e for _, _, e in found if e.trigger.text == "collaborating"]
    assert collaborating and all(e.mode == "hypothetical" for e in collaborating)


def test_a_threat_is_aimed_at_the_subject_of_its_condition(parse):
    text = "Russia threatened to stop negotiations if the United States goes ahead with the deployment."
    found = run(parse, text, {"RUS": ["Russia"], "USA": ["the United States"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("RUS", "USA", "13")]


def test_a_listed_subject_with_an_apposition_keeps_every_party(parse):
    text = "Evil Mordor, the awful Fornost, and good Gondor welcomed the agreement."
    found = run(parse, text, {"MOR": ["Mordor"], "FOR": ["Fornost"], "GON": ["Gondor"]})
    assert {s for s, _, _ in found} == {"MOR", "FOR", "GON"}


def test_petrarch_paired_codes_and_forms_with_their_own_block(parse, tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- LEAVE  [012] ---\nLEAVE\n\n--- LEFT  [032:033] ---\nLEFT\n\n"
                     "--- SAID  [023] ---\nSAID\n", encoding="utf-8")
    lexicon = events.load_lexicon([str(verbs)])
    text = "The minister of Dagolath left for Gondor on Wednesday."
    found = run(parse, text, {"DAGGOV": ["The minister of Dagolath"], "GON": ["Gondor"]}, lexicon=lexicon)
    assert {(s, t, e.cameo) for s, t, e in found} == {("DAGGOV", "GON", "032"), ("GON", "DAGGOV", "033")}
    text = "Ethiopia departed from Libya, a senior official said on Saturday."  # "said" here attributes
    found = run(parse, text, {"ETH": ["Ethiopia"], "GOV": ["official"]}, lexicon=lexicon)
    assert "023" not in {e.cameo for _, _, e in found}
    confirm = tmp_path / "confirm.txt"  # a verb that does more than attribute
    confirm.write_text("--- CONFIRM  [024] ---\nCONFIRM\n", encoding="utf-8")
    text = "Arnor confirmed that it had sent troops to Gondor."
    found = run(parse, text, {"ARN": ["Arnor"], "GON": ["Gondor"]}, lexicon=events.load_lexicon([str(confirm)]))
    assert ("ARN", "024") in {(s, e.cameo) for s, _, e in found}


def test_a_participle_labelling_a_noun_with_no_doer_is_not_an_event(parse, tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("# mine\n072.arm\t072\tverb\tarm\tsubj=source obj=target\tThe state armed the militia.\n",
                    encoding="utf-8")
    lexicon = events.load_lexicon([str(user)])
    text = "Masked gunmen armed with rifles stormed the television station."
    found = run(parse, text, {"CRM": ["Masked gunmen"]}, lexicon=lexicon)
    assert "armed" not in {e.trigger.text for _, _, e in found}
    found = run(parse, "The government armed the militia.", {"GOV": ["The government"], "REB": ["the militia"]},
                lexicon=lexicon)
    assert [(s, t, e.cameo) for s, t, e in found] == [("GOV", "REB", "072")]
    found = run(parse, "Soldiers killed in the ambush were buried on Sunday.", {"MIL": ["Soldiers"]})
    assert [(s, t) for s, t, e in found if e.cameo.startswith("19")] == [(None, "MIL")]  # violence is an act


def test_a_definite_event_noun_as_subject_adds_to_a_known_act(parse):
    text = "Rebels attacked an army post on Thursday. The attack killed three soldiers near the border."
    found = run(parse, text, {"REB": ["Rebels"], "MIL": ["three soldiers"]})
    assert [e.trigger.text for _, _, e in found if e.mode == "asserted"] == ["attacked"]
    text = "The attack killed three soldiers near the border."  # nothing reported before to refer to
    found = run(parse, text, {"MIL": ["three soldiers"]})
    assert [(s, t) for s, t, e in found if e.mode == "asserted"] == [(None, "MIL")]
    text = "A roadside bomb killed two soldiers near the town."  # a new act with an unknown doer
    found = run(parse, text, {"MIL": ["two soldiers"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [(None, "MIL", "19")]


def test_a_subject_the_parser_hung_inside_an_opening_phrase_is_found_again(parse):
    text = ("With the signing of a Memorandum of Understanding (MOU) on Cessation of Hostilities, the Sudanese "
            "government and SPLM/A have agreed to allow unimpeded humanitarian access to all areas.")
    found = run(parse, text, {"SDNGOV": ["Sudanese government"]})
    assert found and {s for s, _, _ in found} == {"SDNGOV"}


def test_an_apposition_hung_on_the_verb_is_not_a_second_target(parse):
    text = "Rwanda in turn accuses Kinshasa of working with the FDLR, a militia founded by Hutu extremists."
    found = run(parse, text, {"RWA": ["Rwanda"], "CODGOV": ["Kinshasa"], "RWAREB": ["FDLR"], "MIL": ["militia"]})
    assert {(s, t) for s, t, e in found if e.trigger.text == "accuses"} == {("RWA", "CODGOV")}


def test_a_question_under_discussion_names_no_target(parse):
    text = "The EU is also discussing whether to use profits from frozen Russian central bank assets."
    found = run(parse, text, {"EU": ["The EU"], "RUS": ["Russian"]})
    assert [(s, t) for s, t, _ in found] == [("EU", None)]


def test_a_reported_punishment_to_come_is_the_speakers_threat(parse):
    text = "Maduro said those behind last week's unrest would be punished."
    found = run(parse, text, {"VENGOV": ["Maduro"]})
    assert [(s, e.cameo[:2], e.mode) for s, _, e in found] == [("VENGOV", "13", "asserted")]


def test_a_party_in_the_object_comes_before_the_place_it_is_in(parse):
    text = "Israeli warplanes struck dozens of targets in southern Lebanon belonging to Hezbollah."
    found = run(parse, text, {"ISRMIL": ["Israeli warplanes"], "LBN": ["Lebanon"], "HEZ": ["Hezbollah"]})
    assert [(s, t) for s, t, _ in found] == [("ISRMIL", "HEZ")]
    text = "Israeli warplanes struck dozens of targets in southern Lebanon overnight."  # the place when alone
    found = run(parse, text, {"ISRMIL": ["Israeli warplanes"], "LBN": ["Lebanon"]})
    assert [(s, t) for s, t, _ in found] == [("ISRMIL", "LBN")]


def test_a_result_clause_belongs_to_the_report_on_its_own_line_not_the_headline(parse):
    text = ("Israeli strikes hit southern Lebanon as Hezbollah fires rockets at Haifa\n\n"
            "BEIRUT (Levant Report) - Israeli warplanes struck dozens of targets in southern Lebanon overnight, "
            "Lebanon's health ministry said on Wednesday, killing at least 22 people.")
    found = run(parse, text, {"ISR": ["Israeli"], "ISRMIL": ["Israeli warplanes"], "CVL": ["22 people"]})
    assert [s for s, _, e in found if e.trigger.text == "killing"] == ["ISRMIL"]


def test_the_receiving_party_not_the_thing_given_is_the_target(parse):
    text = "Germany supplied tanks to Ukraine."
    found = run(parse, text, {"DEU": ["Germany"], "UKR": ["Ukraine"], "MIL": ["tanks"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("DEU", "UKR", "07")]


def test_a_possessive_pronoun_does_not_fill_a_needed_object(parse):
    text = "The company released its results on Monday."
    found = run(parse, text, {"BUS": ["The company", "its"]})
    assert found == []
    text = "The militia released its prisoners to the Red Cross."  # a named party still fills it
    found = run(parse, text, {"REB": ["The militia", "its"], "CVL": ["prisoners"]})
    assert [s for s, _, _ in found] == ["REB"]


def test_a_bracketed_object_is_never_taken_from_an_unnamed_preposition(parse):
    text = "Protesters blocked the city centre in protest at the new law."
    found = run(parse, text, {"OPP": ["Protesters"]})
    assert [e.why.split()[0] for _, _, e in found] == ["lex:144.block"]  # not "block [law]"
    found = run(parse, "The court blocked the new law.", {"JUD": ["The court"]})
    assert [e.why.split()[0] for _, _, e in found] == ["lex:120.block_law"]


def test_calling_for_a_party_to_act_is_an_appeal_to_it(parse):
    text = "The opposition called for the regime to hold elections."
    found = run(parse, text, {"OPP": ["The opposition"], "GOV": ["the regime"]})
    assert [(s, t, e.cameo[:2], e.trigger.text) for s, t, e in found] == [("OPP", "GOV", "02", "called")]


def test_an_appeal_made_with_a_light_verb_keeps_its_maker(parse):
    text = "The United Nations made an appeal to Israel to open the crossings."
    found = run(parse, text, {"IGO": ["The United Nations"], "ISR": ["Israel"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("IGO", "ISR", "02")]


def test_expecting_a_party_to_act_is_a_demand_on_it(parse):
    text = "Rwanda expected Congo to neutralise the militia."
    found = run(parse, text, {"RWA": ["Rwanda"], "COD": ["Congo"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("RWA", "COD", "10")]
    text = "Officials expect the port to reopen next year."  # no party asked to act
    assert run(parse, text, {"GOV": ["Officials"]}) == []


def test_strikes_on_a_place_are_attacks_and_a_strike_on_a_day_is_a_walkout(parse):
    found = run(parse, "Israel's strikes on Gaza continued.", {"ISR": ["Israel"]})
    assert [(s, e.cameo[:2]) for s, _, e in found] == [("ISR", "19")]
    found = run(parse, "The dockers' strike on Monday continued.", {"LAB": ["dockers"]})
    assert [(s, e.cameo[:2]) for s, _, e in found] == [("LAB", "14")]


def test_a_no_event_entry_silences_the_general_reading(parse):
    text = "Rebels forced their way into the capital."
    assert run(parse, text, {"REB": ["Rebels"]}) == []
    text = "Rebels forced villagers to leave."
    assert [e.cameo[:2] for _, _, e in run(parse, text, {"REB": ["Rebels"], "CVL": ["villagers"]})]


def test_sector_recoding_by_who_acts(parse):
    found = run(parse, "Azerbaijan blockaded the region.", {"AZE": ["Azerbaijan"]})
    assert [e.cameo for _, _, e in found] == ["191"]  # a country acting as a whole
    found = run(parse, "Warplanes bombed the village.", {"ISRMIL": ["Warplanes"]})
    assert [e.cameo for _, _, e in found] == ["195"]
    found = run(parse, "Pirates seized a ship.", {"SOMCRM": ["Pirates"]})
    assert [e.cameo for _, _, e in found] == ["181"]
    lexicon = events.load_lexicon()
    assert [r for s, r in lexicon.sectors["173"] if "REB" in s] == ["180"]


# ---------------------------------------------------------------- arguments in wire constructions


def test_a_verb_the_parser_hung_on_a_root_noun_keeps_that_noun_as_subject(parse):
    text = "The U.N. envoy called on both sides to return to negotiations."
    found = run(parse, text, {"IGO": ["U.N. envoy"]})
    assert [(s, e.cameo[:2], e.trigger.text) for s, _, e in found if e.cameo[:2] == "02"] == [("IGO", "02", "called")]
    text = "Three soldiers killed in roadside bombing."  # a headline's reduced passive has no doer
    assert [s for s, _, e in run(parse, text, {"MIL": ["soldiers"]})] == [None]


def test_a_noun_event_takes_its_receiver_from_the_light_verb(parse):
    found = run(parse, "Qatar made a generous donation to Gaza.", {"QAT": ["Qatar"], "PSE": ["Gaza"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("QAT", "PSE", "07")]
    assert "verb-prep->target" in found[0][2].why


def test_what_the_doer_sends_is_not_the_party_it_acts_on(parse):
    text = "China sent warships toward Taiwan on Saturday."
    found = run(parse, text, {"CHN": ["China"], "CHNMIL": ["warships"], "TWN": ["Taiwan"]})
    assert [(s, t) for s, t, _ in found] == [("CHN", "TWN")]
    text = "Israel strengthened its forces in Lebanon."  # the place inside the object still counts
    found = run(parse, text, {"ISR": ["Israel", "its"], "ISRMIL": ["forces"], "LBN": ["Lebanon"]})
    assert [(s, t) for s, t, _ in found] == [("ISR", "LBN")]


def test_an_agent_phrase_hung_on_the_object_of_an_event_noun(parse):
    text = "The arrest of the opposition leader by police sparked protests."
    found = run(parse, text, {"OPP": ["opposition leader"], "COP": ["police"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("COP", "OPP", "173")]  # the arrest causes, nobody protests


def test_the_writers_forecast_is_future_and_a_reported_one_an_intent(parse):
    text = "The delegations will meet again in Geneva in May."
    found = run(parse, text, {"GOV": ["delegations"]})
    assert [(e.mode, e.cameo[:2]) for _, _, e in found] == [("future", "04")]
    text = "Armenia said it would meet Azerbaijan in Geneva in May."
    found = run(parse, text, {"ARM": ["Armenia", "it"], "AZE": ["Azerbaijan"]})
    assert [(s, t, e.mode, e.cameo[:2]) for s, t, e in found] == [("ARM", "AZE", "asserted", "03")]


def test_a_title_and_a_name_split_by_the_parser_are_one_subject(parse):
    text = "Sudan's army chief Abdel Fattah al-Burhan rejected calls for talks with the RSF."
    found = run(parse, text, {"SDN": ["Sudan"], "SDNMIL": ["Abdel Fattah al-Burhan"], "SDNREB": ["RSF"]})
    assert {(s, e.cameo[:2]) for s, _, e in found} == {("SDNMIL", "12")}  # nor the rejected calls as an appeal


def test_a_verdict_given_to_something_is_criticism_or_praise(parse):
    text = 'Ottawa called the Chinese tariffs "unjustified".'
    found = run(parse, text, {"CAN": ["Ottawa"], "CHN": ["Chinese"]})
    assert [(s, t, e.cameo, e.trigger.text) for s, t, e in found] == [("CAN", "CHN", "111", "called")]
    text = 'The Kremlin described the summit as "a constructive step".'
    assert [(s, e.cameo) for s, _, e in run(parse, text, {"RUS": ["Kremlin"]})] == [("RUS", "051")]
    text = "The minister called the report interesting."  # no verdict the family knows
    assert run(parse, text, {"GOV": ["minister"]}) == []
    text = "The agency described the humanitarian situation as catastrophic."  # judges no one's act
    assert run(parse, text, {"IGO": ["agency"]}) == []
    text = 'He said he would not bow to what he called "blackmail".'  # scare quotes, no statement
    assert all(e.trigger.text != "called" for _, _, e in run(parse, text, {"GOV": ["He", "he"]}))


def test_an_aim_is_not_an_outcome(parse):
    text = "The army launched an operation to rescue the hostages."
    found = run(parse, text, {"MIL": ["army"], "CVL": ["hostages"]})
    assert [(e.trigger.text, e.mode) for _, _, e in found if e.trigger.text == "rescue"] == [("rescue", "hypothetical")]
    text = "Officials said local courts were able to try the case."
    assert all(e.mode != "asserted" for _, _, e in run(parse, text, {"JUD": ["courts"]}) if e.trigger.text == "try")
    text = "Riot police used water cannon to disperse the protesters."  # what the instrument did
    found = run(parse, text, {"COP": ["Riot police"], "CVL": ["protesters"]})
    assert ("disperse", "asserted") in [(e.trigger.text, e.mode) for _, _, e in found]
    text = "Farmers gathered in the square to protest against the new tax."  # protesting is done by gathering
    found = run(parse, text, {"AGR": ["Farmers"]})
    assert [e.mode for _, _, e in found if e.cameo[:2] == "14"][:1] == ["asserted"]


def test_a_word_of_a_name_reports_nothing(parse):
    text = "Armenia froze its participation in the Collective Security Treaty Organisation."
    found = run(parse, text, {"ARM": ["Armenia"], "IGO": ["Collective Security Treaty Organisation"]})
    assert all(e.trigger.text != "Treaty" for _, _, e in found)


def test_an_act_coordinated_with_a_passive_has_the_passives_subject(parse):
    text = "The government said it had not been consulted and rejected the court's ruling."
    found = run(parse, text, {"GOV": ["The government", "it"], "JUD": ["court"]})
    assert ("GOV", "12") in [(s, e.cameo[:2]) for s, _, e in found if e.trigger.text == "rejected"]


def test_who_thanks_for_an_act_does_not_perform_it(parse):
    text = "Qatar thanked both sides for their cooperation."
    found = run(parse, text, {"QAT": ["Qatar"]})
    assert [(s, e.cameo[:2]) for s, _, e in found] == [("QAT", "05")]


def test_coordinated_verbs_of_giving_share_the_receiver(parse):
    text = "Aid groups donated and delivered medicine to the hospital."
    found = run(parse, text, {"NGO": ["Aid groups"], "MED": ["hospital"]})
    assert [(t, e.trigger.text) for _, t, e in found] == [("MED", "donated"), ("MED", "delivered")]


def test_a_relative_clause_without_a_relative_word_has_its_noun_as_object(parse):
    text = "Washington lifted the sanctions it imposed on Caracas."
    found = run(parse, text, {"USA": ["Washington", "it"], "VEN": ["Caracas"]})
    assert ("USA", "VEN", "163") in [(s, t, e.cameo) for s, t, e in found]
    text = "Aid workers reached the village the militia attacked on Monday."
    found = run(parse, text, {"NGO": ["Aid workers"], "REB": ["militia"], "CVL": ["village"]})
    assert ("REB", "CVL") in [(s, t) for s, t, e in found if e.trigger.text == "attacked"]


def test_a_past_tense_verb_hung_on_an_infinitive_belongs_to_the_finite_verb(parse):
    text = "France ordered the Algerian envoys to leave the country and recalled its ambassador from Algiers."
    found = run(parse, text, {"FRA": ["France", "its"], "DZAGOV": ["Algerian envoys"], "FRAGOV": ["ambassador"]})
    recalled = [(s, e.mode) for s, _, e in found if e.trigger.text == "recalled"]
    assert recalled == [("FRA", "asserted")]


def test_a_speech_act_coordinated_with_a_reported_state_is_the_reporters(parse):
    text = "The spokesman told reporters that Washington had no right to interfere and urged Manila to stop its patrols."
    found = run(parse, text, {"CHNGOV": ["spokesman"], "USA": ["Washington"], "PHL": ["Manila"]})
    assert [(s, t) for s, t, e in found if e.trigger.text == "urged"] == [("CHNGOV", "PHL")]


def test_the_speakers_own_forces_and_state_are_not_whom_it_acts_on(parse):
    text = "Yerevan denied that its troops had fired first."
    found = run(parse, text, {"ARM": ["Yerevan", "its"], "ARMMIL": ["troops"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("ARM", None, "12")]
    text = "A ministry spokeswoman warned that Beijing would take all necessary measures."
    found = run(parse, text, {"CHNGOV": ["ministry spokeswoman", "Beijing"]})
    assert [(s, t) for s, t, e in found if e.cameo[:2] == "13"] == [("CHNGOV", None)]
    text = "Iran warned that Israel would pay a heavy price."
    found = run(parse, text, {"IRN": ["Iran"], "ISR": ["Israel"]})
    assert [(s, t) for s, t, e in found if e.cameo[:2] == "13"] == [("IRN", "ISR")]


def test_an_event_that_prompts_people_to_act_appeals_to_no_one(parse):
    text = "Azerbaijan retook the region in a swift offensive, prompting thousands of Armenians to flee."
    found = run(parse, text, {"AZE": ["Azerbaijan"], "ARMCVL": ["Armenians"]})
    assert all(e.cameo[:2] != "02" for _, _, e in found)
    text = "The UN prompted Israel to open the crossings."  # a party that prompts does appeal
    assert [e.cameo[:2] for _, _, e in run(parse, text, {"IGO": ["UN"], "ISR": ["Israel"]})] == ["02"]


def test_a_trip_home_is_no_visit(parse):
    text = "The president flew back to Bissau on Friday."
    assert run(parse, text, {"GNBGOV": ["president"], "GNB": ["Bissau"]}) == []
    text = "The president flew to Dakar on Friday."
    assert [e.cameo for _, _, e in run(parse, text, {"GNBGOV": ["president"], "SEN": ["Dakar"]})] == ["042"]


def test_speaking_to_a_meeting_is_not_holding_it(parse):
    text = "The prime minister told a cabinet meeting that the army would respond."
    found = run(parse, text, {"ARMGOV": ["prime minister"]})
    assert all(e.trigger.text != "meeting" for _, _, e in found)


def test_a_party_named_by_its_possessor_is_the_possessed_party(parse):
    text = "The parliament approved a law recognising the victories of Zoran Djindjic's opposition coalition."
    found = run(parse, text, {"SRBLEG": ["parliament"], "SRB": ["Zoran Djindjic"], "SRBOPP": ["opposition coalition"]})
    assert [(s, t) for s, t, _ in found] == [("SRBLEG", "SRBOPP")]


def test_a_place_near_which_an_act_happens_is_not_its_target(parse):
    text = "Rebels ambushed a military convoy near the Ugandan border."
    assert [(s, t) for s, t, _ in run(parse, text, {"REB": ["Rebels"], "UGA": ["Ugandan"]})] == [("REB", None)]
    text = "North Korea fired artillery shells near a naval vessel from South Korea."  # aimed at the vessel
    found = run(parse, text, {"PRK": ["North Korea"], "KOR": ["South Korea"]})
    assert [(s, t) for s, t, _ in found] == [("PRK", "KOR")]


def test_an_appeal_the_parser_read_as_a_name_keeps_its_caller(parse):
    text = "An official Syrian newspaper called Thursday on Arabs to unite against the occupation."
    found = run(parse, text, {"SYRMED": ["Syrian newspaper"], "ARB": ["Arabs"]})
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("SYRMED", "ARB", "02")]


def test_what_a_party_is_accused_of_failing_to_do_is_a_charge(parse):
    text = "Armenia accused the alliance of failing to protect it."
    found = run(parse, text, {"ARM": ["Armenia", "it"], "IGO": ["alliance"]})
    assert [(s, t, e.cameo[:2], e.mode) for s, t, e in found if e.mode == "asserted"] == [("ARM", "IGO", "11", "asserted")]


def test_refusing_to_recognise_is_a_rejection(parse):
    found = run(parse, "Serbia does not recognise Kosovo's independence.", {"SRB": ["Serbia"], "XKX": ["Kosovo"]})
    assert [(s, t, e.cameo[:2], e.mode) for s, t, e in found] == [("SRB", "XKX", "12", "asserted")]
    found = run(parse, "Serbia did not attack Kosovo.", {"SRB": ["Serbia"], "XKX": ["Kosovo"]})
    assert [e.mode for _, _, e in found] == ["negated"]


def test_history_recalled_in_a_relative_clause_is_not_news(parse):
    text = "Israel, which occupied the plateau in 1967, rejected the proposal on Tuesday."
    found = run(parse, text, {"ISR": ["Israel", "which"]})
    assert [e.trigger.text for _, _, e in found] == ["rejected"]
    text = "The rebels, who have fought the army since 2012, seized the town on Monday."
    found = run(parse, text, {"REB": ["rebels", "who"], "MIL": ["army"]})
    assert [e.trigger.text for _, _, e in found] == ["seized"]
    text = "The rebels, who attacked the army on Monday, seized the town."  # today's news in a relative clause
    found = run(parse, text, {"REB": ["rebels", "who"], "MIL": ["army"]})
    assert "attacked" in [e.trigger.text for _, _, e in found]


def test_the_act_a_verdict_is_about_is_not_reported_again(parse):
    text = "Iran condemned the Israeli air strike on Damascus."
    found = run(parse, text, {"IRN": ["Iran"], "ISR": ["Israeli"]})
    assert [(s, t, e.trigger.text) for s, t, e in found] == [("IRN", "ISR", "condemned")]


def test_a_message_speaks_to_whom_it_is_sent(parse):
    text = "Egypt sent a message to Israel warning against an offensive in Rafah."
    found = run(parse, text, {"EGY": ["Egypt"], "ISR": ["Israel"]})
    assert ("EGY", "ISR") in [(s, t) for s, t, e in found if e.trigger.text == "warning"]


def test_an_offer_to_mediate_between_parties_acts_on_both(parse):
    text = "Turkey made an offer to mediate between Russia and Ukraine."
    found = run(parse, text, {"TUR": ["Turkey"], "RUS": ["Russia"], "UKR": ["Ukraine"]})
    assert sorted((s, t) for s, t, _ in found) == [("TUR", "RUS"), ("TUR", "UKR")]


def test_bracketed_object_behind_an_adverb_particle(parse):
    text = "Kenyan police took the two activists back into custody on Friday."
    found = run(parse, text, {"KENCOP": ["Kenyan police"], "KENCVL": ["the two activists"]})
    assert [(s, t, e.cameo) for s, t, e in found if e.cameo_root == "17"] == [("KENCOP", "KENCVL", "173")]


def test_an_appeal_made_with_a_preposition_of_the_frame_targets_the_addressee(parse):
    text = "The bishops pleaded with the junta to free the students."
    found = run(parse, text, {"CHR": ["bishops"], "GOV": ["junta"], "EDU": ["students"]})
    assert [(s, t, e.cameo_root) for s, t, e in found] == [("CHR", "GOV", "02")]


def test_allowing_a_party_to_act_lets_it_in(parse):
    text = "Myanmar allowed foreign journalists to visit the camps."
    found = run(parse, text, {"MMR": ["Myanmar"], "JRN": ["foreign journalists"]})
    assert ("MMR", "JRN", "086") in [(s, t, e.cameo) for s, t, e in found]


def test_a_party_that_disarms_is_the_doer_in_a_verbless_parse(parse):
    text = "The militia disarmed last week."
    found = run(parse, text, {"REB": ["militia"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("REB", None, "0873")]


def test_an_announced_refusal_is_the_refusal_but_a_forecast_is_not(parse):
    found = run(parse, "The president said he would veto the bill.", {"GOV": ["president", "he"]})
    assert [(e.cameo_root, e.mode) for _, _, e in found] == [("12", "asserted")]
    found = run(parse, "The governor has said he will veto the budget.", {"GOV": ["governor", "he"]})
    assert [(e.cameo_root, e.mode) for _, _, e in found] == [("12", "future")]  # a standing position
    found = run(parse, "The union will reject the offer.", {"LAB": ["union"]})
    assert [(e.cameo_root, e.mode) for _, _, e in found] == [("12", "future")]
    found = run(parse, "Russia said it would veto any resolution if it included sanctions.", {"RUS": ["Russia", "it"]})
    assert ("12", "asserted") not in [(e.cameo_root, e.mode) for _, _, e in found]


def test_a_verb_with_a_hyphenated_prefix_keeps_its_own_entry(parse):
    found = run(parse, "Pakistan test-fired a cruise missile on Tuesday.", {"PAK": ["Pakistan"]})
    assert [(s, e.cameo) for s, _, e in found] == [("PAK", "150")]


def test_a_rejected_request_targets_the_party_it_concerns(parse):
    text = "Ankara rejected calls to lift the blockade against Armenia."
    found = run(parse, text, {"TUR": ["Ankara"], "ARM": ["Armenia"]})
    assert ("TUR", "ARM", "12") in [(s, t, e.cameo_root) for s, t, e in found]


def test_the_party_warned_is_the_target_of_the_threat(parse):
    text = "The ministry warned aid workers that they would be detained if they crossed the line."
    found = run(parse, text, {"GOV": ["ministry"], "NGO": ["aid workers"]})
    assert ("GOV", "NGO", "13") in [(s, t, e.cameo_root) for s, t, e in found]


def test_an_attack_with_no_named_victim_targets_who_passed_at_the_moment(parse):
    text = "Militants detonated a car bomb as a police patrol drove past."
    found = run(parse, text, {"INS": ["Militants"], "COP": ["police patrol"]})
    assert ("INS", "COP") in [(s, t) for s, t, e in found if e.cameo_root == "18"]
    text = "Gunmen attacked the hotel as the minister spoke on television."
    found = run(parse, text, {"INS": ["Gunmen"], "GOV": ["minister"]})
    assert "GOV" not in [t for _, t, e in found]


def test_acting_in_defiance_of_an_order_is_done_by_the_actor(parse):
    text = "The students held a rally in defiance of the ban."
    found = run(parse, text, {"EDU": ["students"]})
    assert "EDU" in [s for s, _, e in found if e.cameo_root == "12"]


def test_pressing_a_party_to_act_is_an_appeal_to_it(parse):
    text = "The envoy pressed the rebels to free the hostages."
    found = run(parse, text, {"UNO": ["envoy"], "REB": ["rebels"]})
    assert [(s, t, e.cameo_root) for s, t, e in found] == [("UNO", "REB", "02")]


def test_a_deadline_for_a_party_to_act_is_a_demand_on_it(parse):
    text = "The UN set a deadline for the militia to leave the town."
    found = run(parse, text, {"UNO": ["UN"], "REB": ["militia"]})
    assert ("UNO", "REB", "10") in [(s, t, e.cameo_root) for s, t, e in found]


def test_an_appeal_for_a_nominal_act_is_coded_as_that_appeal_and_the_noun_did_not_happen(parse):
    text = "Ecuador appealed to the IMF for emergency loans."
    found = run(parse, text, {"ECU": ["Ecuador"], "IMF": ["IMF"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("ECU", "IMF", "0231")]


def test_a_discussion_held_in_a_phone_call_is_the_call_with_its_partner(parse):
    text = "The Turkish president discussed the refugee crisis in a telephone call with the Greek prime minister."
    found = run(parse, text, {"TUR": ["Turkish president"], "GRC": ["Greek prime minister"]})
    assert [(s, t, e.cameo) for s, t, e in found] == [("TUR", "GRC", "041")]


def test_a_complement_nested_under_a_framed_complement_is_not_asserted(parse):
    text = "Norway offered to help track down the smugglers."
    found = run(parse, text, {"NOR": ["Norway"], "CRM": ["the smugglers"]})
    assert [e.cameo_root for _, _, e in found if e.mode == "asserted"] == ["03"]
