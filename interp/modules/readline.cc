// interp/modules/readline.cc - the readline module over GNU readline: line editing and
// history for input() and the REPL on a terminal, the history API, and completion through
// a Python completer (rlcompleter, which site's interactive hook installs).
//
// The library is opened at the first import (c_library.h): the executable does not link
// it. Importing the module is also what switches input() and the REPL over to it, as in
// CPython (read_line_with_readline below, called by builtins.cc and interp.cc).
//
// Transactions: the history, the line buffer and the keymaps are C memory that an abort
// cannot take back, and the terminal is outside the process. So every call that changes
// them makes the running transaction inevitable first.
//
// Waiting for the user: a line is read through readline's callback interface, one key at
// a time. Between keys the thread waits for the terminal to become readable outside any
// transaction (vm::wait_in_call from input(), a plain poll from the REPL, which runs
// between transactions), so that a thread sitting at a prompt holds off no other thread.
// Each key is then handled in an inevitable transaction, in which the Python callbacks
// (completer, hooks) run as ordinary nested calls.
#include "interp/modules/c_library.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <poll.h>
#include <string>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

// The functions and variables of libreadline the module uses, opened at its import
// (c_library.h). A variable's pointer is its address.
// clang-format off
#define INTERP_READLINE_SYMBOLS(X)                                                          \
  X(rl_callback_handler_install) X(rl_callback_handler_remove) X(rl_callback_read_char)    \
  X(rl_callback_sigcleanup) X(rl_free_line_state) X(rl_cleanup_after_signal)              \
  X(rl_parse_and_bind) X(rl_read_init_file) X(rl_insert_text) X(rl_redisplay)             \
  X(rl_completion_matches) X(rl_bind_key) X(rl_bind_key_in_map) X(rl_insert)              \
  X(rl_complete) X(rl_variable_bind) X(rl_initialize) X(rl_resize_terminal)               \
  X(using_history) X(add_history) X(remove_history) X(replace_history_entry)              \
  X(free_history_entry) X(clear_history) X(history_get) X(read_history)                   \
  X(write_history) X(append_history) X(history_truncate_file)                             \
  X(rl_line_buffer) X(rl_completer_word_break_characters)                                 \
  X(rl_attempted_completion_function) X(rl_completion_display_matches_hook)               \
  X(rl_startup_hook) X(rl_pre_input_hook) X(rl_readline_name) X(rl_completion_type)       \
  X(rl_completion_append_character) X(rl_completion_suppress_append)                      \
  X(rl_readline_version) X(rl_library_version) X(history_length) X(history_base)          \
  X(emacs_meta_keymap) X(rl_instream) X(rl_outstream)
// clang-format on
INTERP_C_LIBRARY_SYMBOLS(INTERP_READLINE_SYMBOLS)
CLibrary libreadline("libreadline.so.8", INTERP_C_LIBRARY_RESOLVER(INTERP_READLINE_SYMBOLS));

// Set once the module is made: from then on input() and the REPL read through readline.
std::atomic<bool> imported{false};

// C state of the module (CPython keeps the same outside its heap). Changed only in
// inevitable transactions.
int history_limit = -1; // set_history_length; < 0: history files are not truncated
bool auto_history = true;
int begidx = 0, endidx = 0;
char* word_break_characters = nullptr; // the copy rl_completer_word_break_characters holds

// While a line is being read: the thread whose transactions run the callbacks.
Thread* reading_thread = nullptr;

// The callables, in the module's dict under names that CPython's module does not have.
const char* const kCompleter = "_completer";
const char* const kStartupHook = "_startup_hook";
const char* const kPreInputHook = "_pre_input_hook";
const char* const kDisplayHook = "_display_matches_hook";

Value hook(Thread& t, const char* which) {
  Value v = module_attr(t, "readline", which);
  if (!v) clear_pending(t);
  return v && v != none() ? v : Value();
}

