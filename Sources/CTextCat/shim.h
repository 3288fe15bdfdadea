// libexttextcat's pkg-config name is `libexttextcat`; its library is `exttextcat-2.0`.
#include <textcat.h>
