#ifndef KENNISBANK_CSTEMMER_SHIM_H
#define KENNISBANK_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
