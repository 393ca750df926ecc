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
    /* `file:` names with query parameters (mode=ro, immutable=1): a read-only snapshot must
       not depend on how the system's SQLite was compiled. */
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}
