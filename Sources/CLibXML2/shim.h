// libxml2's HTML parser and tree API, imported only by the HTMLText module.
// No shim functions are needed: the calls we use are not variadic and take no macro-only constants.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
