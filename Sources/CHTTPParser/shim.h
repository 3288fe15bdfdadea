// Debian's libhttp-parser-dev ships no .pc file, so the module map links `http_parser` by name.
#include <http_parser.h>
