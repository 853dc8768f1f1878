"""Page: every report's record in one table."""

from bot.config import Settings
from ui.reports import reports_page
from ui.resources import engine_or_offer_build

engine = engine_or_offer_build(Settings.from_env())
if engine is not None:
    reports_page(engine)
