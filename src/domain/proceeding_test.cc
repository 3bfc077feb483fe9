#include "domain/proceeding.h"

#include <gtest/gtest.h>

namespace taawun::domain {
namespace {

TEST(ProceedingValidation, AcceptsAFullProceeding) {
  Proceeding p;
  p.national_reference = "PNAT-2026-0001";
  p.offence_classes = {"participation", "financing"};
  p.terrorism_type = "jihadist";
  p.crime_nexus = {"arms"};
  p.summary = {"fr", "Association de malfaiteurs terroriste (dossier fictif)."};
  EXPECT_TRUE(validate(p).ok());
}

TEST(ProceedingValidation, RejectsUnknownCodesNamingTheField) {
  Proceeding p;
  p.national_reference = "X-1";
  p.offence_classes = {"participation", "jaywalking"};
  Status status = validate(p);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "offence_classes[1]");

  p.offence_classes = {};
  p.stage = "limbo";
  EXPECT_EQ(validate(p).error().field, "stage");

  p.stage = "trial";
  p.summary = {"de", "text"};
  EXPECT_EQ(validate(p).error().field, "summary.lang");
}

TEST(ProceedingValidation, RequiresReferenceAndFullReferralDate) {
  Proceeding p;
  EXPECT_EQ(validate(p).error().field, "national_reference");
  p.national_reference = "X-1";
  p.date_referred = parse_partial_date("2026-03").value();
  EXPECT_EQ(validate(p).error().code, "date.invalid");
}

}  // namespace
}  // namespace taawun::domain
