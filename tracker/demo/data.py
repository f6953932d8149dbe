"""The demo profile's records (tracker/demo.py stores them): a newcomer's first six months.

A date is `When`: (months before this month, day of month), the day kept inside the month and, in
this month, not after today; or ("ago", days before today). Money is typed the way a person types it.
The story: a first lesson in logo design; a mentor's "not yet", then "ready"; first small gigs on
Upwork and Fiverr paid in dollars at 120–123 taka; a direct client in Dhaka paying in taka; a few
expenses; one gig declined on principle (S4); one delivered gig still unpaid weeks later (S18).
"""

from __future__ import annotations

from typing import Any

When = tuple[Any, int]
LOGO, DATA = "logo", "data"
MENTOR = "Karim Hossain (demo mentor)"

SKILLS = {
    LOGO: {"name": "Logo design (demo)", "category": "graphic design", "stage": "earning",
           "note": "Started with a free course, then a paid one."},
    DATA: {"name": "Data entry (demo)", "category": "data entry", "stage": "practising"},
}

LEARNING = [  # skill, when, minutes, note
    (LOGO, (5, 2), 60, "First lesson: shapes, the pen tool, and what makes a logo work"),
    (LOGO, (5, 9), 90, "Typography basics"),
    (LOGO, (5, 21), 120, "Redrew five famous logos for practice"),
    (LOGO, (4, 4), 90, "Colour theory"),
    (LOGO, (4, 16), 120, "Three logos for imaginary shops, to show the mentor"),
    (LOGO, (3, 3), 60, "Fixed the spacing the mentor pointed out"),
    (DATA, (3, 12), 45, "Spreadsheet shortcuts"),
    (LOGO, (2, 6), 60, "Presenting a logo to a client"),
    (DATA, (2, 18), 60, "Cleaning a product list"),
    (LOGO, (1, 4), 90, "Brand guidelines"),
    (LOGO, (1, 22), 60, "Portfolio page"),
    (LOGO, ("ago", 1), 90, "Logo animation, a first try"),
]

REVIEWS = [  # skill, when, reviewer, verdict, notes
    (LOGO, (4, 25), MENTOR, "not yet",
     "The ideas are good; spacing and lettering need work. Redo three logos and show me again."),
    (LOGO, (3, 8), MENTOR, "ready", "Good enough for small jobs. Start with simple logos and cards."),
]

CLIENTS = {
    "bakery": {"name": "Bright Bakery (demo)", "platform": "Upwork", "country": "USA",
               "payment_verified": True, "notes": "Small family bakery; friendly, pays on time."},
    "prints": {"name": "Nordic Prints (demo)", "platform": "Fiverr", "country": "Norway",
               "payment_verified": True},
    "boutique": {"name": "Dhaka Boutique (demo)", "platform": "direct", "country": "Bangladesh",
                 "payment_verified": True, "notes": "Found through a friend; pays by bKash in taka."},
    "swift": {"name": "Swift Media (demo)", "platform": "Upwork", "country": "United Kingdom",
              "notes": "Slow to answer since the delivery."},
    "quick": {"name": "Quick Cash Agency (demo)", "platform": "other", "asks_upfront": True,
              "notes": "Asked for a 'registration fee' before any work."},
}

