// interp/modules/termios.cc - the termios module: terminal attributes (tcgetattr,
// tcsetattr), line control (tcsendbreak, tcdrain, tcflush, tcflow), the window size
// (tcgetwinsize, tcsetwinsize), termios.error, and the system's constants.
//
// Everything but reading acts on the terminal at once, so it makes the running
// transaction inevitable first.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <cerrno>
#include <cstring>
#include <sys/ioctl.h>
#include <termios.h>

namespace interp {

namespace {

// termios.error(errno, strerror), as CPython raises it.
Value termios_error(Thread& t, int err) {
  Value cls = module_attr(t, "termios", "error");
  Value items[2] = {Value::small_int(err), str_from_utf8(t, std::strerror(err))};
  if (!cls || !items[1]) return {};
  Value e = call(t, cls, items, 2);
  return e ? raise_value(t, e) : Value();
}

bool int_arg(Thread& t, Value v, int& out) {
  std::int64_t n = 0;
  if (!index_to_i64(t, v, n)) return false;
  out = int(n);
  return true;
}

INTERP_NATIVE(termios_tcgetattr) {
  if (!check_positional(t, "tcgetattr", nargs, kwnames, 1, 1, 0)) return {};
  int fd = 0;
  if (!file_descriptor_arg(t, args[0], fd)) return {};
  termios mode{};
  if (::tcgetattr(fd, &mode) == -1) return termios_error(t, errno);
  Value cc = list_new(t);
  if (!cc) return {};
  for (int i = 0; i < NCCS; ++i) {
    // Outside canonical mode VMIN and VTIME are counts, given as ints.
    bool count = !(mode.c_lflag & ICANON) && (i == VMIN || i == VTIME);
    char c = char(mode.c_cc[i]);
    Value item = count ? Value::small_int(mode.c_cc[i]) : bytes_new(t, std::string_view(&c, 1));
    if (!item || !list_append(t, cc, item)) return {};
  }
  Value items[7] = {int_from_i64(t, mode.c_iflag),
                    int_from_i64(t, mode.c_oflag),
                    int_from_i64(t, mode.c_cflag),
                    int_from_i64(t, mode.c_lflag),
                    int_from_i64(t, ::cfgetispeed(&mode)),
                    int_from_i64(t, ::cfgetospeed(&mode)),
                    cc};
  Value result = list_new(t);
  if (!result) return {};
  for (Value v : items)
    if (!v || !list_append(t, result, v)) return {};
  return result;
}

INTERP_NATIVE(termios_tcsetattr) {
  if (!check_positional(t, "tcsetattr", nargs, kwnames, 3, 3, 0)) return {};
  int fd = 0, when = 0;
  if (!file_descriptor_arg(t, args[0], fd) || !int_arg(t, args[1], when)) return {};
  Value attributes = args[2];
  if (!isinstance(attributes, T_list) || list_length(attributes) != 7)
    return raise(t, exc(E_TypeError), "tcsetattr, arg 3: must be 7 element list");
  termios mode{};
  if (::tcgetattr(fd, &mode) == -1) return termios_error(t, errno);
  std::int64_t numbers[6];
  for (int i = 0; i < 6; ++i)
    if (!index_to_i64(t, list_item(attributes, i), numbers[i])) return {};
  Value cc = list_item(attributes, 6);
  if (!isinstance(cc, T_list) || list_length(cc) != NCCS)
    return raisef(t, exc(E_TypeError), "tcsetattr: attributes[6] must be %d element list", NCCS);
  mode.c_iflag = tcflag_t(numbers[0]);
  mode.c_oflag = tcflag_t(numbers[1]);
  mode.c_cflag = tcflag_t(numbers[2]);
  mode.c_lflag = tcflag_t(numbers[3]);
  for (int i = 0; i < NCCS; ++i) {
    Value v = list_item(cc, i);
    if (isinstance(v, T_bytes) && bytes_view(v).size() == 1) {
      mode.c_cc[i] = cc_t(bytes_view(v)[0]);
    } else if (int_check(v)) {
      std::int64_t n = 0;
      if (!index_to_i64(t, v, n)) return {};
      mode.c_cc[i] = cc_t(n);
    } else {
      return raise(t, exc(E_TypeError),
                   "tcsetattr: elements of attributes must be characters or integers");
    }
  }
  stm::become_inevitable("tcsetattr");
  if (::cfsetispeed(&mode, speed_t(numbers[4])) == -1 ||
      ::cfsetospeed(&mode, speed_t(numbers[5])) == -1 || ::tcsetattr(fd, when, &mode) == -1)
    return termios_error(t, errno);
  return none();
}

// The calls of one int after the descriptor: tcsendbreak, tcflush, tcflow.
template <int (*Call)(int, int)>
Value line_control(Thread& t, const char* name, const Value* args, std::size_t nargs,
                   Value kwnames) {
  if (!check_positional(t, name, nargs, kwnames, 2, 2, 0)) return {};
  int fd = 0, n = 0;
  if (!file_descriptor_arg(t, args[0], fd) || !int_arg(t, args[1], n)) return {};
  stm::become_inevitable(name);
  return Call(fd, n) == -1 ? termios_error(t, errno) : none();
}

INTERP_NATIVE(termios_tcsendbreak) {
  return line_control<::tcsendbreak>(t, "tcsendbreak", args, nargs, kwnames);
}
INTERP_NATIVE(termios_tcflush) {
  return line_control<::tcflush>(t, "tcflush", args, nargs, kwnames);
}
INTERP_NATIVE(termios_tcflow) {
  return line_control<::tcflow>(t, "tcflow", args, nargs, kwnames);
}

INTERP_NATIVE(termios_tcdrain) {
  if (!check_positional(t, "tcdrain", nargs, kwnames, 1, 1, 0)) return {};
  int fd = 0;
  if (!file_descriptor_arg(t, args[0], fd)) return {};
  stm::become_inevitable("tcdrain");
  return ::tcdrain(fd) == -1 ? termios_error(t, errno) : none();
}

INTERP_NATIVE(termios_tcgetwinsize) {
  if (!check_positional(t, "tcgetwinsize", nargs, kwnames, 1, 1, 0)) return {};
  int fd = 0;
  if (!file_descriptor_arg(t, args[0], fd)) return {};
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == -1) return termios_error(t, errno);
  Value items[2] = {Value::small_int(size.ws_row), Value::small_int(size.ws_col)};
  return tuple_from(t, items, 2);
}

INTERP_NATIVE(termios_tcsetwinsize) {
  if (!check_positional(t, "tcsetwinsize", nargs, kwnames, 2, 2, 0)) return {};
  int fd = 0;
  if (!file_descriptor_arg(t, args[0], fd)) return {};
  Value pair = args[1];
  std::int64_t n = 0;
  if (!length(t, pair, n) || n != 2) {
    clear_pending(t);
    return raise(t, exc(E_TypeError), "tcsetwinsize, arg 2: must be a two-item sequence");
  }
  std::int64_t rows = 0, cols = 0;
  Value r = getitem(t, pair, Value::small_int(0));
  Value c = r ? getitem(t, pair, Value::small_int(1)) : Value();
  if (!c || !index_to_i64(t, r, rows) || !index_to_i64(t, c, cols)) return {};
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == -1) return termios_error(t, errno);
  size.ws_row = static_cast<unsigned short>(rows);
  size.ws_col = static_cast<unsigned short>(cols);
  stm::become_inevitable("tcsetwinsize");
  return ::ioctl(fd, TIOCSWINSZ, &size) == -1 ? termios_error(t, errno) : none();
}

} // namespace

