# termios over a pseudo-terminal from os.openpty(): attributes read, changed and read
# back, the window size, line control, and termios.error for what is not a terminal.
import os
import termios

master, slave = os.openpty()
print(os.isatty(slave), os.get_inheritable(master), os.get_inheritable(slave))
attrs = termios.tcgetattr(slave)
print(len(attrs), len(attrs[6]), all(isinstance(c, bytes) for c in attrs[6][:4]))
raw = list(attrs)
raw[3] &= ~(termios.ICANON | termios.ECHO)
raw[6] = list(attrs[6])
raw[6][termios.VMIN] = 1
raw[6][termios.VTIME] = 0
termios.tcsetattr(slave, termios.TCSANOW, raw)
now = termios.tcgetattr(slave)
print("canonical", bool(now[3] & termios.ICANON), "echo", bool(now[3] & termios.ECHO))
print("VMIN", now[6][termios.VMIN], "VTIME", now[6][termios.VTIME])
termios.tcsetattr(slave, termios.TCSADRAIN, attrs)
print("restored", termios.tcgetattr(slave) == attrs)
termios.tcsetwinsize(slave, (24, 80))
print("winsize", termios.tcgetwinsize(slave))
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcdrain(slave)
os.write(master, b"hello\n")
print(os.read(slave, 100))
for call in (lambda: termios.tcgetattr(os.pipe()[0]),
             lambda: termios.tcsetattr(slave, termios.TCSANOW, [1, 2]),
             lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [[]]),
             lambda: termios.tcsetwinsize(slave, 5),
             lambda: termios.tcgetattr("x")):
    try:
        call()
    except (termios.error, TypeError) as error:
        print(type(error).__name__, error)
print(issubclass(termios.error, Exception), termios.error.__module__)
print(termios.B38400, termios.TCSANOW, termios.VMIN, termios.NCCS, termios.TIOCGWINSZ)
os.close(master)
os.close(slave)
