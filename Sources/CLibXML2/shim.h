#ifndef NEWSGRAPH_CLIBXML2_SHIM_H
#define NEWSGRAPH_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU and its encoding.h includes ICU's headers, which clash with
 * the ICU that Swift's Foundation carries ("'UErrorCode' has different definitions in different
 * modules") wherever a module sees both. Debug builds with testing enabled load even an
 * `internal import` into client modules, so the clash showed up there, depending on build order.
 * Undefining the flag after xmlversion.h keeps ICU's headers out; safe because no Swift code
 * touches the fields of xmlCharEncodingHandler, whose layout depends on it (PLATFORM_NOTES.md). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#endif
