"""Closed word classes of news English that the extraction rules lean on.

These are general-language lists (function words, titles, month names, speech verbs), not names
from any article: the rules must work on articles nobody here has seen. Each list says why it
exists; keep additions general.
"""

from __future__ import annotations


from ..dates import MONTHS, WEEKDAYS  # noqa: F401 — the calendar's names, read here as lx.MONTHS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CAPITALISED_FUNCTION_WORDS = _words("""
    A An The This That These Those It Its It's He His Him She Her Hers They Them Their We Our Us I
    My Me You Your In On At By For From To Of With Without Within Into Onto Over Under After Before
    During Since Until Till As If When While Where Whereas Why How What Which Who Whom Whose Whether
    And But Or Nor So Yet Also Although Though However Meanwhile Moreover Furthermore Nevertheless
    Still Then Thus Hence Therefore Instead Indeed Besides Likewise Otherwise Here There Now Today
    Yesterday Tomorrow Tonight Both Each Every Either Neither Some Many Most Much More Few Several
    All Any No Not None One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last
    Next Another Other Such Only Even Just Please Yes According Amid
    Among Amongst Across Against Along Around Despite Except Following Including Like Near Per
    Regarding Through Throughout Toward Towards Upon Via Once Unlike Given Asked Speaking Earlier
    Later Recently Separately Additionally Ahead Back Why Well Oh OK Okay Let Perhaps Maybe Dear
    Hi Hello Thank Thanks Sources Officials Analysts Experts Critics Reports Read Watch Click Also
    Nobody Everyone Everybody Someone Somebody Anyone Anybody Nothing Everything Something Anything
    Residents Witnesses Investors Voters
    Is Are Was Were Do Does Did Has Have Had Can Could Would Should Shall Might Must
""")
"""Words capitalised only because a sentence starts with them; never an entity on their own."""

TITLE_HEADS = _words("""
    President Minister Secretary Chancellor Premier Governor Senator Sen Representative Rep
    Congressman Congresswoman Ambassador Envoy Spokesperson Spokesman Spokeswoman Chairman
    Chairwoman Chairperson Chair Director CEO CFO COO CTO Officer Commissioner Mayor King Queen
    Prince Princess Sheikh Emir Pope Admiral Marshal Colonel Col Captain Capt Lieutenant Lt Judge
    Justice Adviser Advisor Counsellor Counselor Leader Speaker Founder Editor Professor Prof
    Inspector Superintendent Sergeant Commander Chief Gen Brig Brigadier Deputy-Governor
    Vice-President Vice-Chancellor Secretary-General Director-General Attorney-General Economist
    Analyst Minister-in-charge MP MLA MEP Diplomat Negotiator Coach Manager Partner Head
    Gov Supt Sgt Det Insp Cllr PM EAM CM FM HM
""")
"""Words that end a title before a person's name ("US Secretary of State Marco Rubio")."""

GENERAL_TITLE_BEFORE = _words("Attorney Secretary Director Solicitor Inspector Surgeon Major Lieutenant "
                              "Brigadier Consul Accountant Auditor Postmaster")
""""General" is a title head only after these ("Attorney General"), not in "General Motors"."""

HONORIFICS = _words("Mr Mrs Ms Mx Dr Sir Dame Lord Lady Shri Smt Sri Mrs. Mr. Ms. Dr.")
"""Courtesy titles: mark a person without naming a role."""

TITLE_MODIFIERS = _words("""
    Prime Vice Deputy Foreign External Affairs Home Finance Defence Defense Trade Commerce Union State
    Junior Senior Chief Executive Principal General Attorney Health Education Interior Energy Labour
    Labor Environment Agriculture Industry Treasury Transport Railways Culture Justice Law Economic
    Minority Majority Opposition Party Army Navy Air Force Police National Security Special Managing
    Acting Former Ex-officio Interim Regional Provincial Federal Assistant Associate Permanent Joint
    Principal Cabinet Parliamentary Presidential Commerce Information Communications Foreign-Affairs
    Finance Petroleum Mines Steel Power Water External-Affairs Tech Technology Science Lead
""")
"""Words that may sit inside a title ("External Affairs Minister")."""

