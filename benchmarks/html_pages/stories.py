"""The article text of the benchmark pages: stories written for the benchmark, not taken from a site.

Every story is made up (people, places and figures included) and written to read like news in
different registers: local government, economics, courts, disasters, science, health, sport,
culture, diplomacy. ``{A}``, ``{B}`` and ``{C}`` are people's full names and ``{A_}``... their
surnames, ``{town}`` a place; each page fills them from :data:`PEOPLE` and :data:`TOWNS`, so the
same story reads differently on two pages. Inline ``[text](url)`` is a link and ``*text*``
emphasis.

A story's parts, each an article passage when it is on a page:

``standfirst``  a sentence or two that sums the story up (some templates put it above the
                headline, as sites do with a kicker or a summary);
``paras``       the body, in order; ``subheads`` puts a subheading before paragraph *i*;
``bullets``     a list inside the body (after paragraph ``bullets_at``);
``table``       a data table inside the body (caption, header, rows), after ``table_at``;
``blockquote``  a statement quoted at length in the body;
``pull``        the index of the paragraph a pull quote repeats (the pull quote itself is
                neither article nor boilerplate in the scoring: it duplicates body text);
``caption``     the photo's caption (boilerplate, with a credit the template formats);
``tweet``       an embedded social-media post (not scored: whether it belongs to the story is
                a matter of taste).
"""

from __future__ import annotations

from dataclasses import dataclass, field

PEOPLE = [
    ("Marta", "Okonkwo-Reyes"), ("Daniel", "Fairweather"), ("Ilse", "Brandvold"),
    ("Tomasz", "Wierzbicki"), ("Amara", "Nwosu"), ("Henrik", "Lindqvist"), ("Priya", "Raman"),
    ("Joaquín", "Etxeberria"), ("Colette", "Marchand"), ("Yusuf", "Demirci"), ("Aoife", "Gallagher"),
    ("Kwame", "Asante"), ("Leila", "Haddad"), ("Grigor", "Petrosyan"), ("Sunniva", "Haugen"),
    ("Rafael", "Quintero"), ("Mei", "Takahashi"), ("Oluwaseun", "Adeyemi"), ("Branka", "Kovačević"),
    ("Callum", "McAllister"), ("Noor", "Siddiqui"), ("Viktor", "Halvorsen"), ("Esther", "Abramowitz"),
    ("Matteo", "Galli"),
]
TOWNS = ["Carrow Bridge", "Eastmere", "Port Halden", "Wrexford", "Millbrook", "Saltcombe",
         "Kingsholm", "Ardley Vale", "Fenwick", "Thornbury", "Ravensworth", "Lowestead"]


@dataclass
class Story:
    key: str
    section: str
    headline: str
    standfirst: str
    paras: list[str]
    subheads: dict[int, str] = field(default_factory=dict)
    bullets: list[str] = field(default_factory=list)
    bullets_at: int = 2
    table: tuple | None = None
    table_at: int = 3
    blockquote: str | None = None
    blockquote_at: int = 4
    pull: int | None = None
    caption: str = ""
    tweet: tuple[str, str] | None = None
    tags: list[str] = field(default_factory=list)


