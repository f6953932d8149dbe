"""Data: what is stored; downloads (payments, monthly summary, each table, a backup); importing a
statement with a preview; restoring a backup."""

from dataclasses import replace
from datetime import date

import streamlit as st

from tracker.db.config import shown_url
from tracker.db.contents import is_empty
from tracker.i18n import N_
from tracker.io.autobackup import backups_place, list_backups, restore_automatic_backup
from tracker.io.backup import RestoreResult, backup_bytes, read_backup, restore_backup
from tracker.io.export import monthly_summary_csv, payments_csv
from tracker.io.importer import import_rows, may_import
from tracker.io.importers import CHOICES
from tracker.io.importers import mapped as mapped_format
from tracker.io.plan import ImportOptions, ImportPlan, plan_import
from tracker.io.preview import counts, refused_frame, rows_frame
from tracker.io.tables_csv import export_zip, table_csv, table_names
from tracker.ledger.models import Platform
from tracker.reports.facade import Reports
from tracker.services.settings import MAX_BACKUPS, backups_to_keep, set_setting
from tracker.web import nav, state, widgets
from tracker.web.state import _

FORMAT_LABELS = {"auto": N_("Find out from the file"), "tracker": N_("This app's own CSV export"),
                 "upwork": N_("Upwork transaction history"), "payoneer": N_("Payoneer account activity"),
                 "paypal": N_("PayPal activity download"),
                 "mapped": N_("Other (I say which column is which)")}
FIELD_LABELS = {"date": N_("Column with the date"), "amount": N_("Column with the amount"),
                "currency": N_("Column with the currency"), "description": N_("Column with the description"),
                "client": N_("Column with the client"), "reference": N_("Column with the reference")}
ROW_LABELS = {"row": N_("Row"), "date": N_("Date"), "kind": N_("Kind"), "client": N_("Client"),
              "amount": N_("Amount"), "fee": N_("Fee"), "currency": N_("Currency"), "status": N_("Status"),
              "reference": N_("Reference"), "fee_rows": N_("Fee rows joined"), "note": N_("Note"),
              "reason": N_("Reason")}
REASON_LABELS = {"daily": N_("Daily, at the first start"), "before-migration": N_("Before an update"),
                 "before-restore": N_("Before a restore")}
CSV, ZIP = "text/csv", "application/zip"
DOWNLOAD = ":material/download:"


def date_range() -> tuple[date | None, date | None]:
    """Return the first and last day to export, or (None, None) for everything."""
    if not st.checkbox(_("Only a date range"), key="export_range"):
        return None, None
    first, last = st.columns(2)
    start = first.date_input(_("From"), value=date(state.today().year, 1, 1), format="YYYY-MM-DD",
                             key="export_from")
    end = last.date_input(_("To"), value=state.today(), format="YYYY-MM-DD", key="export_to")
    return start, end


def downloads() -> None:
    """Draw the download buttons: payments, the monthly summary, a backup, and one per table."""
    st.subheader(_("Download"))
    window = date_range()
    st.download_button(_("Download payments (CSV)"), data=state.lazily(payments_csv, *window),
                       file_name="payments_detailed.csv", mime=CSV, icon=DOWNLOAD, on_click="ignore")
    st.download_button(_("Download the monthly summary (CSV)"),
                       data=state.lazily(monthly_summary_csv, *window), file_name="monthly_summary.csv",
                       mime=CSV, icon=DOWNLOAD, on_click="ignore")
    st.download_button(_("Download a backup of everything (zip)"), data=state.lazily(backup_bytes),
                       file_name=f"tracker-backup-{state.today():%Y%m%d}.zip", mime=ZIP, icon=DOWNLOAD,
                       on_click="ignore")
    if st.button(_("Prepare every CSV file (zip)"), key="export_all", icon=DOWNLOAD):
        data = state.lazily(export_zip, *window, widgets.progress_bar(_("Exporting…")))()
        st.download_button(_("Download every CSV file (zip)"), data=data, mime=ZIP, icon=DOWNLOAD,
                           file_name=f"tracker-export-{state.today():%Y%m%d}.zip", on_click="ignore")
    with st.expander(_("One CSV file per table")):
        for name in table_names():
            st.download_button(_(name), data=state.lazily(table_csv, name, *window), file_name=f"{name}.csv",
                               mime=CSV, icon=DOWNLOAD, on_click="ignore", key=f"table_{name}")
    st.caption(_("Files open in Excel and LibreOffice with Bengali names shown correctly. Your data "
                 "lives in {where}.").format(where=shown_url(state.db_url())))


