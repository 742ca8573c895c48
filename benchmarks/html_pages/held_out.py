"""Three page templates held out while the loader was tuned (see :mod:`templates`).

They were written after the loader's settings and rules had been tuned on the thirteen
templates of :mod:`templates`, and run once: the benchmark reports them apart, as a check that
the tuning holds on markup it never saw.
"""

from __future__ import annotations

import html

from build import Doc, fill
from furniture import HEADLINES, TEASERS
from stories import STORIES

E = html.escape


def newsletter_post(d: Doc, v: int) -> None:
    """A post on a newsletter platform: subscribe buttons everywhere, a discussion below."""
    s = d.s
    d.head()
    d.raw('<div class="main-menu"><div class="navbar">')
    d.boil("a", d.site, "nav", 'class="navbar-title-link"')
    d.boil("button", "Subscribe", "newsletter", 'class="button primary"')
    d.boil("a", "Sign in", "nav")
    d.raw('</div></div><div class="single-post-container"><article class="typography newsletter-post post">'
          '<div class="post-header">')
    d.raw(f'<h1 class="post-title unpublished">{E(s.headline)}</h1>')
    d.art("h3", s.standfirst, 'class="subtitle"')
    d.raw('<div class="post-meta">')
    d.boil("a", s.author, "byline", 'class="profile-hover-card-target"')
    d.boil("div", d.dateline(0).upper(), "byline", 'class="pencraft"')
    d.raw("</div>")
    d.share('class="post-ufi"')
    d.raw('</div><div class="available-content"><div class="body markup" dir="auto">')
    d.body(inserts={2: [lambda: (d.raw('<div class="subscription-widget-wrap">'),
                                 d.boil("p", f"{d.site} is a reader-supported publication. To receive new "
                                             "posts and support my work, consider becoming a free or paid "
                                             "subscriber.", "newsletter", 'class="cta-caption"'),
                                 d.boil("button", "Subscribe", "newsletter"),
                                 d.raw("</div>"))],
                    4: [d.figure] if v % 2 else []}, h="h2")
    d.raw('</div></div></article><div class="post-footer">')
    d.boil("h3", "Ready for more?", "newsletter")
    d.boil("button", "Subscribe", "newsletter")
    d.raw('</div><div id="discussion" class="comments-page">')
    d.boil("h4", "Discussion about this post", "comments")
    d.links(["Comments", "Restacks"], "comments", attrs='class="tabs"', href="#")
    d.comments(1 + v, attrs='class="comment-list-container"', head="Top", item="div")
    d.raw('</div><div class="post-recirc">')
    d.links(["Top", "Latest", "Discussions"], "related", attrs='class="tabs"', href="#")
    d.related("", 'class="portable-archive-list"', k=4, tag="div", summaries=v >= 2)
    d.raw('</div><div class="footer-wrap">')
    d.boil("p", f"© 2024 {s.author} · Privacy ∙ Terms ∙ Collection notice", "footer")
    d.boil("a", "Start writing", "footer")
    d.boil("a", "Get the app", "footer")
    d.boil("p", "This platform is the home for great culture", "footer")
    d.raw("</div></div>")


