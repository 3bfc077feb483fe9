#pragma once

// A QR code (libqrencode, error correction level M) as a self-contained SVG image: what the web
// interface shows to enrol an authenticator app. The server draws it so that the secret is never
// handed to a third-party script.

#include <string>
#include <string_view>

#include "common/result.h"

namespace taawun {

// An <svg> of the code with a 4-module quiet zone, one <path> of unit squares, black on white.
// An error when the text does not fit in a QR code.
Result<std::string> qr_code_svg(std::string_view text);

}  // namespace taawun
