"""qa's knowledge of French and of translation, above qa.data and qa.model."""

from qa.data import keep_parsed_in
from qa.knowledge.cache import parsed_data

keep_parsed_in(parsed_data)  # a new process reads the parsed data files from the cache folder
