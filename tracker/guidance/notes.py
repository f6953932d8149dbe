"""Tips shown in place, in the situation they are about (tracker/advice.py decides when)."""

from __future__ import annotations

from tracker.guidance.base import N_, Tip

START_PATH = Tip("S2", N_("Where to begin"), N_(
    "Start where the path starts: find out what the work involves (the Guidance page), add the "
    "skill you are learning, and log your learning time. Paid work comes after that."))

UNAPPROVED_SKILL = Tip("S9", N_("No mentor has approved this skill yet"), N_(
    "That is all right, just go carefully. Your own work always looks fine to you, so show it to "
    "a mentor and record their verdict on the Skills page; take on bigger work in this skill once "
    "they say it is ready."))

CHECK_CLIENT = Tip("S18", N_("Check this client before you do more for them"), N_(
    "People who keep work unpaid, or who ask you for money first, are how newcomers lose weeks of "
    "work. Find out who they are before you go on."))

CLIENT_CHECKS = (
    N_("Search their name, company and website, and read what other freelancers say about them."),
    N_("On a marketplace, look at their payment verification, reviews and hiring history."),
    N_("Never pay to get work, a 'training' or a test task."),
    N_("Agree the work and the price in writing before you start, and keep the messages."),
    N_("When delivered work is unpaid, ask for the payment before you start anything new for them."),
)

SAY_NO = Tip("S4", N_("Saying no is your right"), N_(
    "You choose which work you take. Turning down work that goes against your principles is your "
    "right, and it keeps your income clean."))

KEEP_AT_IT = Tip("S5", N_("You are keeping at it"), N_(
    "Income month after month, or a month better than the last, is what persistence looks like. "
    "Keep learning and keep delivering."))

COME_BACK = Tip("S5", N_("Pick it up again"), N_(
    "Everyone has slow weeks. Half an hour of practice today, logged on the Skills page, gets you "
    "moving again; skill only pays when you keep at it."))

OWN_WEBSITE = Tip("S15", N_("Your own website takes patience"), N_(
    "A site of your own is slow to build and the first money comes late, but once it stands it "
    "can earn well. Keep other work going while it grows."))

GOAL_IS_REAL = Tip("S1", N_("The goal is real, the line is a guess"), N_(
    "A net ৳1,00,000 a month is within reach of real skill and persistence. The forecast only "
    "extends your recent months; better skill bends the line."))

TAKES_TIME = Tip("S19", N_("Give it time"), N_(
    "Online work takes many hours before it pays, and only real skill lasts. Read the forecast as "
    "a direction, not a promise, and keep adding learning hours."))

NOTES = (START_PATH, UNAPPROVED_SKILL, CHECK_CLIENT, SAY_NO, KEEP_AT_IT, COME_BACK, OWN_WEBSITE,
         GOAL_IS_REAL, TAKES_TIME)
