"""Staff page: the stored feedback with the answers and citations it is about."""

from bot.config import Settings
from ui.resources import feedback_store
from ui.review import review

review(feedback_store(Settings.from_env()))