STORIES = [
    Story(
        key="flood", section="Environment",
        headline="River breaches defences as {town} evacuates low-lying streets",
        standfirst="Hundreds of households were told to leave their homes overnight after water "
                   "rose above a flood wall that engineers had warned was close to failing.",
        paras=[
            "Emergency crews began moving residents out of the riverside district of {town} shortly "
            "after midnight, when the water level at the town gauge passed 4.2 metres, the highest "
            "reading since records began in 1968.",
            "The county council said 640 properties were inside the evacuation zone and that a "
            "leisure centre and two school halls had been opened as rest centres. By morning about "
            "300 people had registered there; the rest were believed to be staying with relatives.",
            "“We had perhaps forty minutes between the first overtopping and water in the streets,” "
            "said {A}, the council’s head of emergency planning. “Everyone who needed to be out is "
            "out. Nobody has been hurt, and that is what matters tonight.”",
            "The flood wall along Quay Street was built in 1991 and was meant to protect against a "
            "one-in-a-hundred-year flood. An inspection report published last spring rated two of "
            "its sections as “poor” and recommended repairs that have not yet been carried out.",
            "{B}, a hydrologist at the regional university who has studied the catchment for two "
            "decades, said the report should have been acted on. “The wall was not designed for "
            "the rainfall we are now seeing in a single week,” she said.",
            "Comments from residents gathered by the council during last year’s consultation on the "
            "repairs, and published in its minutes, show that many had warned of exactly this. One "
            "wrote that the river “comes higher every winter and nobody with a budget seems to notice”.",
            "The Environment Agency said further rain was expected on Thursday and that the river "
            "would stay high for at least two days. Sandbags were being handed out at the fire "
            "station on Mill Lane until 10pm.",
            "Rail services between {town} and the coast were suspended, and the main road bridge was "
            "closed to traffic as a precaution while engineers checked its foundations.",
        ],
        subheads={3: "Warnings about the wall"},
        pull=2, caption="Residents wade through floodwater on Quay Street in {town} on Wednesday",
        tweet=("Water now over the Quay Street wall. Please follow the instructions of crews on the "
               "ground and do not drive through flood water.", "{town} Fire and Rescue"),
        tags=["Flooding", "Weather", "Local government"]),
    Story(
        key="rates", section="Business",
        headline="Central bank holds rates but signals cut could come by summer",
        standfirst="Policymakers voted seven to two to keep borrowing costs unchanged, while "
                   "lowering their forecast for inflation next year.",
        paras=[
            "The central bank left its main interest rate at 4.75 per cent on Thursday, as most "
            "economists had expected, but its statement dropped a line saying that policy would "
            "need to stay “restrictive for an extended period”.",
            "Two members of the nine-strong committee voted for an immediate cut of a quarter of a "
            "percentage point, arguing that the labour market was cooling faster than the bank’s "
            "own projections had assumed.",
            "Governor {A} told a news conference that the committee wanted to see “a few more months "
            "of evidence” that wage growth was easing before it moved. “We are not in a hurry, but "
            "we are not standing still either,” {A_} said.",
            "The bank now expects consumer price inflation to fall to 2.3 per cent by the end of next "
            "year, down from the 2.8 per cent it forecast in November. Growth is projected at 0.9 per "
            "cent this year, revised down from 1.1 per cent.",
            "Markets moved quickly to price in a first cut in June. The currency fell 0.6 per cent "
            "against the dollar in the minutes after the announcement, and two-year government bond "
            "yields dropped to their lowest level since March.",
            "{B}, chief economist at a savings bank, said the shift in tone mattered more than the "
            "decision itself. “This is the committee preparing the ground. Households on variable "
            "mortgages will be relieved, savers less so,” {B_} said.",
            "Business groups welcomed the change of language but said it came late. A survey of "
            "1,200 small firms published on Monday found that a third had postponed investment "
            "because of the cost of credit.",
        ],
        table=("Forecasts of the central bank, per cent", ["", "This year", "Next year"],
               [["Inflation", "3.1", "2.3"], ["Growth", "0.9", "1.4"], ["Unemployment", "4.6", "4.9"]]),
        table_at=3, pull=5, caption="Governor {A} speaks to reporters after the rate decision",
        tags=["Interest rates", "Economy", "Inflation"]),
    Story(
        key="strike", section="UK",
        headline="Bus drivers in {town} vote to strike over shift patterns",
        standfirst="The union says split shifts of up to fourteen hours have become routine; the "
                   "operator says it has offered a pay rise above inflation.",
        paras=[
            "Bus drivers employed by the largest operator in {town} have voted by 87 per cent to "
            "walk out for five days next month, in a dispute that the union says is about working "
            "hours rather than pay.",
            "Turnout in the ballot was 71 per cent, well above the legal threshold of 50 per cent. "
            "About 420 drivers would take part, and the union said most routes in the town would "
            "run a reduced service or none at all.",
            "{A}, the union’s regional organiser, said drivers were being asked to work split shifts "
            "that began before six in the morning and ended after seven at night, with unpaid gaps "
            "in between. “Nobody can plan a life around that,” she said.",
            "The operator said it had offered a 6.5 per cent rise and a guaranteed minimum break "
            "between shifts, and described the strike as “disappointing and unnecessary”. It urged "
            "the union to return to talks at the conciliation service.",
            "Passengers’ groups said the timing was bad for students and hospital staff. “People "
            "without a car have no other way to get to work,” said {B}, who chairs a local "
            "transport users’ forum.",
            "The council, which subsidises evening and Sunday routes, said it was not a party to the "
            "dispute but had asked both sides to keep school services running.",
        ],
        bullets=["Five days of strikes are planned from the 14th of next month",
                 "Around 420 drivers at three depots are involved",
                 "School buses and the hospital shuttle may be exempted if talks resume"],
        bullets_at=1, caption="Buses parked at the depot on Station Road",
        tags=["Strikes", "Transport", "Unions"]),
    Story(
        key="court", section="Technology",
        headline="Court rules retailer broke privacy law with in-store face scanning",
        standfirst="Judges found that shoppers were never properly told their faces were being "
                   "compared with a watch list, and ordered the data deleted.",
        paras=[
            "A supermarket chain acted unlawfully when it used cameras to scan the faces of "
            "customers in 35 of its stores, the appeal court ruled on Tuesday, in the first "
            "judgment of its kind in the country.",
            "The system compared each shopper’s face with a list of people the company suspected of "
            "shoplifting or abusive behaviour. Signs at store entrances mentioned “CCTV in "
            "operation” but said nothing about facial recognition.",
            "Writing for the court, Judge {A} said that processing biometric data required a clear "
            "legal basis and that “a sign which tells a shopper nothing about what is actually "
            "happening to their face cannot be the foundation of consent”.",
            "The case was brought by {B}, a retired teacher who was stopped by security staff at a "
            "store in {town} after being wrongly matched to a photograph on the list. She said she "
            "had been “treated like a thief in front of my neighbours”.",
            "The company said it was disappointed and would study the judgment. It switched off the "
            "cameras in January, when the regulator opened its own investigation, and said no "
            "images had been shared with the police.",
            "Privacy campaigners said the ruling would affect other retailers that had been "
            "testing similar systems. {C}, a lawyer at a digital rights group, called it “a line "
            "in the sand for the whole high street”.",
            "The court ordered the chain to delete the watch list and all images collected, and to "
            "pay {B_}’s legal costs. It did not award damages, saying that question should go back "
            "to the lower court.",
        ],
        blockquote="“Consent that is not informed is not consent at all. The law asks for more than a "
                   "notice in small print by the door, and the respondent gave less than that.”",
        blockquote_at=2, pull=3, caption="A camera above the entrance of one of the chain’s stores",
        tags=["Privacy", "Courts", "Retail"]),
    Story(
        key="wildfire", section="World",
        headline="Thousands flee as wildfire jumps highway near {town}",
        standfirst="Strong winds pushed the fire across a four-lane road on Sunday, forcing the "
                   "closure of the main route south and the evacuation of three villages.",
        paras=[
            "More than 4,000 people were ordered to leave their homes on Sunday afternoon as a "
            "wildfire that began in pine forest two days ago crossed the highway north of {town}.",
            "Firefighters said gusts of up to 70 kilometres an hour had carried embers several "
            "hundred metres ahead of the flames. Six water-bombing aircraft were working the "
            "eastern edge of the fire until dusk, when they had to be grounded.",
            "Regional fire chief {A} said crews were concentrating on protecting houses rather than "
            "trying to stop the front. “In this wind, nobody stops a fire of this size. We steer "
            "it, and we keep people out of its way,” {A_} said.",
            "The fire had burned about 6,800 hectares by Sunday evening, according to the regional "
            "government. Two firefighters were treated for smoke inhalation; no other injuries "
            "were reported.",
            "Residents of the hillside village of Santa Irene described leaving with minutes to "
            "spare. “We took the dog, the papers and my mother’s medicine, and that was it,” said "
            "{B}, who drove to a sports hall in {town} that was being used as a shelter.",
            "The area has had almost no rain since April. Forecasters said temperatures would stay "
            "above 38C until at least Wednesday, with little relief from the wind before Tuesday.",
            "The national government said it had asked two neighbouring countries for additional "
            "aircraft under a European assistance scheme.",
        ],
        pull=2, caption="A firefighter watches flames approach the highway north of {town}",
        tweet=("Evacuation order extended to Santa Irene, Los Pinos and El Collado. Go to the "
               "sports hall in {town}. Do not return until told it is safe.", "Regional Civil Protection"),
        tags=["Wildfires", "Climate", "Europe"]),
    Story(
        key="dig", section="Science",
        headline="Builders uncover Roman bathhouse beneath car park",
        standfirst="Archaeologists say the remains, found during work on new flats, are the "
                   "best preserved of their kind in the region.",
        paras=[
            "Workers digging foundations for a block of flats in {town} have found the remains of a "
            "Roman bathhouse, including a heated floor and part of a plunge pool, under what was "
            "until last year a council car park.",
            "The site was excavated over eleven weeks by a team from a commercial archaeology firm, "
            "as required by the planning permission. The developer has agreed to redesign the "
            "foundations so that the best-preserved rooms can be kept in place.",
            "{A}, who led the excavation, said the find had surprised everyone. “We expected "
            "perhaps a ditch and some pottery. Instead, on the fourth day, we hit a floor supported "
            "on little stacks of tiles, which is how the Romans heated a room,” {A_} said.",
            "Coins found in the rubble suggest the baths were in use in the late second century and "
            "abandoned about a hundred years later. Fragments of painted plaster in red and green "
            "show that at least one room was decorated.",
            "The county’s archaeological adviser, {B}, said the discovery changed what was known "
            "about the settlement, which had been thought to be a small roadside village rather "
            "than a place wealthy enough to build public baths.",
            "The site will be open to the public for two weekends before building resumes. The "
            "finds will go to the town museum once they have been cleaned and recorded.",
        ],
        subheads={3: "A town richer than thought"},
        bullets=["A heated floor (hypocaust) with more than sixty tile stacks",
                 "Part of a cold plunge pool lined with waterproof mortar",
                 "Coins from the reigns of several emperors, the latest from the third century"],
        bullets_at=2, caption="Archaeologists clean the heated floor of the bathhouse",
        tags=["Archaeology", "History", "Planning"]),
    Story(
        key="hospital", section="Health",
        headline="Patients waiting longer for routine surgery than five years ago, audit finds",
        standfirst="The audit office says the number of people waiting more than a year has "
                   "tripled, and that plans to bring it down rely on staff who have not been hired.",
        paras=[
            "Almost one in five patients waiting for a hip or knee replacement has now waited "
            "longer than a year, according to a report by the national audit office published on "
            "Wednesday.",
            "The report found that 48,300 people had been on the list for more than twelve months "
            "in March, against 15,900 five years earlier. The median wait for routine orthopaedic "
            "surgery rose from 11 weeks to 19.",
            "Auditors said the health service’s recovery plan assumed that 2,400 more theatre "
            "nurses and anaesthetists would be in post by the end of next year, but that fewer than "
            "900 had been recruited so far.",
            "{A}, who heads the audit office, said the figures described “a system running to stand "
            "still”. She added that some regions were doing much better than others, and that the "
            "reasons were not well understood.",
            "The health ministry said waiting lists had fallen for four consecutive months and that "
            "a new surgical hub in {town} would treat 9,000 patients a year when it opened.",
            "Patients’ groups said the averages hid real hardship. {B}, 71, from {town}, said she "
            "had been waiting 14 months for a knee operation and now used a wheelchair outside the "
            "house. “I was walking my grandchildren to school a year ago,” she said.",
            "The report recommends that the ministry publish waiting times by hospital every month "
            "and set out how it will pay for the extra staff.",
        ],
        table=("People waiting more than a year for routine surgery", ["Year", "Patients"],
               [["Five years ago", "15,900"], ["Three years ago", "31,200"], ["Last year", "44,750"],
                ["This March", "48,300"]]),
        table_at=1, pull=5, caption="A surgical team at work in an operating theatre",
        tags=["Health", "Hospitals", "Public spending"]),
    Story(
        key="election", section="Politics",
        headline="Greens take control of {town} council for the first time",
        standfirst="The party won nine seats on a night when the two largest parties both lost "
                   "ground, leaving it one seat short of a majority but able to lead.",
        paras=[
            "The Green Party will run {town} council after gaining nine seats in Thursday’s local "
            "election, the first time it has been the largest group on any council in the region.",
            "The count, which went on until the early hours of Friday, left the Greens with 24 of "
            "the 49 seats. The Liberal Democrats, with eight, said they would support a Green "
            "administration on a vote-by-vote basis.",
            "{A}, who is expected to become council leader, said voters had backed the party’s "
            "plans for cheaper bus fares and new cycle lanes. “People want a town they can get "
            "around without spending a fortune,” {A_} told supporters at the count.",
            "Turnout was 34 per cent, two points lower than four years ago. In two wards the result "
            "was decided by fewer than twenty votes, and one recount was needed.",
            "The Conservatives, who had led the council since 2015, fell from 21 seats to 11. Their "
            "group leader, {B}, said the national picture had been “impossible to campaign against” "
            "and congratulated the winners.",
            "Labour held steady on six seats. Independents won the remaining seats, including one "
            "taken by a candidate who campaigned only against the closure of the town’s swimming pool.",
        ],
        table=("Seats on {town} council", ["Party", "Seats", "Change"],
               [["Green", "24", "+9"], ["Conservative", "11", "-10"], ["Liberal Democrat", "8", "+1"],
                ["Labour", "6", "0"], ["Independent", "0", "0"]]),
        table_at=1, pull=2, caption="Counting staff sort ballot papers at the leisure centre",
        tags=["Local elections", "Green Party", "Politics"]),
    Story(
        key="stadium", section="Sport",
        headline="Club unveils plans for 30,000-seat stadium on former rail yard",
        standfirst="The move would take the club out of the ground it has played in for 112 years; "
                   "supporters are split.",
        paras=[
            "{town} United have published plans for a new stadium on the site of the disused "
            "railway sidings east of the town centre, with a capacity almost double that of their "
            "current ground.",
            "The club says the £240m project would be paid for by its owners and by the sale of the "
            "old ground for housing. A planning application is expected in the autumn, and the "
            "club hopes to play its first match there in four years.",
            "Chief executive {A} said the club could not compete with its neighbours while it "
            "played in a ground with 16,500 seats. “Every home game we turn away people who want "
            "to watch us. That money goes elsewhere,” {A_} said.",
            "Supporters’ trust chair {B} said members had mixed feelings. A poll of 2,100 members "
            "found 54 per cent in favour of moving, 31 per cent against and the rest undecided.",
            "Residents near the rail yard raised questions about traffic and parking on match days. "
            "The plans include a new station on the branch line and 900 parking spaces, which the "
            "club says is fewer than at similar grounds.",
            "Many fans who commented online said the atmosphere of the old ground could not be "
            "moved with the team. Others pointed out that the club had been promising a new "
            "stadium since the 1990s and said they would believe it when they saw it.",
        ],
        subheads={4: "Traffic and trains"}, pull=2, caption="An artist’s impression of the proposed stadium",
        tweet=("Today we share our vision for a new home. Thank you to every supporter who has "
               "given us their views over the past year.", "{town} United"),
        tags=["Football", "Stadiums", "Planning"]),
    Story(
        key="drought", section="Farming",
        headline="Farmers ordered to stop drawing river water as drought deepens",
        standfirst="Abstraction licences on three rivers have been suspended for the first time "
                   "in thirty years, putting this year’s potato and vegetable crops at risk.",
        paras=[
            "Farmers across the eastern plain have been told to stop taking water from three rivers "
            "for irrigation, after flows fell below the level at which the regulator says wildlife "
            "is at risk.",
            "The suspension affects about 380 licence holders. It will stay in place until flows "
            "recover, which the regulator said was unlikely before the autumn rains.",
            "{A}, who grows potatoes and onions on 400 hectares near {town}, said he expected to "
            "lose a third of his crop. “You cannot grow a potato without water in a summer like "
            "this one. We will harvest what we can and hope the buyers understand,” he said.",
            "Rainfall in the region has been 42 per cent of the long-term average since March, and "
            "groundwater levels in some boreholes are the lowest recorded.",
            "The farmers’ union said the decision was understandable but that the government should "
            "help growers build reservoirs to store winter rain. Only one in ten irrigating farms "
            "in the area has its own reservoir.",
            "Environmental groups said the suspension had come too late for some stretches. {B}, "
            "an ecologist, said volunteers had rescued fish from pools that were drying out on the "
            "upper river.",
            "Supermarkets said they did not expect shortages but warned that some vegetables might "
            "be smaller than usual.",
        ],
        pull=2, caption="Cracked mud on the bed of an irrigation reservoir near {town}",
        tags=["Drought", "Farming", "Water"]),
    Story(
        key="phones", section="Education",
        headline="Schools report calmer classrooms a year after phone ban",
        standfirst="Head teachers say fewer lessons are disrupted, but researchers warn it is too "
                   "early to say whether grades have improved.",
        paras=[
            "Secondary schools in {town} that banned pupils from using mobile phones during the "
            "school day say lessons have become calmer and playground fights filmed on phones have "
            "all but stopped.",
            "Twelve of the area’s fourteen secondary schools introduced the ban last September. "
            "Pupils can bring phones but must keep them switched off in a locked pouch until the "
            "end of the day.",
            "{A}, head teacher of one of the schools, said the difference was obvious by the second "
            "week. “The lunch hall is noisy again. Children are talking to each other instead of "
            "scrolling,” she said.",
            "A survey of 3,400 pupils by the council found that 58 per cent thought the ban was a "
            "good idea, though support fell to 41 per cent among sixteen-year-olds.",
            "Comments written by pupils in the survey, which the council has published without "
            "names, were often blunt. “It is annoying but I sleep better,” wrote one. Another said "
            "the pouches were “easy to open with a magnet, everyone knows that”.",
            "{B}, an education researcher, said exam results would not show any effect for another "
            "two years, and that schools which chose to ban phones might differ from those that did "
            "not in other ways.",
            "The two schools that have not joined the ban said they preferred to teach pupils to "
            "manage their own phone use.",
        ],
        subheads={4: "What pupils said"}, pull=4, caption="Pupils lock their phones in pouches at the school gate",
        tags=["Schools", "Mobile phones", "Children"]),
    Story(
        key="talks", section="World",
        headline="Ceasefire talks resume with prisoner exchange on the table",
        standfirst="Negotiators met for the first time in six weeks, with mediators saying a "
                   "swap of detainees could be agreed within days.",
        paras=[
            "Delegations from both sides returned to talks in Geneva on Monday, with mediators "
            "saying that an exchange of about 200 detainees was the most likely first step towards "
            "a wider ceasefire.",
            "The previous round broke down in early spring after each side accused the other of "
            "shelling civilian areas during a declared pause in fighting.",
            "Chief mediator {A} said the atmosphere in the room had been “businesslike, which is "
            "more than we could say last time”. She declined to say whether the two delegations had "
            "met face to face.",
            "Families of detainees gathered outside the venue holding photographs. {B}, whose son "
            "has been held for fourteen months, said she had travelled for two days to be there. "
            "“I only want to know that he is alive,” she said.",
            "A diplomat briefed on the talks said the main obstacle was not the number of "
            "prisoners but the lists: each side wants to choose who is released.",
            "The talks are expected to last until Thursday. Neither delegation made a statement on "
            "arrival.",
        ],
        blockquote="“We will not trade the principle of sovereignty for a photograph with the "
                   "mediators. But we are ready to bring people home.”",
        blockquote_at=4, pull=3, caption="Relatives of detainees hold photographs outside the talks venue",
        tweet=("Talks have resumed this morning in Geneva. We thank both delegations for their "
               "presence and call on all parties to engage in good faith.", "{A}"),
        tags=["Diplomacy", "Conflict", "Human rights"]),
    Story(
        key="chips", section="Technology",
        headline="Chipmaker picks {town} for its first factory outside Asia",
        standfirst="The plant would employ 1,800 people when it opens in 2029, but depends on "
                   "government subsidies that have yet to be approved.",
        paras=[
            "A semiconductor company has chosen a former steelworks site in {town} for a factory "
            "making chips for cars and industrial machines, in what ministers called the largest "
            "foreign investment in the region for a generation.",
            "The company said the plant would cost about €9bn and create 1,800 jobs directly, with "
            "several thousand more at suppliers. Construction is due to start next year.",
            "Its chief executive, {A}, said the site had been chosen for its power supply, its "
            "water and the local engineering college. “We looked at nineteen places. This one had "
            "people who already know how to build things,” {A_} said.",
            "The investment depends on state aid of up to €3bn, which must be approved by the "
            "European Commission. The economy ministry said it was confident approval would come "
            "before the end of the year.",
            "Economists were more cautious. {B}, who studies industrial policy, said similar "
            "projects elsewhere had been delayed or scaled back when demand for chips fell.",
            "In {town}, where unemployment is almost twice the national rate, the news was welcomed. "
            "“My father worked at the steelworks until it shut,” said {C}, who runs a café near the "
            "site. “If my son can work on the same land, that would be something.”",
        ],
        subheads={4: "A question of subsidies"}, pull=2, caption="The former steelworks site where the factory would be built",
        tags=["Semiconductors", "Industry", "Jobs"]),
    Story(
        key="heat", section="Climate",
        headline="Grid operator asks households to cut use as heatwave strains supply",
        standfirst="Demand for air conditioning hit a record on Tuesday evening, while low rivers "
                   "forced two power stations to reduce output.",
        paras=[
            "The national grid operator asked households to avoid running washing machines and "
            "dishwashers between 5pm and 9pm on Wednesday, after demand reached a record of 68.4 "
            "gigawatts the previous evening.",
            "Two river-cooled power stations had to cut their output because the water they draw "
            "was too warm to be returned to the river without harming fish, the operator said.",
            "“We have enough capacity if people spread their use through the day,” said {A}, the "
            "operator’s director of system operations. “This is a request, not an emergency.”",
            "Temperatures reached 41.2C in {town} on Tuesday, a record for the month. The weather "
            "service kept its highest heat warning in place for the south and centre of the country.",
            "Hospitals reported a rise in admissions for heat exhaustion, mainly among older people. "
            "The health ministry reminded people to check on neighbours who live alone.",
            "{B}, an energy analyst, said the episode showed the need for more storage. “Solar "
            "output is highest at midday, but demand peaks after sunset. Batteries exist to bridge "
            "exactly that gap,” {B_} said.",
        ],
        pull=5, caption="A thermometer on a pharmacy sign shows 43C in {town}",
        tags=["Heatwave", "Energy", "Climate"]),
    Story(
        key="museum", section="Culture",
        headline="Museum agrees to return bronze sculptures taken in 1897",
        standfirst="The decision follows three years of talks and makes the museum the latest in "
                   "Europe to hand back objects looted during a colonial military expedition.",
        paras=[
            "The city museum in {town} will return 31 bronze sculptures and plaques to Nigeria, "
            "its trustees announced on Friday, after concluding that they were taken by force.",
            "The objects were among thousands removed from Benin City by a British military "
            "expedition in 1897 and later sold. The museum bought most of them at auction between "
            "1901 and 1935.",
            "{A}, the chair of trustees, said research by the museum’s own curators had left “no "
            "honest alternative”. She said the objects would go back next spring, and that the two "
            "sides were discussing loans of some pieces back to {town}.",
            "{B}, an art historian who advised the Nigerian commission that requested the return, "
            "called the decision “a matter of simple justice that took far too long”.",
            "Not everyone agrees. A group of donors whose families gave money to the museum wrote "
            "to the trustees last year arguing that the collection should stay together.",
            "The bronzes will remain on display until the end of January, with new labels "
            "explaining how they came to be in the museum.",
        ],
        pull=2, caption="A bronze plaque on display at the city museum",
        tags=["Museums", "Restitution", "Art"]),
    Story(
        key="launch", section="Science",
        headline="Weather satellite reaches orbit after two delays",
        standfirst="The satellite will give forecasters images of the whole hemisphere every ten "
                   "minutes, and can spot lightning from space.",
        paras=[
            "A European weather satellite was launched successfully on Tuesday evening after two "
            "postponements caused by high winds at the launch site.",
            "The rocket lifted off at 21:04 local time and released the satellite about 35 minutes "
            "later. Ground controllers confirmed shortly afterwards that its solar panels had "
            "opened.",
            "Mission manager {A} said the team had been “on the edge of our seats” until the first "
            "signal arrived. The satellite will take about three weeks to reach its final position "
            "36,000 kilometres above the equator.",
            "Its main camera will scan the full disc of the Earth every ten minutes, and a smaller "
            "area over Europe every two and a half minutes, twice as often as the satellite it "
            "replaces.",
            "A lightning imager on board will record flashes day and night, which forecasters say "
            "will help them warn of violent storms earlier. {B}, a meteorologist, said the "
            "instrument “will change how we forecast summer thunderstorms”.",
            "The first images are expected in about two months, after the instruments have been "
            "tested and calibrated.",
        ],
        subheads={3: "What it will see"}, pull=2, caption="The rocket lifts off from the launch pad",
        tags=["Space", "Weather", "Satellites"]),
]