// A Python callback's exception is dropped, as CPython's readline drops it: the key that
// triggered it must still be handled.
int call_int_hook(const char* which) {
  Thread* t = reading_thread;
  if (!t) return 0;
  Value fn = hook(*t, which);
  if (!fn) return 0;
  Value r = call0(*t, fn);
  std::int64_t n = 0;
  if (!r)
    clear_pending(*t);
  else if (r != none() && !int_to_i64(r, n))
    n = 0;
  return int(n);
}

int on_startup() {
  return call_int_hook(kStartupHook);
}

int on_pre_input() {
  return call_int_hook(kPreInputHook);
}

// readline asks for the matches one by one (state 0, 1, ...) until it gets none.
char* on_completion(const char* text, int state) {
  Thread* t = reading_thread;
  if (!t) return nullptr;
  Value fn = hook(*t, kCompleter);
  if (!fn) return nullptr;
  Value args[2] = {str_from_utf8(*t, text), Value::small_int(state)};
  Value r = args[0] ? call(*t, fn, args, 2) : Value();
  if (!r) {
    clear_pending(*t);
    return nullptr;
  }
  if (r == none()) return nullptr;
  Value s = str(*t, r);
  if (!s) {
    clear_pending(*t);
    return nullptr;
  }
  return strdup(str_utf8(s).c_str());
}

char** on_attempted_completion(const char* text, int start, int end) {
  // No space after a unique match: rlcompleter adds "(" or "." itself.
  *rl_completion_append_character = '\0';
  *rl_completion_suppress_append = 0;
  begidx = start;
  endidx = end;
  return rl_completion_matches(text, on_completion);
}

void on_display_matches(char** matches, int count, int max_length) {
  Thread* t = reading_thread;
  if (!t) return;
  Value fn = hook(*t, kDisplayHook);
  if (!fn) return;
  Value list = list_new(*t);
  for (int i = 1; list && i <= count; ++i) {
    Value m = str_from_utf8(*t, matches[i]);
    if (!m || !list_append(*t, list, m)) list = {};
  }
  Value first = list ? str_from_utf8(*t, matches[0]) : Value();
  Value args[3] = {first, list, Value::small_int(max_length)};
  if (!first || !call(*t, fn, args, 3)) clear_pending(*t);
}

void set_word_break_characters(const char* chars) {
  char* copy = strdup(chars);
  *rl_completer_word_break_characters = copy;
  std::free(word_break_characters);
  word_break_characters = copy;
}

// ---- reading a line ----------------------------------------------------------------------

struct LineResult {
  bool done = false;
  bool eof = false;
  std::string line;
};
LineResult* line_result = nullptr;

void on_line(char* text) {
  // Removed at once, so that readline does not print the prompt for a next line.
  rl_callback_handler_remove();
  line_result->done = true;
  if (!text) {
    line_result->eof = true;
    return;
  }
  line_result->line = text;
  if (auto_history && *text) {
    // As CPython: a line equal to the last one is not added again.
    HIST_ENTRY* last =
        *history_length > 0 ? history_get(*history_base + *history_length - 1) : nullptr;
    if (!last || std::strcmp(last->line, text) != 0) add_history(text);
  }
  std::free(text);
}

thread_local int waited_fd = 0;

bool terminal_ready(Value) {
  pollfd p{waited_fd, POLLIN, 0};
  return ::poll(&p, 1, 0) != 0;
}

volatile std::sig_atomic_t interrupted = 0;

void on_interrupt(int) {
  interrupted = 1;
}

} // namespace

bool readline_imported() {
  return imported.load(std::memory_order_acquire);
}

