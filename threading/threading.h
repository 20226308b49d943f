// threading/threading.h - the thread layer: Python threads on interpreter threads, and the
// modules that expose them (_thread now; pypystm and transaction later).
#pragma once

#include "interp/interp.h"
#include "interp/runtime.h"

namespace pypystm::threading {

// Registers the thread layer's builtin modules with the interpreter.
void install(interp::Options& options);
interp::Value make_thread_module(interp::Thread& t);

} // namespace pypystm::threading
