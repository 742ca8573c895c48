"""The furniture rules of plain-text captures (issue 12, item 3), each on an example written for
it and on a body line that merely looks like it (which must stay).

Every example is made up in the manner of news pages; none is copied from a site.
"""

from __future__ import annotations

import pytest

import mediacompare as mc
from mediacompare.corpus.clean import load_rules

BEFORE = "The council met on Tuesday evening to discuss the flood defences, officials said."
AFTER = "A decision is expected next month, after a public consultation closes."


def clean(*lines: str, **kwargs):
    """Clean a capture: a body paragraph, the given lines (one paragraph each), another body
    paragraph; return the result and, for each given line, the rule that removed it (or None)."""
    text = "\n\n".join([BEFORE, *lines, AFTER])
    result = mc.clean_text(text, **kwargs)
    by_text = {r["text"]: r for r in result.removed}
    assert BEFORE in result.text and AFTER in result.text
    return result, [by_text[line.strip()]["rule_id"] if line.strip() in by_text else None
                    for line in lines]


# (rule, furniture lines a page carries, a body line that looks like them and must stay)
CASES = [
    (("link_block", "teaser_heading"), ["You might also like", "Ferry operator cancels winter sailings",
                    "Police appeal for witnesses after crash on ring road"],
     "See also the ministry's annex, which lists each of the 41 sites it inspected."),
    ("link_block", ["Most Popular", "Five things we learned from the budget",
                    "Village shop saved by residents who bought it for £1"],
     "Most popular among the respondents was the plan to reopen the branch line."),
    ("link_block", ["From the Web", "Homeowners are switching to this simple heating trick"],
     "From the web of canals east of the city, volunteers pulled 300 bicycles last year."),
    ("link_block", ["See also:", "Storm warning issued for the coast"],
     "See also what happened in 2007, when the same wall failed after three days of rain."),
    (("data_dump_php", "data_dump_json"),
     ['string(2841) "[{"id":1043,"title":"Floods close bridge","img":"floods.jpg"}]"'],
     "$5bn deal agreed for the new bridge, the ministry said on Friday."),
    ("data_dump_php", ['a:2:{s:2:"id";i:1043;s:5:"title";s:19:"Floods close bridge";}'],
     "A 2:1 vote in the committee sent the plan back to the council."),
    ("data_dump_json", ['{"id": 1043, "slug": "floods-close-bridge", "image": "floods.jpg", "tags": ["weather"]}'],
     'She wrote: "We waited, and then we waited again," in a note to the committee.'),
    ("license_text", ["Permission is hereby granted, free of charge, to any person obtaining a copy "
                      "of this software and associated documentation files"],
     "Permission was granted last year for a marina on the site, the planning officer said."),
    ("license_text", ['THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.'],
     "The software was provided free to every school in the region, the ministry said."),
    ("caption_bracket_credit", ["Relatives of detainees hold photographs outside the talks venue "
                                "in Geneva [Fabrice Coffrini/AFP]"],
     "The agency's chief said the figures were accurate (AFP)."),
    ("caption_bracket_credit", ["Firefighters work through the night near the highway (Jonas Herrmann / Reuters)"],
     "Firefighters worked through the night, according to the regional government (Reuters reported the same)."),
    ("caption_comma_credit", ["Residents wade through floodwater on Quay Street on Wednesday, "
                              "Reuters/Jonas Herrmann"],
     "Residents waded through floodwater on Quay Street on Wednesday, the agency Reuters reported."),
    ("caption_comma_credit", ["A thermometer on a pharmacy sign shows 43C in the city centre — AFP"],
     "The figures were first reported on Wednesday by AFP"),
    (("byline", "byline_place_date"), ["By Amara Nwosu | Lagos | 12 March 2024"],
     "Amara Nwosu, a teacher in Lagos, said on 12 March 2024 that she would appeal."),
    ("byline_place_date", ["Henrik Lindqvist, Oslo, March 3, 2024 10:15 AM"],
     "Henrik Lindqvist, who fishes out of Oslo, said the catch had halved since March 3, 2024."),
    ("subscribe_caps", ["SUBSCRIBE NOW FOR UNLIMITED ACCESS – ONLY £1 A WEEK"],
     "Protesters chanted JOIN US outside the ministry, police said."),
    ("subscribe_caps", ["ALREADY A SUBSCRIBER? LOG IN TO CONTINUE READING"],
     "NATO and the EU said in a joint statement that they would SUBSCRIBE to the plan."),
    ("subscribe_prompt", ["See subscription options"],
     "Subscription options for the service were cut last year, the company said."),
    ("cookie_notice", ["We use cookies to personalise content and ads and to analyse our traffic."],
     "The regulator found that the site used cookies to track children without consent."),
    ("cookie_notice", ["By continuing to browse the site you agree to our use of cookies."],
     "Shoppers agree to almost anything to get a discount, a consumer group said."),
    ("page_tools", ["Print this article | Email to a friend | Back to top"],
     "Print editions will stop in May, the publisher said in a letter to readers."),
    ("dateline_relative", ["Updated 12 minutes ago"],
     "Two hours ago, the river burst its banks below the weir."),
    ("words_by", ["Words by Leila Haddad. Photographs by Ana Castro"],
     "Words by the minister were not enough to calm the crowd, he said."),
    ("copyright", ["Copyright 2024 Lakeland Herald. All rights reserved. Reproduction without "
                   "permission is prohibited."],
     "Copyright law was changed in 2019 to protect reporters, the court heard."),
    ("nav_word", ["Load more comments"],
     "Load more slowly, the instructor told the apprentices on the dock."),
    ("link_block", ["Other stories", "Heavy snow expected on high ground this weekend",
                    "Tributes paid to much-loved lollipop man"],
     "Other stories from the flood zone were less hopeful, the charity said."),
    ("link_block", ["Key events", "14:05 Crews reach the village",
                    "13:40 Evacuation order extended"],
     "Key events of the day were posted on the council's website at midnight."),
]


