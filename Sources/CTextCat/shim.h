// libexttextcat's pkg-config name is `libexttextcat`; its library is `exttextcat-2.0`.
#include <textcat.h>
// The fingerprint API (fp_Read, fp_Create, fp_Compare) gives every language's distance, which textcat_Classify
// hides behind its "[english][spanish]" string; Dragoman needs the distances for a confidence.
#include <fingerprint.h>
