// interp/modules/posix_internal.h - what the files of the posix module share: posix.cc
// (files, directories, the environment, fork), posix_process.cc (exec, wait, spawn, ids,
// scheduling, terminals) and posix_io.cc (vectored and kernel-side copies, eventfd,
// memfd, xattrs, locks, configuration names).
#pragma once

#include "interp/modules/module_support.h"

#include <cerrno>
#include <poll.h>
#include <string>
#include <utility>

namespace interp::posix {

// Adds each file's functions, constants and types to the module being made.
bool add_process_functions(Thread& t, Value module);
bool add_io_functions(Thread& t, Value module);

// Runs a system call again while it fails with EINTR; its last result.
template <class Call> auto retry_on_eintr(Call call) {
  decltype(call()) r;
  do
    r = call();
  while (r < 0 && errno == EINTR);
  return r;
}

// Sets each (name, value) in the module as an int.
using IntConstant = std::pair<const char*, std::int64_t>;
void add_int_constants(Thread& t, Value module, const IntConstant* constants, std::size_t n);

// Argument checking of a function that takes positional arguments only, with CPython's
// wording ("posix.f() takes no keyword arguments", "posix.f() takes exactly one
// argument (0 given)", "f expected 2 arguments, got 1"; with `parse_tuple`, the wording
// of the functions CPython parses with PyArg_ParseTuple: "f() takes exactly 2 arguments
// (1 given)").
bool positional(Thread& t, const char* fn, std::size_t nargs, Value kwnames, std::size_t min,
                std::size_t max, bool parse_tuple = false);

// A path argument as CPython's path_t converter takes it ("fn: path should be string,
// bytes or os.PathLike, not int"); with `fd` non-null an int is a file descriptor too
// (then *fd >= 0 and `out` is empty; otherwise *fd is -1).
bool path_param(Thread& t, const char* fn, Value v, std::string& out, int* fd = nullptr);

// PySequence_Check: lists, tuples and classes with __getitem__ other than dicts.
bool sequence_check(Thread& t, Value v);

// An int argument that must fit a C int (OverflowError otherwise).
bool int_param(Thread& t, Value v, int& out);

// For calls that may block for long on a descriptor (a pipe with nothing to read, one
// that is full): true when `fd` polls ready for `events` now (or the wait cannot go
// outside the transaction, where the call blocks in place, or the descriptor is
// non-blocking, where the call fails with EAGAIN as in CPython); otherwise asks the outermost
// loop to wait outside until it is, and the caller returns 0 with no exception so that the
// call runs again.
bool fd_ready_or_wait(Thread& t, int fd, short events);

// fork() with os.register_at_fork's hooks, output written first and the child's heap
// made as os.fork makes it; `in_child` runs in the child before its hooks (0: nothing).
// The pid (0 in the child), or -1 with errno set and no exception.
int fork_with_hooks(Thread& t, const char* what, void (*in_child)(void*), void* arg);

} // namespace interp::posix
