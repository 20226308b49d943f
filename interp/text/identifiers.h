// Python identifiers: str.isidentifier and the tokenizer's character classes.
//
// CPython uses the Unicode properties XID_Start and XID_Continue (identifiers are
// compared after NFKC, and XID_* are the subsets closed under NFKC). Here they are a
// category test (XID_Start ~ L* and Nl; XID_Continue adds Mn, Mc, Nd, Pc) corrected
// by transcribed Unicode 14.0 lists: Other_ID_Start/Other_ID_Continue are added, and
// Pattern_Syntax and the NFKC-unstable characters (U+037A, U+0E33, Arabic
// presentation forms, ...) are removed. Characters new in utf8proc's Unicode 15.0
// follow the category test alone.
#pragma once

#include "interp/text/code_unit.h"

namespace interp::text {

bool is_xid_start(char32_t cp);
bool is_xid_continue(char32_t cp);

// str.isidentifier: non-empty, first is XID_Start or '_', the rest XID_Continue.
template <CodeUnit C> bool is_identifier(View<C> text);

} // namespace interp::text