GIGS: dict[str, dict[str, Any]] = {
    "bakery_logo": {"title": "Simple logo for a bakery (demo)", "client": "bakery", "skill": LOGO,
                    "platform": "Upwork", "price": "25", "hours_worked": "4", "status": "paid",
                    "started_on": (3, 10), "delivered_on": (3, 14), "closed_on": (3, 18)},
    "card": {"title": "Business card (demo)", "client": "prints", "skill": LOGO, "platform": "Fiverr",
             "price": "15", "hours_worked": "2", "status": "paid",
             "started_on": (3, 20), "delivered_on": (3, 22), "closed_on": (3, 27)},
    "menu": {"title": "Menu card (demo)", "client": "bakery", "skill": LOGO, "platform": "Upwork",
             "price": "40", "hours_worked": "5", "status": "paid",
             "started_on": (2, 3), "delivered_on": (2, 8), "closed_on": (2, 12)},
    "banners": {"title": "Social media banners (demo)", "client": "prints", "skill": LOGO,
                "platform": "Fiverr", "price": "30", "hours_worked": "4", "status": "paid",
                "started_on": (2, 14), "delivered_on": (2, 17), "closed_on": (2, 23)},
    "cover": {"title": "Facebook cover for a boutique (demo)", "client": "boutique", "skill": LOGO,
              "platform": "direct", "price": "3,000", "currency": "BDT", "hours_worked": "3",
              "status": "paid", "started_on": (2, 20), "delivered_on": (2, 24), "closed_on": (2, 26)},
    "revisions": {"title": "Logo revisions (demo)", "client": "bakery", "skill": LOGO, "platform": "Upwork",
                  "pricing": "hourly", "price": "8", "hours_worked": "6", "status": "paid",
                  "started_on": (1, 2), "delivered_on": (1, 6), "closed_on": (1, 9)},
    "posters": {"title": "Poster series (demo)", "client": "swift", "skill": LOGO, "platform": "Upwork",
                "price": "60", "hours_worked": "7", "status": "delivered",
                "started_on": (1, 3), "delivered_on": (1, 10)},
    "betting": {"title": "Banners for a betting site (demo)", "client": "quick", "skill": LOGO,
                "platform": "other", "price": "100", "status": "declined", "closed_on": (1, 15),
                "decline_reason": "principles"},  # a DeclineReason code
    "shop_logo": {"title": "Shop logo (demo)", "client": "boutique", "skill": LOGO, "platform": "direct",
                  "price": "5,000", "currency": "BDT", "hours_worked": "5", "status": "paid",
                  "started_on": (0, 1), "delivered_on": (0, 3), "closed_on": (0, 5)},
    "labels": {"title": "Label design (demo)", "client": "prints", "skill": LOGO, "platform": "Fiverr",
               "price": "35", "hours_worked": "1.5", "status": "active", "started_on": (0, 2)},
    "price_list": {"title": "Price list data entry (demo)", "skill": DATA, "platform": "Upwork",
                   "price": "20", "status": "lead"},
}

PAYMENTS = [  # gig, when, money as typed
    ("bakery_logo", (3, 20), {"gross": "25.00", "platform_fee": "10%", "transfer_fee": "1.00",
                              "rate": "120.40"}),
    ("card", (3, 28), {"gross": "15.00", "platform_fee": "20%", "transfer_fee": "1.00", "rate": "120.75"}),
    ("menu", (2, 14), {"gross": "40.00", "platform_fee": "10%", "transfer_fee": "1.00", "rate": "121.20"}),
    ("banners", (2, 25), {"gross": "30.00", "platform_fee": "20%", "transfer_fee": "1.00",
                          "rate": "121.60"}),
    ("cover", (2, 26), {"gross": "3,000", "currency": "BDT"}),
    ("revisions", (1, 11), {"gross": "48.00", "platform_fee": "10%", "transfer_fee": "1.00",
                            "rate": "122.30"}),
    ("shop_logo", (0, 5), {"gross": "5,000", "currency": "BDT"}),
]

EXPENSES = [  # when, money as typed
    ((5, 5), {"amount": "2,500", "category": "training", "note": "Online graphic design course"}),
    ((4, 18), {"amount": "12.99", "currency": "USD", "rate": "120.10", "category": "membership",
               "note": "Design tool subscription"}),
    ((3, 12), {"amount": "1.50", "currency": "USD", "rate": "120.40", "category": "connects",
               "note": "Ten Upwork connects"}),
    ((2, 10), {"amount": "1,200", "category": "internet", "note": "Broadband"}),
    ((1, 10), {"amount": "1,200", "category": "internet", "note": "Broadband"}),
    ((0, 1), {"amount": "1,200", "category": "internet", "note": "Broadband"}),
]
