#include "CSQLiteTuning.h"
#include <sqlite3.h>

int iop_sqlite_configure_for_single_writer(void) {
    /* Each connection is used by one thread at a time (GRDB serialises access), so the
       per-connection mutexes of the default serialized mode only cost time: about 9% of a
       bulk load went to locking them. Memory statistics take a global mutex per malloc. */
    int result = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (result != SQLITE_OK) return result;
    result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (result != SQLITE_OK) return result;
    /* A statement journal (the pages one statement changed, kept so that it can be backed out)
       in memory up to 8 MiB, in one block, and in a temporary file beyond. SQLite keeps one for
       each multi-row insert into a table whose CHECKs call a function (episode, assessment,
       clinical_event: a function may fail mid-statement). Kept in memory by `temp_store = MEMORY`
       instead, it was written in 1 KiB chunks, a malloc each: 29% of the instructions of a load
       of 90,000 events into a 200,000-episode network (callgrind), whose wall time goes from 3.0 s
       to 2.0 s with this setting and the loading commands' heap settings (LargeAllocations). */
    result = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 8 * 1024 * 1024);
    if (result != SQLITE_OK) return result;
    /* `file:` names with query parameters (mode=ro, immutable=1): a read-only snapshot must
       not depend on how the system's SQLite was compiled. */
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}
