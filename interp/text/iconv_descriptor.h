// An iconv(3) conversion descriptor, closed when it goes out of scope: the multibyte
// codecs open one for a single conversion, so no C state outlives a transaction.
#pragma once

#include <iconv.h>

namespace interp::text {

class IconvDescriptor {
public:
  IconvDescriptor(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~IconvDescriptor() {
    if (ok()) iconv_close(cd_);
  }
  IconvDescriptor(const IconvDescriptor&) = delete;
  IconvDescriptor& operator=(const IconvDescriptor&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

private:
  iconv_t cd_;
};

} // namespace interp::text