DEMONYMS = _words("""
    American Americans Indian Indians Chinese Japanese Russian Russians British French German
    Germans Italian Spanish Australian Australians Canadian Canadians Pakistani Pakistanis
    Bangladeshi Nepali Nepalese Sri Lankan Afghan Iranian Iraqi Israeli Israelis Palestinian
    Palestinians Saudi Emirati Turkish Egyptian Ukrainian Ukrainians Korean Koreans Taiwanese
    Vietnamese Thai Indonesian Malaysian Singaporean Filipino Brazilian Mexican Argentine
    Argentinian Chilean Colombian Peruvian Venezuelan Cuban European Europeans Asian African
    Africans Western Eastern Northern Southern Arab Arabs Kenyan Nigerian Ethiopian Polish Dutch
    Swedish Norwegian Danish Finnish Swiss Austrian Belgian Greek Irish Scottish Welsh Portuguese
    Hungarian Czech Romanian Serbian Qatari Omani Kuwaiti Bahraini Yemeni Syrian Lebanese Jordanian
    Gulf Indo-Pacific Hindu Muslim Christian Sikh Buddhist Jewish Catholic Islamic Democrat
    Democrats Republican Republicans Tory Tories
""")
"""Nationality and group adjectives: capitalised but not names of entities by themselves."""

NON_ENTITY_ACRONYMS = _words("""
    GDP GNP CEO CFO COO CTO MD MP MLA MEP PM AI IT TV US-based MOU MoU MoUs PhD UN-backed FDI FY PTI
    ANI IANS AFP AP OK AM PM IST GMT UTC EST ET PST CET BST EDT PDT CST MST AEST JST KST SGT
    COVID COVID-19 ID PDF FAQ USD EUR GBP INR JPY CNY Rs EV EVs LNG LPG CCTV DNA HIV VIP NRI
    CSR ESG IPO ETF GST VAT SUV SUVs PR HQ R&D B2B Q1 Q2 Q3 Q4 H1 H2 YoY GW MW KW kW GWh MWh TWh
    KM KG CO2 EU-wide
    KB MB GB TB Mbps Gbps MHz GHz JPEG JPG PNG GIF DOC DOCX PPT PPTX XLS XLSX CSV HTML URL URLs
    SMS MMS USB GPS LED LCD PC PCs CPU GPU RAM SSD HD HDR VR API APIs ATM ATMs DVD DVDs CD CDs
    DIY SOS RSVP ASAP FYI LOL OMG BBQ MVP RPG CEOs MPs
""")
"""All-caps words that are common nouns, units, wire-agency credits or time zones, not entities."""

ORG_WORDS = _words("""
    Ministry Department Bank Corporation Corp Company Co Inc Ltd Limited LLC PLC Plc Group Agency
    Council Commission Committee Party University Institute Institution Association Federation
    Union Court Parliament Congress Senate Assembly Embassy Consulate Office Authority Board
    Organisation Organization Fund Foundation Trust Army Navy Force Forces Police Service Services
    Times Post News Journal Gazette Express Herald Tribune Telegraph Reuters Airlines Airways
    Industries Holdings Technologies Systems Motors Energy Petroleum Pharmaceuticals Bureau
    Secretariat Cabinet Government Administration Directorate Exchange Alliance Coalition League
    Society Centre Center College School Academy Network Media Studios Club Church Mission
    Commonwealth Tribunal Regulator Watchdog Brigade Command Corps Consortium Chamber Guild Museum
    Library Hospital Airport Port Capital Partners Research Television Radio Survey Ventures
    Investments Securities Labs Laboratories Solutions Brands Foods Insurance Entertainment
    Broadcasting Markets Associates Advisors Advisers Consulting Bancorp Registrar Registry
    Semiconductor Semiconductors Electronics Chemicals Logistics Telecom Telecoms Communications
    Robotics Aerospace Automotive Biotech Therapeutics Software
""")
"""Head words that make a capitalised name an organisation ("Reserve Bank of India")."""

STANDALONE_INSTITUTIONS = _words("Senate Parliament Congress Pentagon Kremlin Knesset Bundestag Duma")
"""Organisation head words that name one institution on their own; other head words alone
("the Ministry", "the Council") are generic and not entities."""

PLACE_WORDS = _words("""
    City Province State Island Islands River Sea Ocean Valley District County Region Street Road
    Avenue Square Strait Gulf Bay Peninsula Lake Mountains Mountain Hills Desert Airport Palace House
    Bhavan Bhawan Fort Bridge Canal Coast Park Stadium Village Town Territory Border Republic
    Kingdom Emirates Springs Basin Heights Falls Plains Highlands Glacier Reef Archipelago Delta Plateau
""")
"""Head words that make a capitalised name a place ("Hyderabad House", "Strait of Hormuz")."""

PLACE_PREPOSITIONS = _words("in near across outside inside throughout")

