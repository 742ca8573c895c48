"""Page templates in the manner of the publishing systems news sites run on.

Each template writes one page of a story in its own markup (WordPress themes, Arc-style and
Drupal-style newspaper CMSs, a wire service, a live blog, a tabloid, a long-read magazine, a
legacy table layout, a public broadcaster, a blogging platform, a comment-heavy local paper, an
AMP page, a page of bare ``div`` elements with generated class names) and ``variant`` (0-3)
switches its optional parts on and off, as the same site's pages differ from one another.
"""

from __future__ import annotations

import html

from build import Doc
from furniture import HEADLINES, TEASERS

E = html.escape


def wordpress(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.raw('<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">')
    d.boil("span", "Skip to content", "nav")
    d.raw('</a><header id="masthead" class="site-header"><div class="site-branding">')
    d.boil("p", d.site, "nav", 'class="site-title"')
    d.boil("p", d.pick(["Local news, without the noise", "Independent reporting since 2011",
                        "News and views from the valley"]), "nav", 'class="site-description"')
    d.raw('</div><nav id="site-navigation" class="main-navigation">')
    d.links(["Home"] + d.rng.sample(["News", "Council", "Environment", "Schools", "Sport", "Letters",
                                     "About", "Contact", "Donate"], 6), "nav", attrs='id="primary-menu" class="menu"')
    d.raw('</nav></header><div id="content" class="site-content"><div id="primary" class="content-area">'
          '<main id="main" class="site-main"><article class="post type-post status-publish format-standard hentry">'
          '<header class="entry-header">')
    if v % 2 == 0:
        d.raw('<span class="cat-links">')
        d.boil("a", s.story.section, "kicker", 'href="/category/x" rel="category tag"')
        d.raw("</span>")
    d.raw(f'<h1 class="entry-title">{E(s.headline)}</h1><div class="entry-meta">')
    d.boil("span", f"Posted on {d.dateline(0)} by {s.author}", "byline", 'class="posted-on"')
    d.raw('</div></header><div class="entry-content">')
    if v != 1:
        d.art("p", s.standfirst, 'class="has-large-font-size"')
    d.body(inserts={1: [d.figure] if v < 2 else [], 3: [d.pull_quote] if v == 3 else [],
                    4: [d.tweet] if v in (0, 2) else []})
    d.raw('<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">')
    d.boil("h3", "Share this:", "share", 'class="sd-title"')
    d.links(["Facebook", "X", "Email", "Print"], "share", href="#share-")
    d.raw('</div></div><div id="jp-relatedposts" class="jp-relatedposts">')
    d.boil("h3", "Related", "related", 'class="jp-relatedposts-headline"')
    for h in d.headlines(3):
        d.raw('<div class="jp-relatedposts-post">')
        d.boil("h4", h, "related", 'class="jp-relatedposts-post-title"')
        d.boil("p", f"In \"{d.pick(['News', 'Council', 'Environment'])}\"", "related",
               'class="jp-relatedposts-post-context"')
        d.raw("</div>")
    d.raw('</div></div><footer class="entry-footer">')
    d.boil("span", "Tagged " + ", ".join(s.story.tags), "tags", 'class="tags-links"')
    d.raw("</footer>")
    if v != 2:
        d.raw('<div class="author-info"><h2 class="author-title">')
        d.boil("span", f"Published by {s.author}", "bio")
        d.raw("</h2>")
        d.bio('class="author-description"')
        d.boil("a", f"View all posts by {s.author}", "bio", 'class="author-link"')
        d.raw("</div>")
    d.raw("</article>")
    d.raw('<nav class="navigation post-navigation"><div class="nav-links">')
    d.boil("a", "Previous Post: " + d.pick(HEADLINES), "related", 'rel="prev"')
    d.boil("a", "Next Post: " + d.pick(HEADLINES), "related", 'rel="next"')
    d.raw("</div></nav>")
    d.comments(2 + v, head=f"{2 + v} thoughts on “{s.headline}”", attrs='id="comments" class="comments-area"')
    d.raw('<div id="respond" class="comment-respond">')
    d.boil("h3", "Leave a Reply Cancel reply", "comments", 'id="reply-title"')
    d.boil("p", "Your email address will not be published. Required fields are marked *", "comments",
           'class="comment-notes"')
    d.raw('<form><textarea></textarea>')
    d.boil("label", "Save my name, email, and website in this browser for the next time I comment.",
           "comments")
    d.raw('<input type="submit" value="Post Comment"></form></div></main></div>')
    d.raw('<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">')
    d.boil("h2", "Recent Posts", "sidebar", 'class="widget-title"')
    d.links(d.headlines(5), "sidebar", href="/20")
    d.raw('</section><section class="widget widget_archive">')
    d.boil("h2", "Archives", "sidebar", 'class="widget-title"')
    d.links(["March 2024", "February 2024", "January 2024", "December 2023"], "sidebar", href="/date/")
    d.raw('</section><section class="widget widget_categories">')
    d.boil("h2", "Categories", "sidebar", 'class="widget-title"')
    d.links(["Council", "Environment", "Letters", "News", "Schools"], "sidebar", href="/category/")
    d.raw('</section></aside></div><footer id="colophon" class="site-footer"><div class="site-info">')
    d.boil("a", "Proudly powered by WordPress", "footer", 'href="https://wordpress.org/"')
    d.boil("span", f"Theme: Twenty Nineteen by the WordPress team. © 2024 {d.site}", "footer")
    d.raw("</div></footer></div>")


def arc(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.cookie('class="fc-consent-root"')
    d.raw('<div id="fusion-app" class="layout-section"><header class="b-header">')
    d.utility('class="b-header__utility"')
    d.mega_menu()
    d.raw('</header><div class="b-ad b-ad--leaderboard">')
    d.boil("p", "ADVERTISEMENT", "ad", 'class="b-ad__label"')
    d.raw('</div><main class="b-article" id="main">')
    d.raw('<div class="c-overline">')
    d.boil("a", s.story.section.upper(), "kicker", 'href="/section"')
    d.raw(f'</div><h1 class="c-heading b-headline">{E(s.headline)}</h1>')
    d.art("h2", s.standfirst, 'class="c-subheadline"')
    d.raw('<div class="b-byline"><div class="c-attribution">')
    d.boil("span", f"By {s.author}", "byline", 'class="c-byline"')
    d.boil("time", d.dateline(1), "byline", 'class="c-date"')
    d.raw("</div>")
    d.share('class="b-share-bar"')
    d.raw("</div>")
    d.figure('class="c-media-item"')
    d.raw('<article class="b-article-body">')
    inserts = {1: [lambda: d.boil("p", "RELATED: " + d.pick(HEADLINES), "related",
                                  'class="c-paragraph c-related-link"')],
               # on some pages the body is cut in two by an ad and a sign-up box, each half its
               # own container, as Arc-style pages often are
               2: [lambda: d.ad('class="b-ad b-ad--inline"')] if v % 2 else
                  [lambda: d.raw("</article>"), lambda: d.ad('class="b-ad b-ad--inline"'),
                   d.newsletter, lambda: d.raw('<article class="b-article-body">')],
               3: [d.newsletter] if v != 1 else [],
               4: [d.pull_quote] if v == 2 else []}
    d.body(p="p", p_attrs='class="c-paragraph"', wrap='div class="default__paragraph"', inserts=inserts)
    if v in (1, 3):
        d.paywall('class="b-paywall c-subscribe-wall"')
    d.raw("</article>")
    d.tags('class="b-tags"', with_head=False)
    d.most_read("Most Read", 'class="b-most-read"', k=5)
    d.cards("More from " + s.story.section, k=3, attrs='class="b-card-list"')
    d.raw("</main>")
    d.footer('class="b-footer"')
    d.raw("</div>")


def drupal(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.raw('<div class="dialog-off-canvas-main-canvas"><div class="layout-container"><header role="banner">'
          '<div class="region region-header"><div id="block-sitebranding">')
    d.boil("a", d.site, "nav", 'href="/" rel="home"')
    d.raw('</div></div><div class="region region-primary-menu"><nav role="navigation" id="block-mainnavigation">')
    d.links(["Home"] + d.rng.sample(["News", "Business", "Sport", "What's on", "Opinion", "Obituaries",
                                     "Property", "Jobs"], 6), "nav", attrs='class="menu"')
    d.raw("</nav></div></header>")
    d.breadcrumb(0)
    d.raw('<main role="main"><div class="layout-content"><div class="region region-content">'
          '<article role="article" class="node node--type-article node--view-mode-full">')
    d.raw(f'<h1 class="page-title"><span class="field field--name-title">{E(s.headline)}</span></h1>')
    d.raw('<div class="node__meta">')
    d.boil("span", f"Submitted by {s.author} on {d.dateline(0)}", "byline", 'class="field--name-uid"')
    d.raw('</div><div class="node__content"><div class="field field--name-field-image">')
    d.raw('<img src="/sites/default/files/styles/large/public/x.jpg" alt="">')
    d.caption("div", 'class="field field--name-field-image-caption"')
    d.raw('</div><div class="clearfix text-formatted field field--name-body field__item">')
    d.art("p", s.standfirst)
    d.body(inserts={2: [lambda: d.related("Read more", 'class="inline-related"', k=2, tag="div")] if v % 2 else [],
                    5: [d.tweet] if v == 3 else []})
    d.raw('</div><div class="field field--name-field-tags field--type-entity-reference">')
    d.boil("div", "Tags", "tags", 'class="field__label"')
    d.links(s.story.tags, "tags", attrs='class="field__items"', href="/taxonomy/term/")
    d.raw("</div></div></article>")
    if v != 0:
        d.raw('<section id="comments" class="field--name-comment">')
        d.comments(v + 1, attrs='class="comment-wrapper"', head="Comments", item="div")
        d.boil("h2", "Add new comment", "comments", 'class="title comment-form__title"')
        d.raw("</section>")
    d.raw('</div></div><aside class="layout-sidebar-first" role="complementary"><div class="views-element-container block">')
    d.boil("h2", "Popular content", "sidebar")
    d.links(d.headlines(5), "sidebar", href="/node/")
    d.raw('</div><div class="block-views-blockrelated-content">')
    d.boil("h2", "More from " + s.story.section, "related")
    d.links(d.headlines(4), "related", href="/node/")
    d.raw("</div></aside></main>")
    d.footer('class="site-footer region region-footer"', tag="footer role=\"contentinfo\"")
    d.raw("</div></div>")


def wire(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.raw('<div class="site-header"><div class="logo">')
    d.boil("a", d.site, "nav", 'href="/"')
    d.raw('</div><nav class="nav-primary">')
    d.links(["World", "Business", "Markets", "Sustainability", "Legal", "Breakingviews", "Technology",
             "Investigations"][: 6 + v % 3], "nav")
    d.raw('</nav></div><div class="markets-ticker">')
    for name, val in [("FTSE 100", "7,682.14 +0.42%"), ("DAX", "17,914.30 -0.18%"),
                      ("Brent", "$82.47 +1.1%"), ("EUR/USD", "1.0841 -0.07%")][: 2 + v % 3]:
        d.boil("span", f"{name} {val}", "ticker", 'class="ticker-item"')
    d.raw("</div><main><article>")
    d.boil("a", s.story.section, "kicker", 'class="article-header__kicker" href="/k"')
    d.raw(f'<h1 data-testid="Heading">{E(s.headline)}</h1><div class="article-header__meta">')
    d.boil("span", f"By {s.author}", "byline", 'class="byline"')
    d.boil("span", d.dateline(2), "byline", 'class="date"')
    d.boil("span", f"{d.rng.randint(2, 6)} minute read", "byline", 'class="read-time"')
    d.raw("</div>")
    d.figure('class="article-media"')
    d.raw('<div class="article-body__content">')
    city = d.pick(["GENEVA", "NAIROBI", "LISBON", "WARSAW", "MANILA", "TORONTO"])
    first = f"{city}, {d.dateline(0).rsplit(' ', 1)[0]} ({d.site}) - {s.paras[0]}"
    d.s.paras = [first] + s.paras[1:]
    d.body(p="p", p_attrs='data-testid="paragraph"', inserts={
        2: [lambda: d.boil("p", "Sign up here.", "newsletter", 'class="signup-prompt"')] if v != 2 else []})
    d.boil("p", f"Reporting by {s.author} and {d.pick(['Lena Dorsey', 'Abel Moreno', 'Yuki Hanada'])}; "
                f"Editing by {d.pick(['Peter Crane', 'Susan Ortiz', 'Gareth Jones'])}", "byline",
           'class="sign-off"')
    d.boil("p", "Our Standards: The Trust Principles.", "footer", 'class="trust-badge"')
    d.raw("</div></article>")
    d.raw('<div class="related-coverage">')
    d.boil("h2", "Read Next", "related")
    for h in d.headlines(4):
        d.raw('<div class="story-card">')
        d.boil("a", s.story.section, "related", 'class="kicker"')
        d.boil("h3", h, "related")
        d.boil("time", d.pick(["2 hours ago", "4:12 PM GMT", "Yesterday"]), "related")
        d.raw("</div>")
    d.raw('</div><div class="topics">')
    d.links(s.story.tags, "tags", href="/topic/")
    d.raw("</div></main>")
    d.footer('class="footer"')


def liveblog(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.nav('class="top-nav"', k=7)
    d.raw('<main class="liveblog"><header class="liveblog-header">')
    d.boil("span", "LIVE", "kicker", 'class="live-badge"')
    # the summary is above the headline, as live pages often put it: it is the story's text
    d.raw('<div class="key-points"><h2>Key points</h2><ul>')
    d.note("article", "body", "Key points")  # the heading of the story's summary
    for point in [s.standfirst] + s.bullets:
        d.art("li", point)
    d.raw("</ul></div>")
    d.raw(f'<h1 class="liveblog-title">{E(s.headline)}</h1>')
    d.boil("p", f"Updated {d.rng.randint(2, 58)} minutes ago", "live_meta", 'class="updated"')
    d.share()
    d.raw('</header><div class="key-events"><h3>Key events</h3><ul>')
    d.note("boiler", "live_meta", "Key events")
    times = [f"{h:02d}:{m:02d}" for h, m in zip(range(17, 6, -1), (4, 51, 32, 18, 5, 47, 30, 12, 2, 40, 9))]
    for t, para in zip(times[:4], s.paras[:4]):
        label = f"{t} {para.split(',')[0][:60]}"
        d.boil("li", label, "live_meta")
    d.raw('</ul><button class="toggle">')
    d.boil("span", "Show key events only", "live_meta")
    d.raw('</button></div><div class="live-feed">')
    for n, (t, para) in enumerate(zip(times, reversed(s.paras))):
        d.raw(f'<article class="live-update" id="update-{n}"><header>')
        d.boil("time", t, "live_meta", 'class="update-time"')
        if n == 0 and v % 2 == 0:
            d.boil("span", "Pinned", "live_meta", 'class="pinned"')
        d.raw('</header><div class="update-body">')
        d.art("p", para)
        if n == 1 and s.blockquote:
            d.art("blockquote", s.blockquote)
        if n == 2 and s.tweet:
            d.tweet()
        d.raw("</div>")
        if v >= 2:
            d.boil("a", "Share this update", "share", 'class="update-share"')
        d.raw("</article>")
        if n == 2:
            d.ad()
    d.raw('</div><button class="load-more">')
    d.boil("span", "Load more updates", "live_meta")
    d.raw("</button></main>")
    d.related("Most viewed", 'class="most-viewed"', k=5)
    d.footer()


def tabloid(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.cookie()
    d.raw('<header class="masthead">')
    d.nav('class="primary"', k=10)
    d.raw("</header><div class=\"article-wrapper\"><article class=\"article-main\">")
    d.raw(f'<h1 class="headline">{E(s.headline.upper() if v == 1 else s.headline)}</h1>')
    d.art("p", s.standfirst, 'class="sub-headline"')
    d.raw('<div class="author-info">')
    d.boil("a", s.author, "byline", 'class="author"')
    d.boil("span", d.dateline(3), "byline", 'class="time-info"')
    d.raw("</div>")
    d.share('class="social-share"')
    d.raw('<figure class="in-article-image"><img src="/x.jpg">')
    d.caption("figcaption")
    d.raw('</figure><div class="article-body" itemprop="articleBody">')
    inserts = {
        0: [lambda: d.boil("p", "READ MORE: " + d.pick(HEADLINES), "related", 'class="read-more-link"')],
        2: [lambda: d.newsletter('class="newsletter-inline"', tag="div")] if v != 3 else [],
        3: [lambda: d.related("MOST READ", 'class="most-read-inline"', k=4, tag="div")],
        4: [lambda: d.boil("p", "READ MORE: " + d.pick(HEADLINES), "related", 'class="read-more-link"'),
            d.ad],
    }
    if v == 1:
        inserts.setdefault(1, []).append(lambda: d.boil("strong", "SIGN UP TO OUR FREE NEWSLETTER FOR "
                                                         "THE DAY'S TOP STORIES", "newsletter"))
    d.body(inserts=inserts)
    d.raw("</div>")
    d.tags('class="tag-list"')
    if v == 2:  # the comments inside the article element, their parts named "thread" and "post"
        d.comments(3, attrs='class="thread-wrap"', head="Have your say", item="div", plain=True)
        d.raw("</article>")
    else:
        d.raw("</article>")
        d.comments(3, attrs='class="comments-container" id="comments"',
                   head=d.pick(["Comments", "Have your say", "Join the debate"]), item="div")
    d.cards("More top stories", k=4, attrs='class="teaser-grid"')
    d.raw("</div>")
    d.footer()


def magazine(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.raw('<header class="site-header">')
    d.boil("a", d.site, "nav", 'class="logo" href="/"')
    d.links(["Latest", "Magazine", "Long reads", "Audio", "Archive"], "nav", attrs='class="nav"')
    d.boil("a", "Subscribe", "nav", 'class="cta"')
    d.raw('</header><main><article class="longform"><header class="longform-header">')
    # the standfirst comes first, above the headline, as magazines set it
    d.art("p", s.standfirst, 'class="dek"')
    d.raw(f'<h1 class="longform-title">{E(s.headline)}</h1>')
    d.boil("p", f"Words by {s.author}. {d.pick(['Photographs by Ana Castro', 'Illustration by Jo Park'])}",
           "byline", 'class="credits"')
    d.raw("</header>")
    d.figure('class="hero"')
    d.raw('<div class="longform-body">')
    first = s.paras[0]
    d.raw(f'<p class="has-dropcap"><span class="dropcap">{E(first[0])}</span>{E(first[1:])}</p>')
    d.note("article", "body", first)
    s.paras = s.paras[1:]
    d.body(inserts={1: [d.pull_quote], 3: [d.pull_quote] if v >= 2 else []})
    s.paras = [first] + s.paras
    d.raw('</div><footer class="longform-footer">')
    d.boil("p", f"This article appears in the {d.pick(['April', 'May', 'June'])} 2024 issue of "
                f"{d.site}. {d.pick(['Subscribe here.', 'Read the rest of the issue.'])}", "footer",
           'class="issue-note"')
    d.bio()
    d.raw("</footer></article>")
    if v != 0:
        d.paywall('class="subscription-module"')
    d.cards("You might also enjoy", k=3, attrs='class="recirc"')
    d.raw("</main>")
    d.footer()


def legacy(d: Doc, v: int) -> None:
    s = d.s
    d.raw(f"<html><head><title>{E(d.site)} - {E(s.headline)}</title></head>"
          '<body bgcolor="#ffffff"><table width="100%" border="0" cellpadding="0"><tr><td colspan="2">')
    d.raw(f'<font size="6"><b>{E(d.site)}</b></font>')
    d.note("boiler", "nav", d.site)
    d.raw('</td></tr><tr><td width="160" valign="top" class="leftnav">')
    for item in ["Home", "Local News", "Sport", "Letters", "Classifieds", "Weather", "Contact"][: 5 + v % 3]:
        d.raw(f'<a href="/{item.lower()}">{item}</a><br>')
        d.note("boiler", "nav", item)
    d.raw('</td><td valign="top">')
    d.raw(f'<font face="Arial" size="5"><b>{E(s.headline)}</b></font><br>')
    d.boil("i", f"By {s.author}, {d.pick(['Staff Reporter', 'Chief Reporter'])}", "byline")
    d.raw("<br>")
    d.boil("font", d.dateline(0), "byline", 'size="1"')
    d.raw("<br><br>")
    d.raw(f"<b>{E(s.standfirst)}</b><br><br>")
    d.note("article", "body", s.standfirst)
    d.body(br=True, links=False)
    d.raw('<hr><font size="1">')
    for item in ["Print this article", "Email to a friend", "Back to top"]:
        d.raw(f'<a href="#">{item}</a> | ')
        d.note("boiler", "share", item)
    d.raw("</font><br><br>")
    if v % 2:
        d.raw("<b>Other stories</b><br>")
        d.note("boiler", "related", "Other stories")
        for h in d.headlines(4):
            d.raw(f'<a href="/story.php?id={d.rng.randint(1000, 9999)}">{E(h)}</a><br>')
            d.note("boiler", "related", h)
    d.raw(f'</td></tr><tr><td colspan="2"><font size="1">')
    legal = f"Copyright 2024 {d.site}. All rights reserved. Reproduction without permission is prohibited."
    d.raw(E(legal) + "</font></td></tr></table>")
    d.note("boiler", "footer", legal)


def broadcaster(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.raw('<header role="banner">')
    d.boil("a", "Skip to content", "nav", 'class="skip"')
    d.links(["Home", "News", "Sport", "Weather", "iPlayer", "Sounds"], "nav", attrs='class="global-nav"')
    d.raw('<nav class="news-nav">')
    d.links(["Home", "Israel-Gaza war", "War in Ukraine", "Climate", "UK", "World", "Business",
             "Politics", "Culture"][: 6 + v], "nav")
    d.raw('</nav></header><main id="main-content"><article>')
    d.raw(f'<header><h1 id="main-heading">{E(s.headline)}</h1></header>')
    d.raw('<div data-component="byline-block">')
    d.boil("time", d.dateline(2), "byline")
    d.share('class="share-tools"')
    d.raw('</div><div data-component="image-block"><figure><img src="/i.jpg">')
    d.boil("p", f"IMAGE SOURCE, {d.pick(['GETTY IMAGES', 'REUTERS', 'PA MEDIA', 'EPA'])}", "caption",
           'class="copyright"')
    d.boil("figcaption", f"Image caption, {s.caption}", "caption")
    d.raw("</figure></div>")
    d.raw('<div data-component="text-block">')
    d.raw(f"<p><b>{E(s.standfirst)}</b></p>")
    d.note("article", "body", s.standfirst)
    d.raw("</div>")
    d.body(wrap='div data-component="text-block"', h="h2", inserts={
        2: [lambda: (d.raw('<div data-component="links-block">'),
                     d.related("", 'class="inline-links"', k=2, tag="div"), d.raw("</div>"))] if v != 1 else [],
        4: [lambda: (d.raw('<div data-component="media-block">'),
                     d.boil("p", "Media caption, " + d.pick(["Watch: the moment the water came over the wall",
                                                             "Watch: what the decision means for you"]), "caption"),
                     d.raw("</div>"))] if v >= 2 else []})
    d.raw('<div data-component="tag-list">')
    d.boil("h2", "Related Topics", "tags")
    d.links(s.story.tags, "tags", href="/topics/")
    d.raw("</div></article>")
    d.raw('<section data-component="more-on-this-story">')
    d.boil("h2", "More on this story", "related")
    d.links(d.headlines(3), "related", href="/news/")
    d.raw("</section>")
    d.cards("Top Stories", k=3, attrs='data-component="top-stories"')
    d.cards("Features", k=3, attrs='data-component="features"')
    d.raw("</main>")
    d.raw('<footer>')
    d.links(["Terms of Use", "About the Org", "Privacy Policy", "Cookies", "Accessibility Help",
             "Contact"], "footer")
    legal = (f"Copyright 2024 {d.site}. All rights reserved. The {d.site} is not responsible for the "
             "content of external sites. Read about our approach to external linking.")
    d.boil("p", legal, "footer")
    d.raw("</footer>")


def platform(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.raw('<div id="root"><div class="metabar">')
    d.boil("a", "Open in app", "nav")
    d.boil("a", "Sign up", "nav")
    d.boil("a", "Sign in", "nav")
    d.boil("a", "Write", "nav")
    d.raw("</div><article><div class=\"section-content\">")
    if v % 2 == 0:
        d.boil("span", "Member-only story", "paywall", 'class="member-badge"')
    d.raw(f'<h1 class="pw-post-title">{E(s.headline)}</h1>')
    d.art("h2", s.standfirst, 'class="pw-subtitle-paragraph"')
    d.raw('<div class="author-row">')
    d.boil("a", s.author, "byline", 'data-testid="authorName"')
    d.boil("button", "Follow", "byline")
    d.boil("span", f"{d.rng.randint(3, 12)} min read · {d.dateline(0)}", "byline")
    d.raw("</div><div class=\"claps\">")
    d.boil("span", f"{d.rng.randint(1, 9)}.{d.rng.randint(1, 9)}K", "share")
    d.boil("span", str(d.rng.randint(3, 60)), "share")
    d.raw("</div>")
    d.body(p="p", p_attrs='class="pw-post-body-paragraph"', h="h3",
           inserts={2: [d.figure] if v < 3 else []})
    d.raw('</div></article><div class="post-footer">')
    d.links(s.story.tags, "tags", href="/tag/")
    d.raw('</div><section class="responses">')
    d.boil("h2", f"Responses ({d.rng.randint(4, 30)})", "comments")
    d.comments(1 + v % 3, attrs='class="responses-list"', head="Top highest", item="div")
    d.raw('</section><section class="more-from">')
    d.boil("h2", f"More from {s.author}", "related")
    d.related("", 'class="author-more"', k=3, tag="div", summaries=True)
    d.boil("h2", "Recommended from Medium", "related")
    d.related("", 'class="recommended"', k=3, tag="div", summaries=True)
    d.raw('</section><footer class="platform-footer">')
    d.links(["Help", "Status", "About", "Careers", "Press", "Blog", "Privacy", "Terms", "Text to speech"],
            "footer")
    d.raw("</footer></div>")


def local_comments(d: Doc, v: int) -> None:
    s = d.s
    d.head()
    d.raw('<div class="page"><div class="top-banner">')
    d.boil("p", d.pick(["BREAKING: Road closures in place after crash on bypass",
                        "Weather warning: heavy rain expected overnight",
                        "Vote now in our Community Champions awards"]), "ticker")
    d.raw("</div><header>")
    d.boil("a", d.site, "nav", 'class="masthead-logo"')
    d.nav('class="section-nav"', k=8)
    d.raw('</header><div class="content"><div class="main-col"><div class="story">')
    d.breadcrumb(1)
    d.raw(f'<h1>{E(s.headline)}</h1>')
    d.boil("div", f"{s.author} · {d.dateline(v)} · {d.rng.randint(5, 140)} comments", "byline",
           'class="story-meta"')
    d.figure('class="story-image"')
    d.raw('<div class="story-text">')
    d.art("p", s.standfirst, 'class="intro"')
    d.body(inserts={3: [lambda: d.related("Related", 'class="in-story-related"', k=3, tag="div")],
                    5: [d.tweet]})
    d.raw("</div>")
    d.share()
    d.raw('<div class="community-rules">')
    d.boil("h2", "Join the conversation", "comments")
    d.boil("p", "Comments are moderated. Please be respectful of other readers and keep to the "
                "subject of the story; abusive posts will be removed and repeat offenders banned.",
           "comments")
    d.raw("</div>")
    d.comments(3 + v % 2, attrs='id="disqus_thread" class="comments"', head="Comments", item="div")
    d.boil("a", "Load more comments", "comments", 'class="more"')
    d.raw('</div></div><div class="side-col">')
    d.most_read("Most read", k=5)
    d.newsletter('class="side-newsletter"', tag="div")
    d.raw("</div></div>")
    d.footer()
    d.raw("</div>")


def amp(d: Doc, v: int) -> None:
    s = d.s
    d.raw(f'<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>{E(s.headline)}</title>'
          '<script async src="https://cdn.ampproject.org/v0.js"></script>'
          '<style amp-custom>body{margin:0}</style></head><body>')
    d.raw('<amp-sidebar id="sidebar" layout="nodisplay" side="left">')
    d.links(["Home"] + d.rng.sample(["News", "Sport", "Business", "Entertainment", "Lifestyle",
                                     "Opinion", "Video"], 5), "nav")
    d.raw('</amp-sidebar><header class="amp-header">')
    d.boil("a", d.site, "nav")
    d.boil("button", "Menu", "nav", 'on="tap:sidebar.toggle"')
    d.raw(f'</header><article class="amp-article"><h1>{E(s.headline)}</h1>')
    d.boil("p", f"{s.author} | {d.dateline(1)}", "byline", 'class="amp-byline"')
    d.raw('<amp-social-share type="facebook"></amp-social-share>')
    d.raw(f'<figure><amp-img src="/x.jpg" width="600" height="400" layout="responsive"></amp-img>')
    d.caption("figcaption", together=True)
    d.raw("</figure>")
    d.art("p", s.standfirst, 'class="amp-standfirst"')
    d.body(inserts={2: [lambda: (d.raw('<amp-ad width="300" height="250" type="doubleclick">'),
                                 d.boil("div", "Advertisement", "ad", "placeholder"),
                                 d.raw("</amp-ad>"))]})
    d.raw("</article>")
    d.raw('<div class="promoted">')
    d.boil("h3", d.pick(["Promoted Links", "Sponsored Stories", "Around the Web"]), "related")
    for text in d.rng.sample(["Homeowners are switching to this simple heating trick before winter",
                              "The one walking shoe podiatrists keep recommending",
                              "Here is what a new conservatory should cost you in 2024",
                              "Why thousands are moving their savings this month",
                              "This retired teacher found a clever way to cut her bills",
                              "Doctors explain the morning habit that helps you sleep"], 4):
        d.raw('<div class="promo-item">')
        d.boil("a", text, "related")
        d.boil("span", d.pick(["Sponsored | HomeSaver", "Ad | WalkWell", "Sponsored | MoneyWise"]),
               "related")
        d.raw("</div>")
    d.raw("</div>")
    d.footer('class="amp-footer"')


def divsoup(d: Doc, v: int) -> None:
    """A page built by a front-end framework: no <p>, <nav> or <article>, generated class names."""
    s = d.s
    d.head()
    cls = lambda: f"css-{d.rng.randint(10**5, 10**6):x}"  # noqa: E731
    d.raw(f'<div id="__next"><div class="{cls()}"><div class="{cls()}">')
    for item in ["Home"] + d.rng.sample(SECTIONS_SOUP, 7):
        d.boil("div", f"[{item}](/{item.lower()})", "nav", f'class="{cls()}"')
    d.raw(f'</div><div class="{cls()}" role="main">')
    d.boil("div", s.story.section, "kicker", f'class="{cls()}"')
    d.raw(f'<div class="{cls()}" role="heading" aria-level="1">{E(s.headline)}</div>')
    d.block("div", s.standfirst, "article", "body", f'class="{cls()}"')
    d.boil("div", f"By {s.author}", "byline", f'class="{cls()}"')
    d.boil("div", d.dateline(4), "byline", f'class="{cls()}"')
    d.raw(f'<div class="{cls()}">')
    d.body(p="div", p_attrs=f'class="{cls()}" data-block="paragraph"', h="div",
           inserts={2: [lambda: (d.raw(f'<div class="{cls()}">'),
                                 d.boil("div", "Recommended", "related"),
                                 [d.boil("div", f"[{h}](/r)", "related", f'class="{cls()}"')
                                  for h in d.headlines(3)],
                                 d.raw("</div>"))],
                    4: [lambda: d.boil("div", "Subscribe for unlimited access to our journalism.",
                                       "paywall", f'class="{cls()}"')] if v % 2 else []})
    d.raw(f'</div></div><div class="{cls()}">')
    d.boil("div", "More stories", "teaser", f'class="{cls()}"')
    for h in d.headlines(4):
        d.raw(f'<div class="{cls()}">')
        d.boil("div", f"[{h}](/s)", "teaser", f'class="{cls()}"')
        d.boil("div", d.pick(TEASERS), "teaser", f'class="{cls()}"')
        d.raw("</div>")
    d.raw(f'</div><div class="{cls()}">')
    for item in ["About", "Contact", "Privacy", "Terms", "Careers"]:
        d.boil("div", f"[{item}](/{item.lower()})", "footer", f'class="{cls()}"')
    d.boil("div", f"© 2024 {d.site}. All rights reserved.", "footer", f'class="{cls()}"')
    d.raw("</div></div></div>")


SECTIONS_SOUP = ["News", "World", "Business", "Tech", "Science", "Health", "Sport", "Culture",
                 "Opinion", "Video"]

TEMPLATES = {
    "wordpress": wordpress, "arc": arc, "drupal": drupal, "wire": wire, "liveblog": liveblog,
    "tabloid": tabloid, "magazine": magazine, "legacy": legacy, "broadcaster": broadcaster,
    "platform": platform, "local_comments": local_comments, "amp": amp, "divsoup": divsoup,
}