def mapping_fields(data: bytes) -> mapped_format.Mapping | None:
    """Draw the column choices of a mapped import; return the mapping (or None until it is complete)."""
    saved = mapped_format.saved_mappings()
    chosen = st.selectbox(_("Saved mapping"), [None, *saved], key="map_saved",
                          format_func=lambda name: _("— a new one —") if name is None else name)
    if chosen:
        return state.checked(mapped_format.load_mapping, chosen)
    headers = state.checked(mapped_format.file_columns, data) or []
    columns = {}
    for field in mapped_format.FIELDS:
        options = ["", *headers]
        guess = mapped_format.guess_column(field, headers)
        columns[field] = st.selectbox(_(FIELD_LABELS[field]), options, index=options.index(guess),
                                      format_func=lambda h: h or _("— none —"), key=f"map_{field}")
    left, middle, right = st.columns(3)
    currency = left.selectbox(_("Currency when no column says"), widgets.currency_options(),
                              key="map_default_currency")
    platforms = [p.value for p in Platform]
    platform = middle.selectbox(_("Platform"), platforms, index=platforms.index(Platform.FIVERR.value),
                                format_func=_, key="map_platform")
    name = right.text_input(_("Name of this mapping"), value="Fiverr", key="map_name")
    mapping = state.checked(mapped_format.make_mapping, name, columns, currency=currency, platform=platform)
    if mapping is not None and st.button(_("Save this mapping"), key="map_save"):
        state.checked(mapped_format.save_mapping, mapping)
        st.success(_("Saved. Next time choose “{name}” under Saved mapping.").format(
            name=state.plain(mapping.name)))
    return mapping


def settled_plan(data: bytes, options: ImportOptions) -> ImportPlan | None:
    """Return the plan once the person has answered what the file leaves open (date order, rates)."""
    with st.spinner(_("Reading the file…")):
        plan = state.attempt(plan_import, data, options)
    if plan is not None and plan.date_question is not None:
        order = st.radio(plan.date_question.text(_), ["dmy", "mdy"], index=None, key="import_order",
                         format_func=lambda o: _("Day first (31/12/2026)") if o == "dmy"
                         else _("Month first (12/31/2026)"))
        if order is None:
            return None
        options = replace(options, date_order=order)
        plan = state.attempt(plan_import, data, options)
    if plan is not None and plan.rate_currencies:
        st.caption(_("Rows in another currency need the rate you received for them."))
        columns = st.columns(len(plan.rate_currencies))
        rates = tuple((code, where.text_input(_("{home} for 1 {currency}").format(home=plan.home,
                                                                                    currency=code),
                                              placeholder="121.50", key=f"import_rate_{code}"))
                      for code, where in zip(plan.rate_currencies, columns, strict=True))
        plan = state.attempt(plan_import, data, replace(options, rates=rates))
    return plan


def preview(plan: ImportPlan) -> None:
    """Draw what the import would do: counts, then the rows in tabs."""
    found = counts(plan)
    for where, label, key in zip(st.columns(4), (_("To add"), _("Duplicates"), _("Refused"),
                                                 _("Transfers, not counted")), found, strict=True):
        where.metric(label, state.number(found[key]))
    if not found["add"] and found["duplicates"]:
        st.info(_("Nothing new: every row of this file was imported before."))
    tabs = widgets.tabs([_("To add"), _("Duplicates"), _("Refused"), _("Transfers")], key="preview_tabs")
    labels = {key: _(text) for key, text in ROW_LABELS.items()}
    tabs[0].dataframe(state.days(rows_frame(plan.to_add, _), "date").rename(columns=labels), hide_index=True)
    tabs[1].dataframe(state.days(rows_frame(plan.duplicates, _), "date").rename(columns=labels),
                      hide_index=True)
    tabs[2].dataframe(refused_frame(plan.refused, _).rename(columns=labels), hide_index=True)
    tabs[3].dataframe(state.days(rows_frame(plan.transfers, _), "date").rename(columns=labels),
                      hide_index=True)


def import_button(plan: ImportPlan) -> None:
    """Draw the Import button (and the choice to leave refused rows out); import when pressed."""
    skip = bool(plan.refused) and st.checkbox(_("Import only the good rows (leave the refused ones out)"),
                                              key="import_skip")
    if plan.missing_rates:
        st.caption(_("Give the rate for {currencies} to import.").format(
            currencies=", ".join(plan.missing_rates)))
    if not st.button(_("Import"), type="primary", disabled=not may_import(plan=plan, skip_refused=skip),
                     key="import_go", icon=":material/upload:"):
        return
    result = state.write(import_rows, plan=plan, skip_invalid=skip,
                         progress=widgets.progress_bar(_("Importing…")))
    if result is not None:
        widgets.saved("import_file", _("Imported {imported} rows; {duplicates} were there already; {refused} "
                                  "refused.").format(imported=state.number(result.imported),
                                                     duplicates=state.number(result.duplicates),
                                                     refused=state.number(result.refused)))


