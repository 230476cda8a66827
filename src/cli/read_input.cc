#include "cli/read_input.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace svar::cli {

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream all;
    all << std::cin.rdbuf();
    return all.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Fail(ErrorCode::kNotFound, "cannot read " + path + ": no such file or not readable");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace svar::cli
