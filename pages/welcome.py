"""Welcome: the first start, step by step (S2): language, home currency, goal, skills, readiness.

It opens first on an empty database until it is finished or skipped; Settings can open it again.
"""

import streamlit as st

from tracker.demo import profile as demo
from tracker.i18n import N_
from tracker.reports.facade import Reports
from tracker.services import goals, settings
from tracker.services.skills import SkillInput, create_skill
from tracker.web import nav, state, widgets
from tracker.web.state import _

STEP_KEY = "welcome_step"
DASHBOARD = "pages/dashboard.py"
STEPS = (N_("Your language"), N_("Your home currency"), N_("Your monthly goal"), N_("What you are learning"),
         N_("Ready to start?"))


def go(step: int) -> None:
    """Move to another step and draw it."""
    st.session_state[STEP_KEY] = step
    st.rerun()


def finish(how: str) -> None:
    """Remember how the welcome ended (done, skipped, demo) and open the Dashboard."""
    if state.write(settings.set_setting, key="onboarded", value=how) is not None:
        st.session_state.pop(STEP_KEY, None)
        st.switch_page(DASHBOARD)


def buttons(step: int, ready: bool = True) -> bool:
    """Draw Back and Next (Finish on the last step); return True when Next was pressed."""
    back, forward = st.columns(2)
    if step and back.button(_("Back"), key=f"welcome_back_{step}", icon=":material/arrow_back:"):
        go(step - 1)
    label = _("Finish") if step == len(STEPS) - 1 else _("Next")
    return forward.button(label, key=f"welcome_next_{step}", type="primary", disabled=not ready)


def language_step() -> None:
    """Offer Bengali first, then English; store the choice and switch the app to it."""
    codes = list(widgets.LANGUAGE_NAMES)
    stored = state.read(settings.get_setting, "language")
    chosen = st.radio(_("Language"), codes, index=codes.index(stored) if stored in codes else 0,
                      format_func=widgets.LANGUAGE_NAMES.get, horizontal=True, key="welcome_language")
    if buttons(0) and state.choose_language(chosen):
        go(1)


def currency_step() -> None:
    """Ask for the home currency (taka unless the person lives on another)."""
    options, home = widgets.currency_options(), state.read(settings.home_currency)
    code = st.selectbox(_("Home currency"), options, index=options.index(home), key="welcome_currency")
    st.caption(_("The currency you spend and think in: every payment is converted into it at the rate "
                 "you received. It can change only until the first payment or expense is logged."))
    if buttons(1) and (code == home or state.write(settings.set_setting, key="home_currency",
                                                 value=code) is not None):
        go(2)


def goal_step() -> None:
    """Ask for the monthly net income goal, ৳1,00,000 unless the person wants another."""
    home, month = state.read(settings.home_currency), state.this_month()
    current = state.money(state.read(goals.goal_for_month, month), home, whole=True)
    target = st.text_input(_("Net income goal per month"), value=current, key="welcome_goal")
    st.caption(_("Net means after platform and transfer fees and your work expenses. One lakh taka a "
                 "month is reachable with real skill and persistence (S1); it applies from {month}.")
               .format(month=state.month(month)))
    if buttons(2) and state.write(goals.set_goal, target=target, valid_from=month) is not None:
        go(3)


def skills_step() -> None:
    """Let the person add the skills they are learning; list those added so far."""
    st.caption(_("Understand the field, learn one skill well, then start working (S2). Add the skill you "
                 "are learning now; more can follow on the Skills page."))
    form = widgets.form_key("welcome_skill")
    with st.form(form):
        name, kind = st.columns(2)
        typed = name.text_input(_("Skill"), key=f"{form}_name", placeholder=_("Logo design"))
        category = kind.selectbox(_("Kind of work"), state.read(Reports.skill_categories), format_func=_,
                                  key=f"{form}_category")
        added = st.form_submit_button(_("Add skill"))
    skill = state.write(create_skill, data=SkillInput(name=typed, category=category)) if added else None
    if skill is not None:
        widgets.saved("welcome_skill", _("Added {name}.").format(name=skill.name))
    known = state.read(Reports.skill_choices)
    if known:
        st.markdown("\n".join(f"- {state.plain(choice.label)}" for choice in known))  # typed names: as typed
    if buttons(3):
        go(4)


def ready_step() -> None:
    """Show the readiness checklist (S8); finishing ends the welcome."""
    st.caption(_("Five things to have before your first gig (S8). Tick what you have; the rest can wait "
                 "until you are ready. The list stays on the Guidance page."))
    widgets.readiness_checklist()
    if buttons(4):
        finish("done")


def try_demo() -> None:
    """Offer a demo profile instead of the steps."""
    with st.expander(_("Just looking? Try the app with demo data"), icon=":material/science:"):
        st.write(_("Six months of a made-up newcomer's journey, up to this month: learning, a mentor's "
                   "verdicts, first gigs, payments and expenses. Every demo record's name ends in "
                   "“(demo)”; Settings removes them all in one click and keeps your own records."))
        if st.button(_("Try with demo data"), key="welcome_demo", icon=":material/science:") and state.write(
                demo.load_demo) is not None:
            finish("demo")


nav.page_title(_("Welcome"))
st.write(_("This app keeps your freelance learning, clients, gigs and payments, and shows how close you "
           "are to your monthly goal. A few questions set it up for you."))
step = min(st.session_state.get(STEP_KEY, 0), len(STEPS) - 1)
st.progress((step + 1) / len(STEPS), text=_("Step {number} of {total}: {title}").format(
    number=state.number(step + 1), total=state.number(len(STEPS)), title=_(STEPS[step])))
(language_step, currency_step, goal_step, skills_step, ready_step)[step]()
st.divider()
try_demo()
if st.button(_("Skip the welcome"), key="welcome_skip", icon=":material/skip_next:"):
    finish("skipped")