def import_section() -> None:
    """Draw the statement upload, the format choice, the preview and the Import button."""
    st.subheader(_("Import a statement"))
    st.caption(_("A CSV file from Upwork, Payoneer or PayPal, this app's own export, or any other "
                 "file whose columns you name. Rows imported before are never added twice."))
    upload = st.file_uploader(_("Statement file (CSV)"), type=["csv", "txt"],
                              key=widgets.form_key("import_file"))
    fmt = st.selectbox(_("Format"), CHOICES, format_func=lambda f: _(FORMAT_LABELS[f]),
                       key="import_format")
    if upload is None:
        return
    data = upload.getvalue()
    mapping = mapping_fields(data) if fmt == mapped_format.NAME else None
    if fmt == mapped_format.NAME and mapping is None:
        return
    plan = settled_plan(data, ImportOptions(format=fmt, mapping=mapping))
    if plan is not None:
        preview(plan)
        import_button(plan)


def restore_section() -> None:
    """Draw the backup upload; restore it, with a confirmation when there is data to replace."""
    st.subheader(_("Restore a backup"))
    upload = st.file_uploader(_("Backup file (zip)"), type=["zip"], key=widgets.form_key("restore_file"))
    if upload is None:
        return
    data = upload.getvalue()
    rows = state.checked(read_backup, data)
    if rows is None:
        return
    st.caption(_("This backup holds {count} records.").format(
        count=state.number(sum(map(len, rows.values())))))
    empty = state.read(is_empty)
    sure = True
    if not empty:
        st.warning(_("Restoring replaces all the data in the app with the backup's. What is there now "
                     "is saved as a backup in the data folder first."))
        sure = st.checkbox(_("Yes, replace all my data with this backup"), key="restore_sure")
    if st.button(_("Restore"), disabled=not sure, key="restore_go", icon=":material/restore:"):
        restored(state.write(restore_backup, data=data, replace=not empty))


def restored(result: RestoreResult | None) -> None:
    """After a restore: say how many records came back and where the replaced data was saved."""
    if result is None:
        return
    message = _("Restored {count} records.").format(count=state.number(sum(result.counts.values())))
    if result.saved_to is not None:
        message += " " + _("The data that was there is saved in {path}.").format(path=str(result.saved_to))
    widgets.saved("restore_file", message)


def automatic_backups_section() -> None:
    """Draw the automatic backups, newest first, each with a Restore button; and how many to keep."""
    st.subheader(_("Automatic backups"))
    kept = state.read(backups_to_keep)
    st.caption(_("Your data is copied once a day when the app starts, before an update changes the "
                 "database, and before a restore. The newest {count} are kept in {folder}.").format(
        count=state.number(kept), folder=state.plain(str(state.read(backups_place)))))
    backups = state.read(list_backups)
    if not backups:
        st.caption(_("None yet: the first is saved when the app starts with data in it."))
    sure = not backups or state.read(is_empty)
    if backups and not sure:
        sure = st.checkbox(_("Yes, replace all my data with the backup I restore (what is there now is "
                             "saved as a backup first)"), key="auto_restore_sure")
    for backup in backups:
        when, why, size, action = st.columns([3, 3, 2, 2], vertical_alignment="center")
        when.text(f"{state.day(backup.taken_at.date())} {backup.taken_at:%H:%M}")
        why.text(_(REASON_LABELS[backup.reason]))
        size.text(_("{size} KB").format(size=state.number(-(-backup.size // 1024))))
        if action.button(_("Restore"), key=f"auto_restore_{backup.name}", disabled=not sure,
                         icon=":material/restore:"):
            restored(state.write(restore_automatic_backup, name=backup.name))
    chosen = st.number_input(_("How many automatic backups to keep"), min_value=1, max_value=MAX_BACKUPS,
                             value=kept, step=1, key="backups_keep")
    if chosen != kept and state.write(set_setting, key="backups_to_keep", value=str(chosen)) is not None:
        st.rerun()


nav.page_title(_("Data"))
record_counts = state.read(Reports.record_counts)
st.dataframe({_("Table"): [_(name) for name in record_counts], _("Rows"): list(record_counts.values())},
             hide_index=True)
downloads()
import_section()
restore_section()
automatic_backups_section()
