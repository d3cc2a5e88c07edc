"""Reading articles and extracting entities, quotes and relations."""