@pytest.mark.parametrize("rule, lines, near_miss", CASES,
                         ids=[f"{c[0] if isinstance(c[0], str) else c[0][0]}-{i}"
                              for i, c in enumerate(CASES)])
def test_rule_removes_its_furniture_and_keeps_the_body_line_like_it(rule, lines, near_miss):
    accepted = (rule,) if isinstance(rule, str) else rule  # rules that say the same
    result, rules = clean(*lines)
    assert rules[0] in accepted, (lines[0], rules)
    for line, removed_by in zip(lines[1:], rules[1:]):  # the headlines under a link block
        assert removed_by == rules[0], (line, removed_by)
    kept, rules = clean(near_miss)
    assert rules == [None] and near_miss in kept.text


def test_a_link_block_ends_at_the_first_sentence_and_at_a_blank_run_of_its_own():
    text = ("The bridge will stay shut until Friday, engineers said.\n\n"
            "Most Read\nFerry operator cancels winter sailings\nFormer mayor dies aged 87\n"
            "Engineers will inspect the piers again on Thursday.\n\n"
            "What the council said\n\nThe council apologised for the delay.")
    result = mc.clean_text(text)
    removed = {r["text"]: r for r in result.removed}
    assert {"Most Read", "Ferry operator cancels winter sailings", "Former mayor dies aged 87"} \
        <= set(removed)
    assert removed["Former mayor dies aged 87"]["trigger_line_no"] == 3
    # a sentence ends the block; a subhead after it is the story's own
    assert "Engineers will inspect the piers again on Thursday." in result.text
    assert "What the council said" in result.text


def test_credits_in_captions_become_metadata():
    result, rules = clean("Relatives of detainees hold photographs outside the talks venue in "
                          "Geneva [Fabrice Coffrini/AFP]",
                          "Residents wade through floodwater on Quay Street, Reuters/Jonas Herrmann",
                          "By Amara Nwosu | Lagos | 12 March 2024",
                          "Words by Leila Haddad. Photographs by Ana Castro")
    credits = {(c["kind"], c["who"]) for c in result.credits}
    assert ("photo", "Fabrice Coffrini/AFP") in credits
    assert ("photo", "Reuters/Jonas Herrmann") in credits
    assert ("author", "Amara Nwosu") in credits and ("author", "Leila Haddad") in credits


def test_a_headline_repeated_as_the_first_body_line_goes_with_the_title():
    title = "Floods close the Quay Street bridge"
    text = f"{title}\n\n{title}\n\nThe bridge closed at noon, engineers said.\n\n{title} for a week."
    result = mc.clean_text(text, title=title)
    assert [(r["line_no"], r["rule_id"]) for r in result.removed] == [
        (1, "headline"), (3, "headline_repeated")]
    assert result.text.startswith("The bridge closed at noon") and f"{title} for a week." in result.text
    # without the title line, the repeat is still taken out; a first line that says more stays
    assert mc.clean_text(f"{title}\n\nThe bridge closed.", title=title).text == "The bridge closed."
    longer = f"{title} as the river rises to a record."
    assert mc.clean_text(f"{longer}\n\nThe bridge closed.", title=title).text.startswith(longer)


