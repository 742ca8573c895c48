"""Page furniture of the benchmark pages, written for the benchmark in the manner of news sites.

Menus, teasers, related headlines, comments, banners, prompts, bios and footers. None is copied
from a site; the headlines and comments are made up, and written to read like real ones (full
sentences, quotation marks, numbers), since that is what makes furniture hard to tell from an
article line by line.
"""

from __future__ import annotations

SITES = [
    ("The Harbour Gazette", "harbourgazette.example"), ("Northfield Daily Post", "northfieldpost.example"),
    ("Meridian Wire", "meridianwire.example"), ("Valley Courier", "valleycourier.example"),
    ("The Civic Ledger", "civicledger.example"), ("Eastbrook Evening News", "eastbrooknews.example"),
    ("Riverside Observer", "riversideobserver.example"), ("Continental Press Service", "cps-news.example"),
    ("Lakeland Herald", "lakelandherald.example"), ("The Pacific Chronicle", "pacificchronicle.example"),
    ("Metro Tribune", "metrotribune.example"), ("Highland Times", "highlandtimes.example"),
    ("Westgate Voice", "westgatevoice.example"), ("The Morning Standard", "morningstandard.example"),
]

SECTIONS = ["News", "World", "Politics", "Business", "Money", "Technology", "Science", "Health",
            "Environment", "Sport", "Culture", "Opinion", "Lifestyle", "Travel", "Video", "Podcasts",
            "Weather", "Local", "Education", "Property", "Cars", "Puzzles"]

MEGA = {
    "News": ["UK", "World", "Politics", "Crime", "Education", "Investigations"],
    "Sport": ["Football", "Cricket", "Rugby union", "Tennis", "Cycling", "Results and fixtures"],
    "Business": ["Markets", "Companies", "Personal finance", "Property", "Work and careers"],
    "Culture": ["Film", "Books", "Music", "Television", "Art and design", "Theatre"],
    "Lifestyle": ["Food", "Travel", "Health and fitness", "Fashion", "Family", "Gardening"],
}

UTILITY = ["Subscribe", "Sign in", "Search", "Newsletters", "Today's paper", "Events", "Jobs",
           "Contact us", "Advertise with us", "Help"]

HEADLINES = [
    "Council approves new cycle lane on Harbour Road despite objections",
    "Police appeal for witnesses after late-night crash on ring road",
    "Five things we learned from the budget",
    "Village shop saved by residents who bought it for £1",
    "Ferry operator cancels winter sailings to the islands",
    "Teenager wins national poetry prize with poem about her grandmother",
    "House prices fall for third month as mortgage costs bite",
    "Why your energy bill could rise again in April",
    "Striker signs three-year deal after impressive loan spell",
    "Hospital car park charges to be scrapped for night-shift staff",
    "Inquest opens into death of climber on northern ridge",
    "Road closures planned for marathon weekend: full list",
    "Festival organisers announce first headliners for summer",
    "Watch: dolphins spotted in estuary for first time in decades",
    "Opinion: our high streets need more than free parking",
    "The restaurants that changed how this city eats",
    "Minister under pressure over delayed rail upgrade",
    "Rare orchid found growing on roundabout",
    "Live: traffic and travel updates",
    "Former mayor dies aged 87",
    "Pensioners left without heating after boiler firm collapses",
    "Exam board apologises for error in maths paper",
    "Supermarket to close three stores with 200 jobs at risk",
    "Lifeboat crew rescue family cut off by tide",
    "Quiz: how well do you know this week's news?",
    "New bridge opening delayed until next spring",
    "Brewery owner fined after river pollution",
    "Airport passenger numbers return to pre-pandemic levels",
    "Photos: thousands line streets for carnival parade",
    "Teachers' union warns of strike ballot over pay",
    "What the polls say with a month to go",
    "Fans react as manager leaves after six years",
    "Wind farm plan for coast rejected by inspectors",
    "Man charged after stolen tractor found in field",
    "How to spot a fake parcel delivery text",
    "Gallery reopens after £12m refurbishment",
    "Scientists warn of early start to hay fever season",
    "Ambulance response times worst on record in rural areas",
    "Chef's tiny bistro wins its first star",
    "Bin collections to change to every three weeks",
    "Landlords face new rules on damp and mould",
    "Cyclist completes 4,000-mile ride for charity",
    "Opinion: the town hall must stop hiding its spending",
    "Wildlife trust buys former quarry to create nature reserve",
    "Ten of the best walks for autumn colour",
    "Protesters block entrance to incinerator site",
    "University to cut 120 jobs amid funding gap",
    "Doctor struck off after falsifying records",
    "Tributes paid to much-loved lollipop man",
    "Heavy snow expected on high ground this weekend",
]

