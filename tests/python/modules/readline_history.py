# The readline module's history API, history files and argument errors.
import os
import readline
import shutil
import tempfile

names = [n for n in dir(readline) if not n.startswith('_')]
print(names)
print(type(readline._READLINE_VERSION), type(readline._READLINE_RUNTIME_VERSION),
      type(readline._READLINE_LIBRARY_VERSION))
print('GNU readline' in readline.__doc__)

readline.clear_history()
print(readline.get_current_history_length())
for line in ['first', 'second', 'third', 'second']:
    readline.add_history(line)
print(readline.get_current_history_length())
print([readline.get_history_item(i) for i in range(0, 6)])

readline.replace_history_item(0, 'FIRST')
readline.remove_history_item(1)
print([readline.get_history_item(i) for i in range(1, 4)])


def attempt(fn, *args):
    try:
        print(repr(fn(*args)))
    except Exception as e:
        print(type(e).__name__, e)


attempt(readline.remove_history_item, -1)
attempt(readline.remove_history_item, 10)
attempt(readline.replace_history_item, -1, 'x')
attempt(readline.replace_history_item, 10, 'x')
attempt(readline.add_history, 5)
attempt(readline.get_history_item, 'a')
attempt(readline.set_completer, 5)
attempt(readline.set_startup_hook, 5)
attempt(readline.set_pre_input_hook, 'x')
attempt(readline.set_completion_display_matches_hook, 1)

# History files.
folder = tempfile.mkdtemp()
try:
    path = os.path.join(folder, 'history')
    print(readline.get_history_length())
    readline.write_history_file(path)
    with open(path) as f:
        print(f.read().splitlines())
    readline.clear_history()
    print(readline.get_current_history_length())
    readline.read_history_file(path)
    print([readline.get_history_item(i) for i in range(1, 4)])
    readline.add_history('fourth')
    readline.append_history_file(1, path)
    with open(path) as f:
        print(f.read().splitlines())
    readline.set_history_length(2)
    print(readline.get_history_length())
    readline.write_history_file(path)
    with open(path) as f:
        print(f.read().splitlines())
    readline.set_history_length(-1)
    attempt(readline.read_history_file, os.path.join(folder, 'missing'))
    attempt(readline.append_history_file, 1, os.path.join(folder, 'no', 'such'))
    attempt(readline.write_history_file, os.path.join(folder, 'no', 'such'))
    attempt(readline.read_init_file, os.path.join(folder, 'missing'))
    init = os.path.join(folder, 'inputrc')
    with open(init, 'w') as f:
        f.write('set bell-style none\n')
    attempt(readline.read_init_file, init)
finally:
    shutil.rmtree(folder)

# Completion settings outside a line.
print(repr(readline.get_completer_delims()))
readline.set_completer_delims(' \t\n.')
print(repr(readline.get_completer_delims()))
print(readline.get_completer())
def completer(text, state):
    return None
readline.set_completer(completer)
print(readline.get_completer() is completer)
readline.set_completer()
print(readline.get_completer())
readline.set_completer(None)
print(readline.get_completer())
print(readline.get_begidx(), readline.get_endidx(), readline.get_completion_type())
print(repr(readline.get_line_buffer()))
readline.set_auto_history(False)
readline.set_auto_history(True)
readline.set_startup_hook(lambda: None)
readline.set_startup_hook()
readline.set_pre_input_hook(None)
readline.set_completion_display_matches_hook(None)
readline.parse_and_bind('tab: complete')
readline.clear_history()
print(readline.get_current_history_length())
attempt(readline.parse_and_bind, 1)
attempt(readline.insert_text, 1)
attempt(readline.set_completer_delims, 1)
attempt(readline.replace_history_item, 0, 1)
attempt(readline.read_history_file, 1)
attempt(readline.set_history_length, 'a')
