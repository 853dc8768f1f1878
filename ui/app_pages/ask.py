"""Page: the chat (questions answered with cited quotes, or claims checked)."""

from bot.config import Settings
from ui.conversation import ask_page
from ui.resources import engine_or_offer_build

settings = Settings.from_env()
engine = engine_or_offer_build(settings)
if engine is not None:
    ask_page(engine, settings)
