"""A newcomer's path, in seven steps, from the source articles' facts written in our own words.

Every point S1–S19 appears here at least once; tests/test_guidance.py checks it.
"""

from __future__ import annotations

from tracker.guidance.base import N_, Section, Tip

UNDERSTAND = Section("understand", N_("Understand the field"), N_(
    "Before you learn anything, know what this work is, who does it and what it can bring."), (
    Tip("S2", N_("First understand, then learn, then work"), N_(
        "Find out what freelancing involves, learn one skill properly, and only then look for "
        "paid work.")),
    Tip("S3", N_("Freelancing and outsourcing"), N_(
        "As a freelancer you are nobody's employee: you choose your projects and your hours. "
        "Outsourcing is the same deal seen from the client's side: a business abroad pays someone "
        "outside it, over the internet, to do part of its work.")),
    Tip("S10", N_("An old idea on a new road"), N_(
        "Handing work to outsiders is not new: one of the source articles traces it to 1889, in "
        "America and Europe. The internet only made the outsider's address irrelevant.")),
    Tip("S6", N_("No capital, no connections"), N_(
        "The work is done from home. Nobody needs to recommend you and you need no money to "
        "invest; around six lakh people in Bangladesh already earn in this sector.")),
    Tip("S7", N_("A sector with a future"), N_(
        "Demand keeps growing, and Bangladesh is already a big supplier of online work; one source "
        "article ranks it third in the world.")),
    Tip("S16", N_("People like you do it"), N_(
        "Students, young people who have not found a job, people out of work and many women in "
        "Bangladesh earn this way.")),
    Tip("S17", N_("Skills, not certificates"), N_(
        "Nobody will ask for a degree or a diploma. Clients look for someone who understands how "
        "online work goes and can deliver what they need.")),
    Tip("S12", N_("Kinds of work"), N_(
        "Common starting points are web design, AutoCAD drawing, search engine optimisation, data "
        "entry, editing, content writing, graphic design and animation, and there are many more. "
        "Each asks for talent, a sharp mind and patience.")),
    Tip("S1", N_("The goal is reachable"), N_(
        "Earning a net ৳1,00,000 a month is possible, but it comes from real skill and from "
        "keeping at it, not from luck.")),
))

GET_READY = Section("ready", N_("Get ready"), N_(
    "Put the basics in place first, so that a client's first message does not find you unprepared."), (
    Tip("S8", N_("Five things to have before you start"), N_(
        "A computer set up for your kind of work, an internet connection that does not drop, a "
        "phone for answering clients when you are out, a quiet and pleasant place kept for work, "
        "and a skill you can really deliver. Tick them off below as you get them.")),
    Tip("S14", N_("What no shop can sell you"), N_(
        "Besides the computer and the connection, the work takes intelligence, patience and many "
        "hours. With those, earning lakhs of taka a month becomes possible.")),
))

LEARN = Section("learn", N_("Learn, and get a mentor's approval"), N_(
    "Learn one skill properly and let someone experienced tell you when it is good enough to sell."), (
    Tip("S13", N_("Learn from someone who does the work"), N_(
        "Ask a freelancer who already earns with the skill to teach you, or join an institute that "
        "trains freelancers. Log your learning time on the Skills page and watch it add up.")),
    Tip("S9", N_("Let a mentor say when you are ready"), N_(
        "Watching a few videos does not make anyone an expert. Take a good course, practise on "
        "your own, and show your work to someone experienced. Start selling when they agree; "
        "until then, keep learning. Your own work will always look fine to you.")),
    Tip("S19", N_("It takes time"), N_(
        "Only people who have become good at online work last in it, and getting there takes many "
        "hours. Count your learning hours: they are what you are investing.")),
))

FIND_CLIENTS = Section("clients", N_("Find clients safely"), N_(
    "Learn where clients look for help, choose the work you take, and check who you are dealing with."), (
    Tip("S11", N_("Learn how work is found"), N_(
        "Knowing the skill is half of it. Learn how clients find freelancers online, on "
        "marketplaces such as Upwork and Fiverr or by direct contact, and build good relations with "
        "the people you work for.")),
    Tip("S18", N_("Check who you work for"), N_(
        "Some people or short-lived agencies offer to 'train' you and keep the work you do "
        "without paying. Look into any client or agency before you work for them.")),
    Tip("S4", N_("You choose the work you take"), N_(
        "Whether your income is clean depends on the work behind it. A website for a business is "
        "honest work; a website with adult content is not. You can always say no, and the Gigs "
        "page keeps your reason.")),
))

DELIVER = Section("deliver", N_("Price and deliver"), N_(
    "Settle what you will do and for how much, then deliver work you can stand behind."), (
    Tip("S11", N_("Agree before you start"), N_(
        "Settle what you will deliver, by when and for what price before you begin, on the "
        "platform or in a message you keep. Extra work later means a new price.")),
    Tip("S5", N_("Sell what you can really do"), N_(
        "Money comes once you are truly good at something. Take work you can finish well; a weak "
        "delivery costs more than the gig pays.")),
))

GET_PAID = Section("paid", N_("Get paid"), N_(
    "Work counts when the money reaches you; watch for work that stays unpaid."), (
    Tip("S18", N_("Unpaid work is a warning"), N_(
        "A 'free test' or a 'training' that ends with your work in someone else's hands is a known "
        "trick. When delivered work stays unpaid for two weeks, ask for the money and take nothing "
        "new from that client until it arrives.")),
    Tip("S1", N_("Count what reaches you"), N_(
        "The goal is net income: what the client paid, less the platform's and the transfer fees, "
        "in taka at the rate you really got, less what the work cost you. Log every payment that "
        "way and your progress tells the truth.")),
))

KEEP_GOING = Section("keep_going", N_("Keep going"), N_(
    "Income grows slowly at first. Keep learning, keep delivering, and widen your roads."), (
    Tip("S5", N_("Do not lose heart"), N_(
        "Everyone's first months are slow. Keep at it: a little learning every day and every "
        "delivered gig move you closer.")),
    Tip("S15", N_("A website of your own"), N_(
        "Selling through your own website is another road. It is slow to build and the money "
        "comes late, but once it stands it can earn a great deal.")),
    Tip("S19", N_("Give it the time it needs"), N_(
        "Plan in months, not days. This work rewards people who have become genuinely good at "
        "online work, and becoming good is slow.")),
))

SECTIONS = (UNDERSTAND, GET_READY, LEARN, FIND_CLIENTS, DELIVER, GET_PAID, KEEP_GOING)
PATH = tuple(tip for section in SECTIONS for tip in section.tips)
