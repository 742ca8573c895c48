"""Boilerplate cleaning: on the seeds, the body stays whole and the page furniture goes;
the rules are data, validated, and general enough for outlets not in the seeds."""

from pathlib import Path

import pytest

import mediacompare as mc
from mediacompare.corpus.clean import clean_text, load_rules

# For each seed: lines of page furniture that must go, and body text that must stay
# (first and last paragraphs, subheadings, and the lines a careless rule would hit).
MUST_GO = {
    "000": ["- Advertisement -", "Subscribe to our newsletter",
            "Sign up here to get the latest news, updates and special offers delivered directly to your inbox."],
    "001": ["AP Photo", "AP Photo/Alexander Zemlianichenko",
            "Please let us know if you're having issues with commenting."],
    "002": ["Advertisement", "We need your help now", "Support from readers like you keeps The Journal open.",
            "You are visiting us because we have something you value.",
            "please contribute what you can", "Withdrawal",
            "Russia Putin Alexei Druzhinin AP / PA Images", "© AFP 2017",
            "Read:\u00a0Iraqi Prime Minister declares", "Read:\u00a0Trump’s travel ban",
            "Your Voice", "Readers Comments", "55", "This is YOUR comments community",
            "Leave a Comment", "Submit a report", "Please help us understand how this comment violates",
            "Thank you for the feedback", "Your feedback has been sent to our team for review.",
            "Leave a commentcancel"],
    "003": ["News \u00a0 / \u00a0 Syria", "(Photo by AFP)",
            "Press TV’s website can also be accessed at the following alternate addresses:",
            "www.presstv.co.uk", "SHARE THIS ARTICLE", "Press TV News Roku"],
    "004": ["Skip to content", "Al Arabiya English"],
}
MUST_STAY = {
    "000": ["Russian President Vladimir Putin said his country’s troops will leave Syria when the war is over",
            "he claimed.", "Syria has been undergoing a war of aggression against it since March 2011.",
            "Russia and Iran also criticize the activities of the American international coalition in the "
            "region and support the government of President Bashar Assad."],
    "001": ["Kremlin President Vladimir Putin has reportedly ordered his Ministry of Defense",
            "Syrian dictator Bashar al-Assad, allowing the ruthless leader to remain in power.",
            "In Syria, the Russian leader “instructed the Ministry of Defense",
            "according to an expert from the American Enterprise Institute (AEI) and other analysts."],
    "002": ["Putin has been a supporter of Syrian President Bashar al-Assad throughout the civil war.",
            "RUSSIAN PRESIDENT VLADIMIR Putin has ordered the removal of Russian troops from Syria.",
            "I have taken a decision: a significant part of the Russian troop contingent",
            "It will be their eighth face-to-face meeting this year.",
            "focused on opposing a Syrian Kurdish militia seen by Ankara as a terror group."],
    "003": ["Russia's special envoy for Syria says he believes all foreign troops will soon withdraw",
            "'US says won’t leave Syria'", "Mekdad: Daesh defeated by Syrian, Iranian and Russian forces",
            "to purportedly confront the Daesh terror group.",
            "he said in a meeting with an Iranian parliamentary delegation."],
    "004": ["Russian President Vladimir Putin on Monday ordered the defence ministry",
            "Syrian opposition welcomes move",
            "said Salim al-Muslat, spokesman for the rebel High Negotiations Committee.",
            "Matters will change significantly as a result of that.”"],
}
# Paragraphs of body text in each seed, counted by hand from the files.
BODY_PARAGRAPHS = {"000": 11, "001": 17, "002": 14, "003": 20, "004": 13}


@pytest.fixture(scope="module")
def seeds():
    return mc.load_corpus().articles.set_index("article_id")


@pytest.mark.parametrize("article_id", sorted(MUST_GO))
def test_seed_furniture_goes_and_body_stays(seeds, article_id):
    art = seeds.loc[article_id]
    for line in MUST_GO[article_id]:
        assert line in art.raw, f"test data: {line!r} is not in the raw file"
        assert line not in art.text, f"{line!r} should have been removed"
        assert any(line in rec["text"] for rec in art.removed), f"{line!r} not recorded as removed"
    for sentence in MUST_STAY[article_id]:
        assert sentence in art.text, f"body text lost: {sentence!r}"
    assert len(art.text.split("\n\n")) == BODY_PARAGRAPHS[article_id]
    assert art.title not in art.text  # the headline is in the title column, not the body


