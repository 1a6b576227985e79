#ifndef KENNISBANK_CCMARK_SHIM_H
#define KENNISBANK_CCMARK_SHIM_H
#include <cmark.h>
#endif
