"""Staff page: how long feedback is kept, its export and its deletion."""

from bot.config import Settings
from ui.resources import feedback_store
from ui.review import data_care

settings = Settings.from_env()
data_care(feedback_store(settings), settings)
