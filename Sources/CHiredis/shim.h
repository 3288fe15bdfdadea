// redisCommand is variadic and cannot be called from Swift: every command goes through redisCommandArgv
// and redisAppendCommandArgv instead, which take explicit argument vectors.
#include <hiredis/hiredis.h>