def test_the_site_name_from_the_page_title_is_furniture(tmp_path):
    page = ("<html><head><title>Floods close the bridge | The Valley Courier</title></head><body>"
            "<header><a href='/'>The Valley Courier</a></header><article><h1>Floods close the bridge</h1>"
            "<p>The bridge closed at noon on Tuesday after engineers found cracks in two piers.</p>"
            "<p>It will stay shut until Friday at least, the council said in a statement.</p></article>"
            "<footer><p>The Valley Courier</p></footer></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    article = mc.load_corpus(tmp_path / "a.html").articles.iloc[0]
    assert "Valley Courier" not in article["text"] and article["title"] == "Floods close the bridge"


# ------------------------------------------------------------------ no dead rule

EXAMPLES = {
    "skip_link": "Skip to main content", "breadcrumb": "Home › World › Middle East",
    "advert": "Story continues below advertisement", "appeal_need_help": "We need your help",
    "appeal_readers_like_you": "Our journalism is funded by support from readers like you.",
    "appeal_contribute": "Please consider supporting us with a donation of any size.",
    "appeal_revenue": "Advertising revenue alone is not enough to pay for reporting like this.",
    "appeal_member": "Become a member today and get our weekend edition free.",
    "newsletter_heading": "Sign up for our daily newsletter",
    "newsletter_inbox": "The best stories of the week, delivered to your inbox every Friday.",
    "comment_heading": "Leave a comment", "comment_community": "Comments are closed for this article.",
    "comment_help": "Report this comment", "teaser_prefix": "Read more: Ferry operator cancels sailings",
    "teaser_heading": "Related stories", "share_prompt": "Share on Facebook",
    "app_promo": "Download our app from the App Store or Google Play.",
    "mirror_notice": "This website can also be accessed at the following alternate addresses:",
    "bare_link": "https://www.example.org/news/1043", "photo_agency": "AP Photo/Lina Morales",
    "photo_by": "Photo by Ana Castro", "caption_paren_credit": "Crews at the bridge (Photo: Ana Castro)",
    "caption_agency_credit": "Crowds gather at the gates Jonas Herrmann AP / PA Images",
    "photographer_credit": "Lina Morales/Getty Images", "reporting_by": "Reporting by Lena Dorsey; Editing by Peter Crane",
    "dateline_stamp": "Published: 11 December 2017, 09:14", "standards_footer": "Privacy policy",
    "nav_word": "Menu",
}


def test_every_packaged_rule_fires_on_an_example():
    """A rule that can match nothing (a pattern spoiled by a lost backslash or quote, say) fails
    here: every line rule matches an example written for it or for the cases above."""
    from mediacompare.corpus.linear_re import compile_linear

    lines = list(EXAMPLES.values()) + [line for _, ls, _ in CASES for line in ls]
    for rule in load_rules():
        if rule.scope in ("line", "rest", "block") and "{" not in rule.pattern:
            pattern = compile_linear(rule.pattern)
            assert any(pattern.search(line) for line in lines), rule.rule_id


def test_a_rules_file_with_a_control_character_is_refused(tmp_path):
    from mediacompare.errors import ResourceError

    path = tmp_path / "rules.csv"
    pattern = "(?i)\\bpermission is hereby granted" + "\x08"  # "\b" where a backslash was lost
    path.write_text("rule_id,category,scope,pattern,credit_kind,reason\n"
                    f"x,license,line,{pattern},,why\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"control character U\+0008"):
        load_rules(path)


# ------------------------------------------------------------------ the prefilter

LINES = [line for _, lines, near in CASES for line in [*lines, near]] + [
    "", " ", "A" * 5000, "(" * 3000, "AFP / " * 500, "By " + "Name " * 500, '"x": ' * 500,
    "Photo: " + "x" * 3000, "© 2017 AFP", "Advertisement", "— Advertisement —", "Comments",
    "Share this article", "Zoë Müller/Getty Images", "Ölçek: ülke", "日本語のテキスト。",
]


def test_the_prefilter_finds_exactly_the_rules_that_match():
    from mediacompare.corpus.rules import prefilter as _prefilter
    from mediacompare.corpus.linear_re import compile_linear

    rules = load_rules()
    prefilter, slot = _prefilter(rules)
    fixed = sorted(slot, key=slot.get)
    own = [compile_linear(r.pattern) for r in sorted((r for r in rules if r.rule_id in slot),
                                                     key=lambda r: slot[r.rule_id])]
    assert len(fixed) >= 40
    for line in LINES:
        expected = {k for k, pattern in enumerate(own) if pattern.search(line)}
        assert prefilter.matching(line) == expected, line[:60]