TEASERS = [
    "The plan has divided residents, with some saying it will make the road safer and others "
    "warning of longer queues at rush hour.",
    "Our reporter spent a week with the crews who keep the county's roads open through winter.",
    "Officials say the change will save money, but campaigners fear it will hit the poorest "
    "families hardest.",
    "From a tiny kitchen above a launderette, she built one of the best-loved bakeries in the north.",
    "The decision comes after years of complaints about noise and traffic from the site.",
    "Experts explain what the new figures mean for first-time buyers and people remortgaging.",
    "He scored 19 goals in 31 games and is already being talked about as a future captain.",
    "Readers have been sending us their pictures of the storm. Here are some of the best.",
    "A new report says the service has been underfunded for a decade and cannot keep up with demand.",
    "The family say they were given no warning before the company went into administration.",
    "It is the first time the prize has gone to a writer from the region since it was founded.",
    "Commuters face weeks of disruption while engineers replace the signals on the main line.",
]

COMMENTERS = ["RiverWatcher58", "J. Thornton", "sallyinthevalley", "NorthernGrit", "PeteFromTheDocks",
              "M_Kowalska", "OldTownResident", "grumpy_commuter", "Ayesha R", "the_real_dave",
              "CaptainSensible", "BrianOfWrexford", "Lou Ellison", "factchecker2000"]

COMMENTS = [
    "I have lived on this street for thirty-one years and I can tell you the council has known "
    "about this problem since at least the nineties. Every few years they send someone round with "
    "a clipboard, they write a report, and then nothing happens until the next disaster. This "
    "time I hope people remember it at the ballot box.",
    "With respect to the previous commenter, the money has to come from somewhere. Everyone wants "
    "new walls and new roads and better services, and nobody wants to pay more council tax. You "
    "cannot have it both ways, and the article should have said so.",
    "Does anyone know whether the rest centre at the school is taking pets? My neighbour is "
    "elderly and will not leave without her cat, and the phone line just rings and rings.",
    "This is exactly what happened in 2007 and we were promised it would never happen again. I "
    "have the newspaper cutting to prove it. Shameful.",
    "Good piece, but you missed the most important point: the developer who built the flats on the "
    "flood plain was given permission by the same committee that is now asking for our patience. "
    "Follow the money and you will find your answer.",
    "I work in the health service and I can confirm that the numbers in this report are if "
    "anything optimistic. We are cancelling operations every week because there are no beds on "
    "the ward to send people to afterwards.",
    "Honestly I think the ban is overdue. My two spent every evening on their phones and their "
    "school reports showed it. Since September they actually talk at dinner.",
    "Another article that blames the drivers without asking why the company makes such huge "
    "profits while cutting routes. I support the strike one hundred per cent and so should "
    "anyone who has waited forty minutes in the rain for a bus that never came.",
    "They should have built the stadium twenty years ago when the land was cheap. Now it will "
    "cost three times as much and the fans will pay for it through ticket prices, you watch.",
    "Great news for the town. My grandfather worked at the steelworks and it broke his heart to "
    "see it close. If even half of these jobs go to local people it will change everything here.",
    "Interesting article, although I would like to know where the figures on rainfall come from. "
    "The weather station at the airport recorded quite different numbers last month.",
    "Fascinating find. I went to the open day last weekend and the volunteers were brilliant, "
    "really patient with all the kids asking questions. Well worth a visit before it is covered up.",
    "Returning the sculptures is the right thing to do and should have happened decades ago. "
    "Museums are not owners of other people's history, they are caretakers at best.",
    "I read the whole judgment and the article summarises it fairly. The interesting part is "
    "paragraph 88, where the court says a sign at the door can never be enough on its own.",
    "Why is nobody talking about the cost of all this? Somebody has to pay for the aircraft, the "
    "overtime and the rebuilding, and I bet it will not be the insurers.",
    "Sorry but this is just scaremongering. We had hot summers when I was a boy and nobody asked "
    "us to stop using the washing machine.",
]