// One line from the terminal through readline, `prompt` shown by it: 1 with the line
// (without its newline), 0 at end of input, -1 when Ctrl-C abandoned it. `in_call`: from
// a native call (input()), inside a transaction; otherwise from the REPL, between
// transactions.
int read_line_with_readline(Thread& t, const std::string& prompt, std::string& line, bool in_call) {
  LineResult result;
  // Ctrl-C while waiting for a key ends the read (readline's own handlers only cover the
  // handling of a key); a Python handler of SIGINT, if any, runs after.
  struct sigaction action = {}, previous = {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  interrupted = 0;
  auto handle_key = [&](bool first) {
    // What the program printed before goes out before the prompt.
    vm::become_inevitable_with_output(t, "readline");
    reading_thread = &t;
    line_result = &result;
    if (first) {
      *rl_instream = stdin;
      *rl_outstream = stdout;
      rl_callback_handler_install(prompt.c_str(), on_line);
    } else {
      rl_callback_read_char();
    }
    reading_thread = nullptr;
    line_result = nullptr;
    std::fflush(stdout);
    // Output of the callbacks (a display hook printing the matches) goes out now too.
    vm::flush_output(t);
  };
  auto interrupt = [&] {
    if (!stm::is_inevitable()) stm::become_inevitable("readline");
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_cleanup_after_signal();
    rl_callback_handler_remove();
    // The REPL ends the line itself, with its "KeyboardInterrupt".
    if (in_call) {
      std::fputc('\n', stdout);
      std::fflush(stdout);
    }
  };
  if (in_call) {
    handle_key(true);
    sigaction(SIGINT, &action, &previous);
    while (!result.done) {
      waited_fd = fileno(stdin);
      if (!terminal_ready({}) && vm::can_wait_outside(t)) {
        t.block_on = none();
        t.block_ready = terminal_ready;
        t.block_deadline = -1;
        vm::wait_in_call(t);
        t.block_retry = {};
        t.block_expired = false;
      }
      if (interrupted) break;
      // Another signal's Python handler runs now; one that raises abandons the line.
      if (t.main && signals_tripped.load() && !run_signal_handlers(t, Value())) break;
      handle_key(false);
    }
    sigaction(SIGINT, &previous, nullptr);
    if (!result.done) {
      interrupt();
      if (!t.pending) raise(t, exc(E_KeyboardInterrupt), "");
      return -1;
    }
  } else {
    stm::run_transaction([&] { handle_key(true); });
    sigaction(SIGINT, &action, &previous);
    while (!result.done && !interrupted) {
      pollfd p{fileno(stdin), POLLIN, 0};
      if (::poll(&p, 1, -1) < 0) continue;
      if (interrupted) break;
      stm::run_transaction([&] { handle_key(false); });
    }
    sigaction(SIGINT, &previous, nullptr);
    if (!result.done) {
      stm::run_transaction([&] { interrupt(); });
      return -1;
    }
  }
  if (result.eof) return 0;
  line = std::move(result.line);
  return 1;
}

namespace {

// ---- arguments -----------------------------------------------------------------------

// A text argument. CPython's module checks only replace_history_item's before encoding it;
// the others fail in the encoder, with its vaguer message.
bool str_arg(Thread& t, const char* fname, Value v, std::string& out) {
  if (!str_check(v)) {
    if (std::strcmp(fname, "replace_history_item") == 0)
      raisef(t, exc(E_TypeError), "%s() argument 2 must be str, not %s", fname,
             type_name_of(v).c_str());
    else
      raise(t, exc(E_TypeError), "bad argument type for built-in operation");
    return false;
  }
  out = str_utf8(v);
  return true;
}

bool int_arg(Thread& t, Value v, int& out) {
  std::int64_t n;
  if (!int_check(v)) {
    raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
           type_name_of(v).c_str());
    return false;
  }
  if (!index_to_i64(t, v, n)) return false;
  if (n > INT32_MAX || n < INT32_MIN) {
    raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
    return false;
  }
  out = int(n);
  return true;
}

// A file name argument: None (readline's default, ~/.history), str, bytes or os.PathLike.
bool filename_arg(Thread& t, Value v, std::string& out, bool& given) {
  given = v && v != none();
  return !given || path_arg(t, v, out);
}

const char* path_or_null(const std::string& path, bool given) {
  return given ? path.c_str() : nullptr;
}

// ---- the functions -------------------------------------------------------------------

INTERP_NATIVE(rl_parse_and_bind_fn) {
  std::string text;
  if (!check_positional(t, "parse_and_bind", nargs, kwnames, 1, 1, 0) ||
      !str_arg(t, "parse_and_bind", args[0], text))
    return {};
  stm::become_inevitable("readline");
  // readline writes into the line it parses: it gets its own copy.
  std::string copy = text;
  rl_parse_and_bind(copy.data());
  return none();
}

INTERP_NATIVE(rl_read_init_file_fn) {
  std::string path;
  bool given;
  if (!check_positional(t, "read_init_file", nargs, kwnames, 0, 1, 0) ||
      !filename_arg(t, nargs ? args[0] : Value(), path, given))
    return {};
  stm::become_inevitable("readline");
  errno = rl_read_init_file(path_or_null(path, given));
  if (errno) return raise_os_error(t, errno);
  return none();
}

INTERP_NATIVE(rl_get_line_buffer_fn) {
  if (!check_positional(t, "get_line_buffer", nargs, kwnames, 0, 0, 0)) return {};
  const char* line = *rl_line_buffer;
  return str_from_utf8(t, line ? line : "");
}

INTERP_NATIVE(rl_insert_text_fn) {
  std::string text;
  if (!check_positional(t, "insert_text", nargs, kwnames, 1, 1, 0) ||
      !str_arg(t, "insert_text", args[0], text))
    return {};
  stm::become_inevitable("readline");
  rl_insert_text(text.c_str());
  return none();
}

INTERP_NATIVE(rl_redisplay_fn) {
  if (!check_positional(t, "redisplay", nargs, kwnames, 0, 0, 0)) return {};
  stm::become_inevitable("readline");
  rl_redisplay();
  return none();
}

INTERP_NATIVE(rl_add_history_fn) {
  std::string text;
  if (!check_positional(t, "add_history", nargs, kwnames, 1, 1, 0) ||
      !str_arg(t, "add_history", args[0], text))
    return {};
  stm::become_inevitable("readline");
  add_history(text.c_str());
  return none();
}

INTERP_NATIVE(rl_remove_history_item_fn) {
  int pos;
  if (!check_positional(t, "remove_history_item", nargs, kwnames, 1, 1, 0) ||
      !int_arg(t, args[0], pos))
    return {};
  if (pos < 0) return raise(t, exc(E_ValueError), "History index cannot be negative");
  stm::become_inevitable("readline");
  HIST_ENTRY* entry = remove_history(pos);
  if (!entry) return raisef(t, exc(E_ValueError), "No history item at position %d", pos);
  free_history_entry(entry);
  return none();
}

INTERP_NATIVE(rl_replace_history_item_fn) {
  int pos;
  std::string text;
  if (!check_positional(t, "replace_history_item", nargs, kwnames, 2, 2, 0) ||
      !int_arg(t, args[0], pos) || !str_arg(t, "replace_history_item", args[1], text))
    return {};
  if (pos < 0) return raise(t, exc(E_ValueError), "History index cannot be negative");
  stm::become_inevitable("readline");
  HIST_ENTRY* old = replace_history_entry(pos, text.c_str(), nullptr);
  if (!old) return raisef(t, exc(E_ValueError), "No history item at position %d", pos);
  free_history_entry(old);
  return none();
}

INTERP_NATIVE(rl_get_history_item_fn) {
  int index;
  if (!check_positional(t, "get_history_item", nargs, kwnames, 1, 1, 0) ||
      !int_arg(t, args[0], index))
    return {};
  HIST_ENTRY* entry = history_get(index);
  return entry ? str_from_utf8(t, entry->line) : none();
}

INTERP_NATIVE(rl_get_current_history_length_fn) {
  if (!check_positional(t, "get_current_history_length", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(*history_length);
}

INTERP_NATIVE(rl_clear_history_fn) {
  if (!check_positional(t, "clear_history", nargs, kwnames, 0, 0, 0)) return {};
  stm::become_inevitable("readline");
  clear_history();
  return none();
}

INTERP_NATIVE(rl_read_history_file_fn) {
  std::string path;
  bool given;
  if (!check_positional(t, "read_history_file", nargs, kwnames, 0, 1, 0) ||
      !filename_arg(t, nargs ? args[0] : Value(), path, given))
    return {};
  stm::become_inevitable("readline");
  int err = read_history(path_or_null(path, given));
  if (err) return raise_os_error(t, err);
  return none();
}

INTERP_NATIVE(rl_write_history_file_fn) {
  std::string path;
  bool given;
  if (!check_positional(t, "write_history_file", nargs, kwnames, 0, 1, 0) ||
      !filename_arg(t, nargs ? args[0] : Value(), path, given))
    return {};
  stm::become_inevitable("readline");
  int err = write_history(path_or_null(path, given));
  if (!err && history_limit >= 0) history_truncate_file(path_or_null(path, given), history_limit);
  if (err) return raise_os_error(t, err);
  return none();
}

INTERP_NATIVE(rl_append_history_file_fn) {
  int count;
  std::string path;
  bool given;
  if (!check_positional(t, "append_history_file", nargs, kwnames, 1, 2, 0) ||
      !int_arg(t, args[0], count) || !filename_arg(t, nargs > 1 ? args[1] : Value(), path, given))
    return {};
  stm::become_inevitable("readline");
  int err = append_history(count, path_or_null(path, given));
  if (!err && history_limit >= 0) history_truncate_file(path_or_null(path, given), history_limit);
  if (err) return raise_os_error(t, err);
  return none();
}

INTERP_NATIVE(rl_get_history_length_fn) {
  if (!check_positional(t, "get_history_length", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(history_limit);
}

INTERP_NATIVE(rl_set_history_length_fn) {
  int length;
  if (!check_positional(t, "set_history_length", nargs, kwnames, 1, 1, 0) ||
      !int_arg(t, args[0], length))
    return {};
  stm::become_inevitable("readline");
  history_limit = length;
  return none();
}

INTERP_NATIVE(rl_set_auto_history_fn) {
  if (!check_positional(t, "set_auto_history", nargs, kwnames, 1, 1, 0)) return {};
  int on = truthy(t, args[0]);
  if (on < 0) return {};
  stm::become_inevitable("readline");
  auto_history = on;
  return none();
}

// set_completer and the hooks: the callable (or None) goes to the module's dict.
Value set_callable(Thread& t, const char* fname, const char* what, const char* attr,
                   const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, fname, nargs, kwnames, 0, 1, 0)) return {};
  Value fn = nargs ? args[0] : none();
  if (fn != none() && !is_callable(fn))
    return raisef(t, exc(E_TypeError), "set_%s(func): argument not callable", what);
  Value m = import_module(t, "readline");
  if (!m || !setattr(t, m, intern_literal(t, attr), fn)) return {};
  return none();
}

INTERP_NATIVE(rl_set_completer_fn) {
  return set_callable(t, "set_completer", "completer", kCompleter, args, nargs, kwnames);
}

INTERP_NATIVE(rl_get_completer_fn) {
  if (!check_positional(t, "get_completer", nargs, kwnames, 0, 0, 0)) return {};
  return module_attr(t, "readline", kCompleter);
}

INTERP_NATIVE(rl_set_startup_hook_fn) {
  return set_callable(t, "set_startup_hook", "startup_hook", kStartupHook, args, nargs, kwnames);
}

INTERP_NATIVE(rl_set_pre_input_hook_fn) {
  return set_callable(t, "set_pre_input_hook", "pre_input_hook", kPreInputHook, args, nargs,
                      kwnames);
}

INTERP_NATIVE(rl_set_completion_display_matches_hook_fn) {
  Value r = set_callable(t, "set_completion_display_matches_hook",
                         "completion_display_matches_hook", kDisplayHook, args, nargs, kwnames);
  if (!r) return {};
  stm::become_inevitable("readline");
  // Without a hook readline lists the matches itself.
  bool on = nargs && args[0] != none();
  *rl_completion_display_matches_hook = on ? on_display_matches : nullptr;
  return none();
}

INTERP_NATIVE(rl_get_completion_type_fn) {
  if (!check_positional(t, "get_completion_type", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(*rl_completion_type);
}

INTERP_NATIVE(rl_get_begidx_fn) {
  if (!check_positional(t, "get_begidx", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(begidx);
}

INTERP_NATIVE(rl_get_endidx_fn) {
  if (!check_positional(t, "get_endidx", nargs, kwnames, 0, 0, 0)) return {};
  return Value::small_int(endidx);
}

INTERP_NATIVE(rl_set_completer_delims_fn) {
  std::string text;
  if (!check_positional(t, "set_completer_delims", nargs, kwnames, 1, 1, 0) ||
      !str_arg(t, "set_completer_delims", args[0], text))
    return {};
  stm::become_inevitable("readline");
  set_word_break_characters(text.c_str());
  return none();
}

INTERP_NATIVE(rl_get_completer_delims_fn) {
  if (!check_positional(t, "get_completer_delims", nargs, kwnames, 0, 0, 0)) return {};
  const char* chars = *rl_completer_word_break_characters;
  return str_from_utf8(t, chars ? chars : "");
}

const ModuleFunction kFunctions[] = {
    {"parse_and_bind", rl_parse_and_bind_fn},
    {"read_init_file", rl_read_init_file_fn},
    {"get_line_buffer", rl_get_line_buffer_fn},
    {"insert_text", rl_insert_text_fn},
    {"redisplay", rl_redisplay_fn},
    {"add_history", rl_add_history_fn},
    {"remove_history_item", rl_remove_history_item_fn},
    {"replace_history_item", rl_replace_history_item_fn},
    {"get_history_item", rl_get_history_item_fn},
    {"get_current_history_length", rl_get_current_history_length_fn},
    {"clear_history", rl_clear_history_fn},
    {"read_history_file", rl_read_history_file_fn},
    {"write_history_file", rl_write_history_file_fn},
    {"append_history_file", rl_append_history_file_fn},
    {"get_history_length", rl_get_history_length_fn},
    {"set_history_length", rl_set_history_length_fn},
    {"set_auto_history", rl_set_auto_history_fn},
    {"set_completer", rl_set_completer_fn},
    {"get_completer", rl_get_completer_fn},
    {"get_completion_type", rl_get_completion_type_fn},
    {"get_begidx", rl_get_begidx_fn},
    {"get_endidx", rl_get_endidx_fn},
    {"set_completer_delims", rl_set_completer_delims_fn},
    {"get_completer_delims", rl_get_completer_delims_fn},
    {"set_completion_display_matches_hook", rl_set_completion_display_matches_hook_fn},
    {"set_startup_hook", rl_set_startup_hook_fn},
    {"set_pre_input_hook", rl_set_pre_input_hook_fn},
};

// The library's global settings, once for the process (CPython's choices: Tab inserts
// itself until a program binds it, as site's hook does; completion goes through the
// Python completer).
std::once_flag setup_once;

void setup_library() {
  using_history();
  *rl_readline_name = "python";
  rl_bind_key('\t', rl_insert);
  rl_bind_key_in_map('\t', rl_complete, *emacs_meta_keymap);
  rl_bind_key_in_map('\033', rl_complete, *emacs_meta_keymap);
  *rl_startup_hook = on_startup;
  *rl_pre_input_hook = on_pre_input;
  *rl_attempted_completion_function = on_attempted_completion;
  set_word_break_characters(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
  // Output that is not a terminal must not get the meta key's escape sequence.
  if (!isatty(fileno(stdout))) rl_variable_bind("enable-meta-key", "off");
  rl_initialize();
}

} // namespace

Value make_readline_module(Thread& t) {
  if (!libreadline.load(t)) return {};
  stm::become_inevitable("readline");
  std::call_once(setup_once, setup_library);
  Value m = new_module(t, "readline", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "__doc__",
             str_from_utf8(t, "Importing this module enables command line editing using "
                              "GNU readline."));
  module_set(t, m, "_READLINE_VERSION", Value::small_int(RL_READLINE_VERSION));
  module_set(t, m, "_READLINE_RUNTIME_VERSION", Value::small_int(*rl_readline_version));
  module_set(t, m, "_READLINE_LIBRARY_VERSION", str_from_utf8(t, *rl_library_version));
  for (const char* attr : {kCompleter, kStartupHook, kPreInputHook, kDisplayHook})
    module_set(t, m, attr, none());
  imported.store(true, std::memory_order_release);
  return m;
}

} // namespace interp