MOTION_VERBS = _words("""
    travel travels travelled traveled travelling traveling fly flies flew flying move moves moved
    drive drives drove go goes went return returns returned head heads headed sail sailed
""")
"""Verbs after which "to" leads to a place ("travel to Newcastle"); "to" alone does not ("spoke to
Smith")."""
"""Lower-case words after which a bare name is most likely a place ("met in Beijing")."""

TOPIC_HEADS = ORG_WORDS | _words("Panel Forum Conference Convention Summit Dialogue Subcommittee Taskforce")
"""Words after which "on" joins a topic to a name ("Panel on Climate Change", "Council on
Foreign Relations"); after any other word "on" ends the name ("Glasgow on Friday")."""

NAME_CONNECTORS = _words("of for on the de der den da di del van von bin bint al la le du y & es do dos das")
"""Lower-case words that may join the capitalised words of one name ("Bank of the West")."""

BEFORE_SAYING = _words("has had have also then later earlier previously once would will")
"""Tense and adverbs between a speaker and the verb of saying ("Wang Yi had then said"); with
them, any adverb in -ly ("Gabor famously said")."""
BEFORE_SAYING_PATTERN = r"(?:" + "|".join(sorted(BEFORE_SAYING)) + r"|[a-z]{3,}ly)"

SPEECH_VERBS = _words("""
    said says say saying told tells added adds stated states noted notes recalled recalls remarked
    explained explains asked asks argued argues wrote writes posted tweeted announced announces
    declared declares insisted insists warned warns claimed claims replied replies responded
    observed stressed stresses emphasised emphasized underlined underscored mentioned commented
    continued concluded acknowledged admitted suggested described called termed urged affirmed
    reiterated maintained contended conceded cautioned asserted highlighted pointed noted quipped
    told announced confirmed confirms denied denies predicted promised vowed hailed welcomed
    remembers remembered joked jokes recounted recounts exclaimed boasted complained complains
    lamented laments mused shouted yelled whispered pleaded
""")
"""Verbs that attribute speech: the subject next to them is the speaker."""

POSTNOMINALS = _words("KC QC SC MP MEP MLA MBE OBE CBE DBE KBE FRS")
"""Letters after a person's name ("Simon Agyeman KC"): not part of the name."""

ROLE_NOUNS = _words("""
    minister secretary president chairman chairwoman chair director officer commissioner mayor
    governor senator ambassador envoy spokesman spokeswoman spokesperson adviser advisor leader
    founder editor professor inspector superintendent commander chief economist analyst manager
    partner head executive author prosecutor barrister lawyer attorney solicitor judge researcher
    scientist official negotiator coach captain treasurer chancellor
""")
"""Lower-case role nouns that may stand right before a person's name ("chief executive Arjun
Khanna") or before an appositive name ("the health minister, Abdullahi Bello,")."""

ORG_CLASSIFIERS = _words("""
    firm company group maker manufacturer startup start-up lender bank insurer carrier airline
    retailer chain broadcaster newspaper journal magazine agency charity union investor conglomerate
    developer operator supplier producer publisher giant brokerage fund
""")
"""Lower-case nouns that class the name after them as an organisation ("shipping data firm
Kpler", "the journal Nature Geoscience")."""

GROUP_NOUNS = _words("""
    People Residents Locals Villagers Parents Students Workers Farmers Fans Protesters Employees
    Staff Members Customers Passengers Patients Families Neighbours Neighbors Children Women Men
""")
"""Plural nouns that open a sentence as a speaker ("People said, …"): a group, not a name."""

GENERIC_ORG_NOUNS = _words("""
    company firm group carrier airline lender bank insurer retailer regulator watchdog broadcaster
    union charity operator maker manufacturer developer club
""")
"""Nouns by which news refers back to an organisation already named ("Thames Water said …
a spokesman for the company said"), whatever its name."""

CLUB_TAILS = _words("United Rovers Athletic Wanderers Albion Hotspur Rangers FC AFC CF SC")
"""Last words of sports clubs' names ("Leeds United"): organisations, though named after a town."""

AGREEMENT_TAILS = _words("scheme programme program initiative treaty accord pact agreement deal act")
"""Lower-case nouns after a name that make it an agreement or initiative ("the FAME scheme")."""

INSTITUTION_TAILS = (
    "metropolitan borough council", "borough council", "county council", "city council",
    "district council", "town council", "parish council", "crown court", "magistrates' court",
    "magistrates court", "county court", "high court", "council", "police",
)
"""Lower-case institution words that, in British style, end an organisation's name ("Leeds
crown court", "Kent police"); longest first."""
