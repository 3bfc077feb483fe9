#include "domain/request_attachment.h"

#include <gtest/gtest.h>

namespace taawun::domain {
namespace {

TEST(RequestAttachmentTest, AcceptsOrdinaryNamesInAnyScript) {
  for (const char* name : {"jugement.pdf", "طلب الإنابة.pdf", "Orden de entrega (firmada).PDF",
                           "vertaling nl-fr v2.docx", "a"}) {
    EXPECT_TRUE(check_attachment_filename(name).ok()) << name;
  }
}

TEST(RequestAttachmentTest, RefusesNamesThatCarryPathsOrHeaderBreaks) {
  const std::string too_long(256, 'a');
  for (std::string name : {std::string(), std::string("../etc/passwd"), std::string("dir\\x.pdf"),
                           std::string("a\r\nSet-Cookie: x"), std::string("."), std::string(".."),
                           std::string("bad\xff.pdf"), too_long, std::string("tab\there")}) {
    Status status = check_attachment_filename(name);
    ASSERT_FALSE(status.ok()) << name;
    EXPECT_EQ(status.error().field, "filename");
  }
}

TEST(RequestAttachmentTest, MediaTypeIsTypeSlashSubtype) {
  for (const char* type :
       {"application/pdf", "image/jpeg", "application/vnd.oasis.opendocument.text", "text/plain",
        "application/octet-stream"}) {
    EXPECT_TRUE(check_media_type(type).ok()) << type;
  }
  for (const char* type : {"", "pdf", "application/", "/pdf", "text/plain; charset=utf-8",
                           "text/html\r\nx: y", "Application/PDF", "a/b/c"}) {
    Status status = check_media_type(type);
    ASSERT_FALSE(status.ok()) << type;
    EXPECT_EQ(status.error().field, "media_type");
  }
}

}  // namespace
}  // namespace taawun::domain