def ghost(d: Doc, v: int) -> None:
    """A Ghost-style blog theme: cards, callouts and a members-only call to action."""
    s = d.s
    d.head()
    d.raw('<div class="gh-site"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">')
    d.boil("a", d.site, "nav", 'class="gh-head-logo"')
    d.raw('<nav class="gh-head-menu">')
    d.links(["Home", "About", "Archive", "Podcast", "Contact"][: 3 + v % 3], "nav", attrs='class="nav"')
    d.raw('</nav><div class="gh-head-actions">')
    d.boil("a", "Sign in", "nav", 'class="gh-head-link"')
    d.boil("a", "Subscribe", "nav", 'class="gh-head-button"')
    d.raw('</div></div></header><main id="site-main" class="site-main">'
          '<article class="article post featured"><header class="article-header gh-canvas">')
    d.raw('<div class="article-tag post-card-tags">')
    d.boil("a", s.story.section, "kicker", 'class="post-card-primary-tag"')
    d.raw(f'</div><h1 class="article-title">{E(s.headline)}</h1>')
    d.art("p", s.standfirst, 'class="article-excerpt"')
    d.raw('<div class="article-byline"><div class="article-byline-meta">')
    d.boil("h4", s.author, "byline", 'class="author-name"')
    d.boil("div", f"{d.dateline(0)} — {d.rng.randint(3, 9)} min read", "byline", 'class="byline-meta-content"')
    d.raw('</div></div><figure class="article-image"><img src="/content/images/x.jpg">')
    d.caption("figcaption", together=True)
    d.raw('</figure></header><section class="gh-content gh-canvas">')
    d.body(inserts={1: [lambda: (d.raw('<div class="kg-card kg-callout-card kg-callout-card-grey">'
                                        '<div class="kg-callout-emoji">💡</div>'),
                                 d.boil("div", "New here? Sign up for free to get every post by email, "
                                               "and never miss an update.", "newsletter", 'class="kg-callout-text"'),
                                 d.raw("</div>"))],
                    3: [lambda: (d.raw('<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/y.jpg">'),
                                 d.caption("figcaption"), d.raw("</figure>"))]})
    if v >= 2:
        d.raw('<aside class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content">')
        d.boil("h2", "This post is for paying subscribers only", "paywall")
        d.boil("a", "Subscribe now", "paywall", 'class="gh-btn"')
        d.boil("p", "Already have an account? Sign in", "paywall")
        d.raw("</div></aside>")
    d.raw('</section></article><aside class="read-more-wrap outer"><div class="read-more inner">')
    d.boil("h3", "Read more", "related")
    for h in d.headlines(3):
        d.raw('<article class="post-card post"><a class="post-card-image-link" href="/p/"></a>'
              '<div class="post-card-content"><header class="post-card-header">')
        d.boil("h2", h, "related", 'class="post-card-title"')
        d.raw("</header>")
        d.boil("div", d.pick(TEASERS), "related", 'class="post-card-excerpt"')
        d.raw("</div></article>")
    d.raw('</div></aside></main><footer class="site-footer outer"><div class="inner">')
    d.boil("section", f"{d.site} © 2024", "footer", 'class="copyright"')
    d.links(["Sign up", "Privacy", "Contact"], "footer", attrs='class="site-footer-nav"')
    d.boil("div", "Powered by Ghost", "footer", 'class="gh-powered-by"')
    d.raw("</div></footer></div>")


def infinite(d: Doc, v: int) -> None:
    """A news portal that appends the next article's opening below the story (infinite scroll)."""
    s = d.s
    d.head()
    d.cookie('class="consent-overlay"')
    d.raw('<header class="portal-header">')
    d.nav('class="portal-nav"', k=8)
    d.raw('</header><div class="story-stream"><div class="story" data-position="1">')
    d.raw(f'<h1 class="story-title">{E(s.headline)}</h1>')
    d.boil("div", f"{s.author} | {d.dateline(2)}", "byline", 'class="story-meta"')
    d.art("p", s.standfirst, 'class="story-lead"')
    d.figure('class="story-figure"')
    d.raw('<div class="story-text">')
    d.body(inserts={2: [d.ad], 3: [lambda: d.boil("p", "Also read: " + d.pick(HEADLINES), "related")]})
    d.raw("</div>")
    d.tags('class="story-tags"', with_head=v % 2 == 0)
    d.share()
    d.raw("</div>")
    nxt = fill(STORIES[(STORIES.index(s.story) + 7) % len(STORIES)], d.rng)
    d.raw('<div class="story next-story" data-position="2">')
    d.boil("div", "Next article", "next_story", 'class="stream-label"')
    d.boil("h2", nxt.headline, "next_story", 'class="story-title"')
    d.boil("p", nxt.standfirst, "next_story", 'class="story-lead"')
    for para in nxt.paras[: 2 + v % 2]:
        d.boil("p", para, "next_story")
    d.boil("a", "Continue reading", "next_story", 'class="continue"')
    d.raw("</div></div>")
    d.footer()


HELD_OUT = {"newsletter_post": newsletter_post, "ghost": ghost, "infinite": infinite}