@pytest.mark.parametrize("article_id", sorted(MUST_GO))
def test_every_raw_line_is_kept_or_recorded(seeds, article_id):
    art = seeds.loc[article_id]
    raw_lines = art.raw.split("\n")
    removed = {rec["line_no"]: rec for rec in art.removed}
    kept = art.text.split("\n")
    for number, line in enumerate(raw_lines, start=1):
        if not line.strip():
            continue
        if number in removed:
            assert removed[number]["text"] == line.strip()
            assert removed[number]["reason"] and removed[number]["category"]
        else:
            assert line.strip() in kept, f"line {number} neither kept nor recorded: {line!r}"


def test_removed_lines_are_categorised(seeds):
    categories = {rec["line_no"]: rec["category"] for rec in seeds.loc["002"].removed}
    raw = seeds.loc["002"].raw.split("\n")
    by_text = {raw[n - 1].strip(): cat for n, cat in categories.items()}
    assert by_text["We need your help now"] == "donation_appeal"
    assert by_text["© AFP 2017"] == "copyright"
    assert by_text["Readers Comments"] == "comments"
    assert by_text["Read:\u00a0Trump’s travel ban gets the green light despite legal challenges"] == "teaser"


def test_credits_become_metadata():
    credits = mc.load_corpus().credits()
    got = set(zip(credits["article_id"], credits["kind"], credits["who"]))
    assert ("002", "copyright", "AFP") in got
    assert ("001", "photo", "AP Photo/Alexander Zemlianichenko") in got
    assert ("003", "photo", "AFP") in got


# --- general rules, on lines from outlets that are not in the seeds ------------------------