COOKIE = [
    ("We value your privacy. We and our partners store and access information on your device, "
     "such as cookies, and process personal data, such as unique identifiers, to personalise "
     "content and ads, measure performance and improve our services.", ["Accept all", "Manage preferences"]),
    ("This site uses cookies to give you the best experience. By continuing to browse you agree "
     "to our use of cookies. You can change your settings at any time.", ["OK", "Cookie settings"]),
    ("We use cookies and similar technologies to help our site work, to understand how it is "
     "used and to show you relevant advertising. Some of these are essential; others you can "
     "switch off.", ["Allow all cookies", "Reject non-essential", "More information"]),
    ("Your choices about cookies on this site. We would like to set additional cookies to "
     "understand how you use the site, remember your settings and improve our services.",
     ["Yes, I agree", "No, take me to settings"]),
]

NEWSLETTERS = [
    ("Sign up to our morning briefing", "The day's most important stories, explained, in your "
     "inbox before 7am. Free, every weekday."),
    ("Get the news that matters to you", "Join 40,000 readers who get our evening newsletter. "
     "You can unsubscribe at any time."),
    ("Newsletter", "Enter your email address to receive our weekly round-up of local news, "
     "events and offers from our partners."),
    ("Don't miss a thing", "Sign up for breaking news alerts and the best of our journalism, "
     "sent straight to your inbox."),
]
NEWSLETTER_SMALL = ["By signing up you agree to our Terms of Use and acknowledge our Privacy Notice.",
                    "We will use your email address only to send you the newsletter. See our privacy policy.",
                    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply."]

PAYWALL = [
    ("SUBSCRIBE NOW FOR UNLIMITED ACCESS", "Subscribe today for just £1 a week for the first "
     "three months. Cancel anytime."),
    ("This article is for subscribers only", "Already a subscriber? Log in to continue reading."),
    ("You have read 3 of your 5 free articles this month", "Support independent local "
     "journalism: become a member from £4 a month."),
    ("Independent journalism needs you", "Reporting like this takes time and money. If you value "
     "it, please consider a contribution of any size."),
]

SHARE = [["Share", "Facebook", "Twitter", "WhatsApp", "Email"], ["Share this article", "Copy link"],
         ["Share on Facebook", "Share on X", "Share via email", "Print"],
         ["facebook", "twitter", "linkedin", "reddit"]]

BIOS = [
    "{name} is our {beat} correspondent. {pron} joined the paper in {year} after working for news "
    "agencies in {city} and {city2}.",
    "{name} has covered {beat} for more than a decade. {pron} was previously deputy editor of a "
    "regional weekly and is the author of a book about local democracy.",
    "{name} writes about {beat}. Got a story? Email {pron_low} at {handle}@{domain} or send a "
    "message on Signal.",
    "About the author: {name} is a senior reporter specialising in {beat}, based in {city}.",
]
BEATS = ["environment", "business", "transport", "courts and crime", "health", "politics",
         "education", "science", "culture", "foreign affairs", "energy", "sport"]
CITIES = ["Brussels", "Lagos", "Lisbon", "Istanbul", "Toronto", "Nairobi", "Warsaw", "Manila"]

FOOTER_LEGAL = [
    "© {year} {site} Media Group Limited. All rights reserved. Registered in England and Wales "
    "No. 04271318. Registered office: 1 Dock Street, {town}.",
    "{site} is a member of the Independent Press Standards Organisation, which regulates the "
    "UK's magazine and newspaper industry. We abide by the Editors' Code of Practice.",
    "We are not responsible for the content of external websites. Links to other sites are "
    "provided for your convenience and do not imply endorsement.",
    "Copyright {year} {site}. This material may not be published, broadcast, rewritten or "
    "redistributed without permission.",
    "Prices and availability of products mentioned are correct at the time of publication. We "
    "may earn a commission from purchases made through links in this article.",
    "All content is available under the terms of our licence, except where otherwise stated.",
]
FOOTER_LINKS = ["About us", "Contact us", "Work for us", "Terms and conditions", "Privacy notice",
                "Cookie policy", "Accessibility", "Complaints", "Corrections", "Advertise",
                "Sitemap", "RSS feeds", "Modern slavery statement", "Manage cookies"]

TAG_HEADINGS = ["Topics", "Tags", "More on these topics", "Related topics", "Explore more on these topics"]
AD_LABELS = ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored",
             "Article continues after this advertisement"]
CREDIT_STYLES = ["({credit})", "Photo: {credit}", "{credit}", "– {credit}", "IMAGE SOURCE, {credit}",
                 "Credit: {credit}", "[{credit}]"]
CREDITS = ["Reuters/Jonas Herrmann", "Getty Images", "AFP", "AP Photo/Lina Morales",
           "EPA-EFE/Paolo Ricci", "Alamy", "PA Media", "Bloomberg via Getty Images",
           "Ana Castro for the {site}", "Handout"]
