#ifndef CSQLITE_TUNING_H
#define CSQLITE_TUNING_H

/// Puts SQLite in multi-thread mode without memory statistics, with statement journals in memory
/// up to 8 MiB and `file:` URI names, before any connection opens.
/// sqlite3_config is variadic, so Swift cannot call it directly. Returns SQLITE_OK (0), or
/// SQLITE_MISUSE when SQLite was already initialised (the settings then stay as they were).
int iop_sqlite_configure_for_single_writer(void);

#endif
