"""The application: settings, the ingest pipeline and its cache, evaluation, the command line."""