@pytest.mark.parametrize("line, category", [
    ("ADVERTISEMENT", "advertising"),
    ("Story continues below advertisement", "advertising"),
    ("Skip to main content", "navigation"),
    ("Home › World › Middle East", "navigation"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Get the latest headlines delivered straight to your inbox every morning.", "newsletter"),
    ("Please consider supporting our independent journalism.", "donation_appeal"),
    ("Become a member today and help keep our reporting free.", "donation_appeal"),
    ("Related: Iran and Russia sign new oil deal", "teaser"),
    ("READ MORE: Turkey shells Kurdish positions", "teaser"),
    ("You may also like", "teaser"),
    ("Share on Facebook | Twitter | WhatsApp", "share_prompt"),
    ("Photo: Getty Images", "photo_credit"),
    ("Reuters/Omar Sanadiki", "photo_credit"),
    ("Soldiers at the base in Latakia. (Photo by Reuters)", "caption"),
    ("Copyright 2019 The Associated Press. All rights reserved.", "copyright"),
    ("By Jane Smith and Omar Hassan, Reuters", "byline"),
    ("Reporting by Tom Perry; Editing by Alison Williams", "byline"),
    ("https://example.org/story/123", "link"),
    ("Download our app on Google Play", "app_promo"),
    ("Advertisement · Scroll to continue", "advertising"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "site_footer"),
])
def test_rules_name_furniture_of_other_outlets(line, category):
    body = "A first paragraph of the story, long enough to be body text.\n\n" * 3
    raw = body + line + "\n\n" + body
    result = clean_text(raw)
    assert [rec["category"] for rec in result.removed] == [category]
    assert line not in result.text


@pytest.mark.parametrize("sentence", [
    "By Monday, troops had left the base.",
    "The share of the vote fell to 30 percent.",
    "Related talks in Geneva stalled on Tuesday.",
    "Comments by the minister drew criticism from Ankara.",
    "AP reported that the convoy reached Homs.",
    "Advertising revenue at state media rose, the ministry said.",
    "Readers were asked to support the campaign.",
    "He said: “Read the agreement before you judge it.”",
])
def test_rules_keep_body_sentences_that_look_like_furniture(sentence):
    assert clean_text(sentence + "\n\nAnother sentence.").removed == []


def test_rest_rule_late_in_the_article_drops_the_comment_block():
    raw = "\n\n".join(f"Body paragraph {i}." for i in range(6)) + \
          "\n\nJoin the conversation\nA reader's comment here.\n\nAnother comment."
    result = clean_text(raw)
    assert result.text.endswith("Body paragraph 5.")
    assert {rec["rule_id"] for rec in result.removed} == {"comment_heading"}
    assert [rec["trigger_line_no"] for rec in result.removed] == [None, 13, 13]


def test_rest_rule_early_only_drops_its_own_line():
    raw = "Comments\n\n" + "\n\n".join(f"Body paragraph {i}." for i in range(6))
    result = clean_text(raw)
    assert result.text.startswith("Body paragraph 0.") and result.text.endswith("Body paragraph 5.")
    assert len(result.removed) == 1


def test_headline_lines_and_page_header_use_the_known_title():
    raw = "Menu\n\nWorld\n\nTroops “leave” Syria\n\nThe body starts here."
    result = clean_text(raw, title='Troops "leave" Syria')
    assert result.text == "The body starts here."
    assert [rec["rule_id"] for rec in result.removed] == ["nav_word", "before_headline", "headline"]


def test_headline_is_inferred_only_when_asked_and_plausible():
    raw = "Troops leave Syria after talks\n\nThe body starts here. It goes on."
    assert clean_text(raw).text == raw
    inferred = clean_text(raw, infer_title=True)
    assert inferred.text == "The body starts here. It goes on."
    assert inferred.inferred_title == "Troops leave Syria after talks"
    sentence_first = "The body starts here.\n\nIt goes on."
    assert clean_text(sentence_first, infer_title=True).text == sentence_first


def test_site_name_footer_is_recognised_for_any_outlet():
    raw = "Body text of the story.\n\nThe Daily Example"
    assert clean_text(raw, sites=("The Daily Example",)).text == "Body text of the story."
    assert clean_text(raw).text == raw  # without the outlet's name nothing is guessed


# --- the rules file is validated ------------------------------------------------------------

HEADER = "rule_id,category,scope,pattern,credit_kind,reason\n"


@pytest.mark.parametrize("rows, message", [
    ("a,ads,line,^Ad$,,ads\na,ads,line,^Ads$,,ads\n", "line 3, column 'rule_id': duplicate rule_id 'a' (first on line 2)"),
    ("a,ads,sideways,^Ad$,,ads\n", "line 2, column 'scope': unknown scope 'sideways'"),
    ("a,ads,line,^(Ad$,,ads\n", "line 2, column 'pattern': not a valid regular expression"),
    ("a,ads,line,^Ad$,photo,ads\n", "needs a (?P<who>...) group"),
    ("a,ads,line,^Ad$,,\n", "line 2, column 'reason': empty"),
    ("a,ads,line,^Ad$,painter,ads\n", "unknown credit kind 'painter'"),
    ("a,ads,line,^Ad$,ads\n", "line 2: expected 6 fields"),
])
def test_broken_rules_are_refused_with_file_line_and_reason(tmp_path, rows, message):
    path = tmp_path / "rules.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(mc.ResourceError) as info:
        load_rules(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_rules_with_wrong_columns_are_refused(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text("id,pattern\nx,y\n", encoding="utf-8")
    with pytest.raises(mc.ResourceError, match="line 1: expected the columns rule_id,category"):
        load_rules(path)


def test_user_rules_replace_the_packaged_ones(tmp_path):
    rules = tmp_path / "rules.csv"
    rules.write_text(HEADER + "promo,advertising,line,(?i)^buy now$,,a shop link\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Body sentence.\n\nBUY NOW\n\nAdvertisement\n", encoding="utf-8")
    corpus = mc.load_corpus(folder, rules=rules)
    text = corpus.articles.loc[0, "text"]
    assert "BUY NOW" not in text and "Advertisement" in text
    assert corpus.removed()["rule_id"].tolist() == ["promo"]


def test_packaged_rules_are_valid_and_documented():
    rules = load_rules()
    assert len(rules) >= 25
    assert all(rule.reason and rule.category for rule in rules)
    assert Path(rules[0].source.split(",")[0]).name == "boilerplate.csv"