Value make_termios_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"tcgetattr", termios_tcgetattr},       {"tcsetattr", termios_tcsetattr},
      {"tcsendbreak", termios_tcsendbreak},   {"tcdrain", termios_tcdrain},
      {"tcflush", termios_tcflush},           {"tcflow", termios_tcflow},
      {"tcgetwinsize", termios_tcgetwinsize}, {"tcsetwinsize", termios_tcsetwinsize},
  };
  Value m = new_module(t, "termios", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value error = new_exception_type(t, "error", "termios", exc(E_Exception));
  if (!error) return {};
  module_set(t, m, "error", error);
  // The names CPython 3.11's termios defines, where this system has them.
  static const std::pair<const char*, long> kConstants[] = {
#ifdef B0
    {"B0", long(B0)},
#endif
#ifdef B1000000
    {"B1000000", long(B1000000)},
#endif
#ifdef B110
    {"B110", long(B110)},
#endif
#ifdef B115200
    {"B115200", long(B115200)},
#endif
#ifdef B1152000
    {"B1152000", long(B1152000)},
#endif
#ifdef B1200
    {"B1200", long(B1200)},
#endif
#ifdef B134
    {"B134", long(B134)},
#endif
#ifdef B150
    {"B150", long(B150)},
#endif
#ifdef B1500000
    {"B1500000", long(B1500000)},
#endif
#ifdef B1800
    {"B1800", long(B1800)},
#endif
#ifdef B19200
    {"B19200", long(B19200)},
#endif
#ifdef B200
    {"B200", long(B200)},
#endif
#ifdef B2000000
    {"B2000000", long(B2000000)},
#endif
#ifdef B230400
    {"B230400", long(B230400)},
#endif
#ifdef B2400
    {"B2400", long(B2400)},
#endif
#ifdef B2500000
    {"B2500000", long(B2500000)},
#endif
#ifdef B300
    {"B300", long(B300)},
#endif
#ifdef B3000000
    {"B3000000", long(B3000000)},
#endif
#ifdef B3500000
    {"B3500000", long(B3500000)},
#endif
#ifdef B38400
    {"B38400", long(B38400)},
#endif
#ifdef B4000000
    {"B4000000", long(B4000000)},
#endif
#ifdef B460800
    {"B460800", long(B460800)},
#endif
#ifdef B4800
    {"B4800", long(B4800)},
#endif
#ifdef B50
    {"B50", long(B50)},
#endif
#ifdef B500000
    {"B500000", long(B500000)},
#endif
#ifdef B57600
    {"B57600", long(B57600)},
#endif
#ifdef B576000
    {"B576000", long(B576000)},
#endif
#ifdef B600
    {"B600", long(B600)},
#endif
#ifdef B75
    {"B75", long(B75)},
#endif
#ifdef B921600
    {"B921600", long(B921600)},
#endif
#ifdef B9600
    {"B9600", long(B9600)},
#endif
#ifdef BRKINT
    {"BRKINT", long(BRKINT)},
#endif
#ifdef BS0
    {"BS0", long(BS0)},
#endif
#ifdef BS1
    {"BS1", long(BS1)},
#endif
#ifdef BSDLY
    {"BSDLY", long(BSDLY)},
#endif
#ifdef CBAUD
    {"CBAUD", long(CBAUD)},
#endif
#ifdef CBAUDEX
    {"CBAUDEX", long(CBAUDEX)},
#endif
#ifdef CDSUSP
    {"CDSUSP", long(CDSUSP)},
#endif
#ifdef CEOF
    {"CEOF", long(CEOF)},
#endif
#ifdef CEOL
    {"CEOL", long(CEOL)},
#endif
#ifdef CEOT
    {"CEOT", long(CEOT)},
#endif
#ifdef CERASE
    {"CERASE", long(CERASE)},
#endif
#ifdef CFLUSH
    {"CFLUSH", long(CFLUSH)},
#endif
#ifdef CIBAUD
    {"CIBAUD", long(CIBAUD)},
#endif
#ifdef CINTR
    {"CINTR", long(CINTR)},
#endif
#ifdef CKILL
    {"CKILL", long(CKILL)},
#endif
#ifdef CLNEXT
    {"CLNEXT", long(CLNEXT)},
#endif
#ifdef CLOCAL
    {"CLOCAL", long(CLOCAL)},
#endif
#ifdef CQUIT
    {"CQUIT", long(CQUIT)},
#endif
#ifdef CR0
    {"CR0", long(CR0)},
#endif
#ifdef CR1
    {"CR1", long(CR1)},
#endif
#ifdef CR2
    {"CR2", long(CR2)},
#endif
#ifdef CR3
    {"CR3", long(CR3)},
#endif
#ifdef CRDLY
    {"CRDLY", long(CRDLY)},
#endif
#ifdef CREAD
    {"CREAD", long(CREAD)},
#endif
#ifdef CRPRNT
    {"CRPRNT", long(CRPRNT)},
#endif
#ifdef CRTSCTS
    {"CRTSCTS", long(CRTSCTS)},
#endif
#ifdef CS5
    {"CS5", long(CS5)},
#endif
#ifdef CS6
    {"CS6", long(CS6)},
#endif
#ifdef CS7
    {"CS7", long(CS7)},
#endif
#ifdef CS8
    {"CS8", long(CS8)},
#endif
#ifdef CSIZE
    {"CSIZE", long(CSIZE)},
#endif
#ifdef CSTART
    {"CSTART", long(CSTART)},
#endif
#ifdef CSTOP
    {"CSTOP", long(CSTOP)},
#endif
#ifdef CSTOPB
    {"CSTOPB", long(CSTOPB)},
#endif
#ifdef CSUSP
    {"CSUSP", long(CSUSP)},
#endif
#ifdef CWERASE
    {"CWERASE", long(CWERASE)},
#endif
#ifdef ECHO
    {"ECHO", long(ECHO)},
#endif
#ifdef ECHOCTL
    {"ECHOCTL", long(ECHOCTL)},
#endif
#ifdef ECHOE
    {"ECHOE", long(ECHOE)},
#endif
#ifdef ECHOK
    {"ECHOK", long(ECHOK)},
#endif
#ifdef ECHOKE
    {"ECHOKE", long(ECHOKE)},
#endif
#ifdef ECHONL
    {"ECHONL", long(ECHONL)},
#endif
#ifdef ECHOPRT
    {"ECHOPRT", long(ECHOPRT)},
#endif
#ifdef EXTA
    {"EXTA", long(EXTA)},
#endif
#ifdef EXTB
    {"EXTB", long(EXTB)},
#endif
#ifdef FF0
    {"FF0", long(FF0)},
#endif
#ifdef FF1
    {"FF1", long(FF1)},
#endif
#ifdef FFDLY
    {"FFDLY", long(FFDLY)},
#endif
#ifdef FIOASYNC
    {"FIOASYNC", long(FIOASYNC)},
#endif
#ifdef FIOCLEX
    {"FIOCLEX", long(FIOCLEX)},
#endif
#ifdef FIONBIO
    {"FIONBIO", long(FIONBIO)},
#endif
#ifdef FIONCLEX
    {"FIONCLEX", long(FIONCLEX)},
#endif
#ifdef FIONREAD
    {"FIONREAD", long(FIONREAD)},
#endif
#ifdef FLUSHO
    {"FLUSHO", long(FLUSHO)},
#endif
#ifdef HUPCL
    {"HUPCL", long(HUPCL)},
#endif
#ifdef ICANON
    {"ICANON", long(ICANON)},
#endif
#ifdef ICRNL
    {"ICRNL", long(ICRNL)},
#endif
#ifdef IEXTEN
    {"IEXTEN", long(IEXTEN)},
#endif
#ifdef IGNBRK
    {"IGNBRK", long(IGNBRK)},
#endif
#ifdef IGNCR
    {"IGNCR", long(IGNCR)},
#endif
#ifdef IGNPAR
    {"IGNPAR", long(IGNPAR)},
#endif
#ifdef IMAXBEL
    {"IMAXBEL", long(IMAXBEL)},
#endif
#ifdef INLCR
    {"INLCR", long(INLCR)},
#endif
#ifdef INPCK
    {"INPCK", long(INPCK)},
#endif
#ifdef IOCSIZE_MASK
    {"IOCSIZE_MASK", long(IOCSIZE_MASK)},
#endif
#ifdef IOCSIZE_SHIFT
    {"IOCSIZE_SHIFT", long(IOCSIZE_SHIFT)},
#endif
#ifdef ISIG
    {"ISIG", long(ISIG)},
#endif
#ifdef ISTRIP
    {"ISTRIP", long(ISTRIP)},
#endif
#ifdef IUCLC
    {"IUCLC", long(IUCLC)},
#endif
#ifdef IXANY
    {"IXANY", long(IXANY)},
#endif
#ifdef IXOFF
    {"IXOFF", long(IXOFF)},
#endif
#ifdef IXON
    {"IXON", long(IXON)},
#endif
#ifdef NCC
    {"NCC", long(NCC)},
#endif
#ifdef NCCS
    {"NCCS", long(NCCS)},
#endif
#ifdef NL0
    {"NL0", long(NL0)},
#endif
#ifdef NL1
    {"NL1", long(NL1)},
#endif
#ifdef NLDLY
    {"NLDLY", long(NLDLY)},
#endif
#ifdef NOFLSH
    {"NOFLSH", long(NOFLSH)},
#endif
#ifdef N_MOUSE
    {"N_MOUSE", long(N_MOUSE)},
#endif
#ifdef N_PPP
    {"N_PPP", long(N_PPP)},
#endif
#ifdef N_SLIP
    {"N_SLIP", long(N_SLIP)},
#endif
#ifdef N_STRIP
    {"N_STRIP", long(N_STRIP)},
#endif
#ifdef N_TTY
    {"N_TTY", long(N_TTY)},
#endif
#ifdef OCRNL
    {"OCRNL", long(OCRNL)},
#endif
#ifdef OFDEL
    {"OFDEL", long(OFDEL)},
#endif
#ifdef OFILL
    {"OFILL", long(OFILL)},
#endif
#ifdef OLCUC
    {"OLCUC", long(OLCUC)},
#endif
#ifdef ONLCR
    {"ONLCR", long(ONLCR)},
#endif
#ifdef ONLRET
    {"ONLRET", long(ONLRET)},
#endif
#ifdef ONOCR
    {"ONOCR", long(ONOCR)},
#endif
#ifdef OPOST
    {"OPOST", long(OPOST)},
#endif
#ifdef PARENB
    {"PARENB", long(PARENB)},
#endif
#ifdef PARMRK
    {"PARMRK", long(PARMRK)},
#endif
#ifdef PARODD
    {"PARODD", long(PARODD)},
#endif
#ifdef PENDIN
    {"PENDIN", long(PENDIN)},
#endif
#ifdef TAB0
    {"TAB0", long(TAB0)},
#endif
#ifdef TAB1
    {"TAB1", long(TAB1)},
#endif
#ifdef TAB2
    {"TAB2", long(TAB2)},
#endif
#ifdef TAB3
    {"TAB3", long(TAB3)},
#endif
#ifdef TABDLY
    {"TABDLY", long(TABDLY)},
#endif
#ifdef TCFLSH
    {"TCFLSH", long(TCFLSH)},
#endif
#ifdef TCGETA
    {"TCGETA", long(TCGETA)},
#endif
#ifdef TCGETS
    {"TCGETS", long(TCGETS)},
#endif
#ifdef TCIFLUSH
    {"TCIFLUSH", long(TCIFLUSH)},
#endif
#ifdef TCIOFF
    {"TCIOFF", long(TCIOFF)},
#endif
#ifdef TCIOFLUSH
    {"TCIOFLUSH", long(TCIOFLUSH)},
#endif
#ifdef TCION
    {"TCION", long(TCION)},
#endif
#ifdef TCOFLUSH
    {"TCOFLUSH", long(TCOFLUSH)},
#endif
#ifdef TCOOFF
    {"TCOOFF", long(TCOOFF)},
#endif
#ifdef TCOON
    {"TCOON", long(TCOON)},
#endif
#ifdef TCSADRAIN
    {"TCSADRAIN", long(TCSADRAIN)},
#endif
#ifdef TCSAFLUSH
    {"TCSAFLUSH", long(TCSAFLUSH)},
#endif
#ifdef TCSANOW
    {"TCSANOW", long(TCSANOW)},
#endif
#ifdef TCSBRK
    {"TCSBRK", long(TCSBRK)},
#endif
#ifdef TCSBRKP
    {"TCSBRKP", long(TCSBRKP)},
#endif
#ifdef TCSETA
    {"TCSETA", long(TCSETA)},
#endif
#ifdef TCSETAF
    {"TCSETAF", long(TCSETAF)},
#endif
#ifdef TCSETAW
    {"TCSETAW", long(TCSETAW)},
#endif
#ifdef TCSETS
    {"TCSETS", long(TCSETS)},
#endif
#ifdef TCSETSF
    {"TCSETSF", long(TCSETSF)},
#endif
#ifdef TCSETSW
    {"TCSETSW", long(TCSETSW)},
#endif
#ifdef TCXONC
    {"TCXONC", long(TCXONC)},
#endif
#ifdef TIOCCONS
    {"TIOCCONS", long(TIOCCONS)},
#endif
#ifdef TIOCEXCL
    {"TIOCEXCL", long(TIOCEXCL)},
#endif
#ifdef TIOCGETD
    {"TIOCGETD", long(TIOCGETD)},
#endif
#ifdef TIOCGICOUNT
    {"TIOCGICOUNT", long(TIOCGICOUNT)},
#endif
#ifdef TIOCGLCKTRMIOS
    {"TIOCGLCKTRMIOS", long(TIOCGLCKTRMIOS)},
#endif
#ifdef TIOCGPGRP
    {"TIOCGPGRP", long(TIOCGPGRP)},
#endif
#ifdef TIOCGSERIAL
    {"TIOCGSERIAL", long(TIOCGSERIAL)},
#endif
#ifdef TIOCGSOFTCAR
    {"TIOCGSOFTCAR", long(TIOCGSOFTCAR)},
#endif
#ifdef TIOCGWINSZ
    {"TIOCGWINSZ", long(TIOCGWINSZ)},
#endif
#ifdef TIOCINQ
    {"TIOCINQ", long(TIOCINQ)},
#endif
#ifdef TIOCLINUX
    {"TIOCLINUX", long(TIOCLINUX)},
#endif
#ifdef TIOCMBIC
    {"TIOCMBIC", long(TIOCMBIC)},
#endif
#ifdef TIOCMBIS
    {"TIOCMBIS", long(TIOCMBIS)},
#endif
#ifdef TIOCMGET
    {"TIOCMGET", long(TIOCMGET)},
#endif
#ifdef TIOCMIWAIT
    {"TIOCMIWAIT", long(TIOCMIWAIT)},
#endif
#ifdef TIOCMSET
    {"TIOCMSET", long(TIOCMSET)},
#endif
#ifdef TIOCM_CAR
    {"TIOCM_CAR", long(TIOCM_CAR)},
#endif
#ifdef TIOCM_CD
    {"TIOCM_CD", long(TIOCM_CD)},
#endif
#ifdef TIOCM_CTS
    {"TIOCM_CTS", long(TIOCM_CTS)},
#endif
#ifdef TIOCM_DSR
    {"TIOCM_DSR", long(TIOCM_DSR)},
#endif
#ifdef TIOCM_DTR
    {"TIOCM_DTR", long(TIOCM_DTR)},
#endif
#ifdef TIOCM_LE
    {"TIOCM_LE", long(TIOCM_LE)},
#endif
#ifdef TIOCM_RI
    {"TIOCM_RI", long(TIOCM_RI)},
#endif
#ifdef TIOCM_RNG
    {"TIOCM_RNG", long(TIOCM_RNG)},
#endif
#ifdef TIOCM_RTS
    {"TIOCM_RTS", long(TIOCM_RTS)},
#endif
#ifdef TIOCM_SR
    {"TIOCM_SR", long(TIOCM_SR)},
#endif
#ifdef TIOCM_ST
    {"TIOCM_ST", long(TIOCM_ST)},
#endif
#ifdef TIOCNOTTY
    {"TIOCNOTTY", long(TIOCNOTTY)},
#endif
#ifdef TIOCNXCL
    {"TIOCNXCL", long(TIOCNXCL)},
#endif
#ifdef TIOCOUTQ
    {"TIOCOUTQ", long(TIOCOUTQ)},
#endif
#ifdef TIOCPKT
    {"TIOCPKT", long(TIOCPKT)},
#endif
#ifdef TIOCPKT_DATA
    {"TIOCPKT_DATA", long(TIOCPKT_DATA)},
#endif
#ifdef TIOCPKT_DOSTOP
    {"TIOCPKT_DOSTOP", long(TIOCPKT_DOSTOP)},
#endif
#ifdef TIOCPKT_FLUSHREAD
    {"TIOCPKT_FLUSHREAD", long(TIOCPKT_FLUSHREAD)},
#endif
#ifdef TIOCPKT_FLUSHWRITE
    {"TIOCPKT_FLUSHWRITE", long(TIOCPKT_FLUSHWRITE)},
#endif
#ifdef TIOCPKT_NOSTOP
    {"TIOCPKT_NOSTOP", long(TIOCPKT_NOSTOP)},
#endif
#ifdef TIOCPKT_START
    {"TIOCPKT_START", long(TIOCPKT_START)},
#endif
#ifdef TIOCPKT_STOP
    {"TIOCPKT_STOP", long(TIOCPKT_STOP)},
#endif
#ifdef TIOCSCTTY
    {"TIOCSCTTY", long(TIOCSCTTY)},
#endif
#ifdef TIOCSERCONFIG
    {"TIOCSERCONFIG", long(TIOCSERCONFIG)},
#endif
#ifdef TIOCSERGETLSR
    {"TIOCSERGETLSR", long(TIOCSERGETLSR)},
#endif
#ifdef TIOCSERGETMULTI
    {"TIOCSERGETMULTI", long(TIOCSERGETMULTI)},
#endif
#ifdef TIOCSERGSTRUCT
    {"TIOCSERGSTRUCT", long(TIOCSERGSTRUCT)},
#endif
#ifdef TIOCSERGWILD
    {"TIOCSERGWILD", long(TIOCSERGWILD)},
#endif
#ifdef TIOCSERSETMULTI
    {"TIOCSERSETMULTI", long(TIOCSERSETMULTI)},
#endif
#ifdef TIOCSERSWILD
    {"TIOCSERSWILD", long(TIOCSERSWILD)},
#endif
#ifdef TIOCSER_TEMT
    {"TIOCSER_TEMT", long(TIOCSER_TEMT)},
#endif
#ifdef TIOCSETD
    {"TIOCSETD", long(TIOCSETD)},
#endif
#ifdef TIOCSLCKTRMIOS
    {"TIOCSLCKTRMIOS", long(TIOCSLCKTRMIOS)},
#endif
#ifdef TIOCSPGRP
    {"TIOCSPGRP", long(TIOCSPGRP)},
#endif
#ifdef TIOCSSERIAL
    {"TIOCSSERIAL", long(TIOCSSERIAL)},
#endif
#ifdef TIOCSSOFTCAR
    {"TIOCSSOFTCAR", long(TIOCSSOFTCAR)},
#endif
#ifdef TIOCSTI
    {"TIOCSTI", long(TIOCSTI)},
#endif
#ifdef TIOCSWINSZ
    {"TIOCSWINSZ", long(TIOCSWINSZ)},
#endif
#ifdef TOSTOP
    {"TOSTOP", long(TOSTOP)},
#endif
#ifdef VDISCARD
    {"VDISCARD", long(VDISCARD)},
#endif
#ifdef VEOF
    {"VEOF", long(VEOF)},
#endif
#ifdef VEOL
    {"VEOL", long(VEOL)},
#endif
#ifdef VEOL2
    {"VEOL2", long(VEOL2)},
#endif
#ifdef VERASE
    {"VERASE", long(VERASE)},
#endif
#ifdef VINTR
    {"VINTR", long(VINTR)},
#endif
#ifdef VKILL
    {"VKILL", long(VKILL)},
#endif
#ifdef VLNEXT
    {"VLNEXT", long(VLNEXT)},
#endif
#ifdef VMIN
    {"VMIN", long(VMIN)},
#endif
#ifdef VQUIT
    {"VQUIT", long(VQUIT)},
#endif
#ifdef VREPRINT
    {"VREPRINT", long(VREPRINT)},
#endif
#ifdef VSTART
    {"VSTART", long(VSTART)},
#endif
#ifdef VSTOP
    {"VSTOP", long(VSTOP)},
#endif
#ifdef VSUSP
    {"VSUSP", long(VSUSP)},
#endif
#ifdef VSWTC
    {"VSWTC", long(VSWTC)},
#endif
#if defined(VSWTCH)
    {"VSWTCH", VSWTCH},
#elif defined(VSWTC)
    {"VSWTCH", VSWTC},
#endif
#ifdef VT0
    {"VT0", long(VT0)},
#endif
#ifdef VT1
    {"VT1", long(VT1)},
#endif
#ifdef VTDLY
    {"VTDLY", long(VTDLY)},
#endif
#ifdef VTIME
    {"VTIME", long(VTIME)},
#endif
#ifdef VWERASE
    {"VWERASE", long(VWERASE)},
#endif
#ifdef XCASE
    {"XCASE", long(XCASE)},
#endif
#ifdef XTABS
    {"XTABS", long(XTABS)},
#endif
  };
  for (const auto& [constant, value] : kConstants)
    module_set(t, m, constant, int_from_i64(t, value));
  return m;
}

} // namespace interp
