"""Storage: the engine and sessions, the tables, the settings table, migrations."""
