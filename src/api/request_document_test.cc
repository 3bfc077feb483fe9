#include "api/request_document.h"

#include <gtest/gtest.h>

#include <set>

#include "clocks/legal_clock.h"
#include "domain/request_test_fixtures.h"
#include "domain/vocabulary.h"

namespace taawun::api {
namespace {

using domain::Channel;
using domain::RequestState;
using domain::testing_fixtures::at;
using domain::testing_fixtures::complete_request;

constexpr std::array<std::string_view, 5> kLanguages{"fr", "ar", "es", "nl", "en"};

std::string render(const domain::Request& request, std::string_view lang,
                   std::span<const domain::RequestAttachment> attachments = {},
                   const std::vector<store::Authority>& authorities = {}) {
  Result<std::string> html = render_request_document(request, lang, authorities, attachments);
  EXPECT_TRUE(html.ok()) << (html.ok() ? "" : html.error().message);
  return html.ok() ? *html : std::string();
}

// `markup` verbatim in the HTML.
bool has(const std::string& html, std::string_view markup) {
  return html.find(markup) != std::string::npos;
}

// Plain `text` as the document shows it: the renderer escapes every text, apostrophes included
// ("d'enquête" is "d&#39;enquête" in the markup).
bool has_text(const std::string& html, std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return has(html, escaped);
}

// An EIO from France to Belgium that has reached the executing authority's desk.
domain::Request eio_under_review() {
  domain::Request r = complete_request(Channel::kEuropeanInvestigationOrder);
  r.status = RequestState::kUnderReview;
  r.status_history = {{RequestState::kDraft, at("2026-03-02T09:00:00Z"), "usr_fr_1"},
                      {RequestState::kValidated, at("2026-03-03T09:00:00Z"), "usr_fr_1"},
                      {RequestState::kSent, at("2026-03-03T10:00:00Z"), "usr_fr_1"},
                      {RequestState::kDelivered, at("2026-03-03T10:00:05Z"), "usr_fr_1"},
                      {RequestState::kAcknowledged, at("2026-03-04T08:00:00Z"), "usr_be_1"},
                      {RequestState::kUnderReview, at("2026-03-05T08:00:00Z"), "usr_be_1"}};
  r.deadlines = {{"recognition", at("2026-04-02T21:59:59Z"), "open", true}};
  r.data_categories = {"banking"};
  return r;
}

TEST(RequestDocument, FrenchDocumentTranslatesEveryCodedValue) {
  const std::string html = render(eio_under_review(), "fr");
  EXPECT_TRUE(has(html, "<html lang=\"fr\" dir=\"ltr\">"));
  EXPECT_TRUE(has_text(html, "Décision d'enquête européenne"));
  EXPECT_TRUE(has_text(html, "En cours d'examen"));
  EXPECT_TRUE(has(html, "Informations bancaires"));          // measure
  EXPECT_TRUE(has(html, "Données bancaires"));               // data category
  EXPECT_TRUE(has_text(html, "Juge d'instruction"));         // issuing authority kind
  EXPECT_TRUE(has(html, "Décision sur la reconnaissance"));  // deadline kind
  EXPECT_TRUE(has(html, "en cours · délai légal"));          // deadline status and binding
  EXPECT_TRUE(has(html, "Normale"));                         // urgency
  EXPECT_TRUE(has(html, "français"));                        // languages
  EXPECT_TRUE(has(html, "<td>non</td>"));                    // confidentiality
  EXPECT_TRUE(has(html, "Belgique"));                        // executing country
  for (std::string_view code :
       {"european_investigation_order", "under_review", "banking_information",
        "investigating_judge", "recognition", "acknowledged", ">open<", ">banking<", ">normal<",
        ">fr<", "untranslated"}) {
    EXPECT_FALSE(has(html, code)) << code;
  }
}

TEST(RequestDocument, ArabicDocumentIsRightToLeftAndKeepsIdentifiersLeftToRight) {
  domain::Request r = eio_under_review();
  r.identifiers = {{"iban", "BE00 0000 0000 0000"}};
  const std::string html = render(r, "ar");
  EXPECT_TRUE(has(html, "<html lang=\"ar\" dir=\"rtl\">"));
  EXPECT_TRUE(has(html, "أمر التحقيق الأوروبي"));
  EXPECT_TRUE(has(html, "قيد الدراسة"));
  EXPECT_TRUE(has(html, "<bdi dir=\"ltr\">req_fixture</bdi>"));
  EXPECT_TRUE(has(html, "<bdi dir=\"ltr\">BE00 0000 0000 0000</bdi>"));
  EXPECT_TRUE(has(html, "<bdi dir=\"ltr\">per_fictional_1</bdi>"));
  // Western digits, day/month/year; the zone is isolated so its Latin text does not reorder.
  EXPECT_TRUE(has(html, "05/03/2026 الساعة 09:00 <bdi dir=\"ltr\">(Europe/Brussels, UTC+01:00)"));
  EXPECT_FALSE(has(html, "european_investigation_order"));
  EXPECT_FALSE(has(html, "untranslated"));
}

TEST(RequestDocument, EmptyLanguageMeansTheIssuingCountrysLanguage) {
  EXPECT_TRUE(has(render(complete_request(Channel::kBudapestRequest), ""), "lang=\"ar\""));
  EXPECT_TRUE(has(render(complete_request(Channel::kVoluntaryDisclosure), ""), "lang=\"es\""));
}

TEST(RequestDocument, InvalidLanguageIsAValidationError) {
  Result<std::string> html = render_request_document(eio_under_review(), "de", {}, {});
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().code, "validation.invalid_value");
  EXPECT_EQ(html.error().field, "lang");
  EXPECT_EQ(html.error().kind, ErrorKind::kInvalid);
}

// Checked against the tz database: TZ=Europe/Paris date -d @1774747800 (2026-03-29T01:30:00Z)
// gives 03:30 CEST; France changed to summer time at 01:00 UTC that day.
TEST(RequestDocument, TimesAreLocalToTheExecutingCountryAcrossDaylightSaving) {
  domain::Request r = complete_request(Channel::kBudapestRequest);  // MA → FR
  r.status_history = {{RequestState::kSent, at("2026-03-29T00:30:00Z"), "usr_ma_1"},
                      {RequestState::kDelivered, at("2026-03-29T01:30:00Z"), "usr_ma_1"}};
  const std::string fr = render(r, "fr");
  EXPECT_TRUE(has(fr, "29/03/2026 à 01:30 <bdi dir=\"ltr\">(Europe/Paris, UTC+01:00)</bdi>"));
  EXPECT_TRUE(has(fr, "29/03/2026 à 03:30 <bdi dir=\"ltr\">(Europe/Paris, UTC+02:00)</bdi>"));
  // The UTC instant stays in the markup.
  EXPECT_TRUE(has(fr, "<time datetime=\"2026-03-29T01:30:00.000Z\""));
  EXPECT_TRUE(has(fr, "heure locale du fuseau <bdi dir=\"ltr\">Europe/Paris</bdi> (France)."));
  // Same zone whatever the language: the executing country is known.
  EXPECT_TRUE(has(render(r, "ar"), "29/03/2026 الساعة 03:30"));
  EXPECT_TRUE(has(render(r, "es"), "29/03/2026, 03:30 <bdi dir=\"ltr\">(Europe/Paris"));
  EXPECT_TRUE(has(render(r, "nl"), "29/03/2026 om 03:30 <bdi dir=\"ltr\">(Europe/Paris"));
  EXPECT_TRUE(has(render(r, "en"), "29 March 2026, 03:30 <bdi dir=\"ltr\">(Europe/Paris"));
}

// Morocco keeps UTC+1 except during Ramadan, when it goes back to UTC+0. Checked against the tz
// database: TZ=Africa/Casablanca date -d @1772020800 (2026-02-25T12:00:00Z) gives 12:00 +00, and
// zdump shows the 2026 Ramadan interval as 15 February 02:00 UTC – 22 March 02:00 UTC.
TEST(RequestDocument, MoroccanTimesFollowTheRamadanOffset) {
  domain::Request r = complete_request(Channel::kMutualLegalAssistance);  // FR → MA
  r.status_history = {{RequestState::kSent, at("2026-02-25T12:00:00Z"), "usr_fr_1"},
                      {RequestState::kDelivered, at("2026-03-29T01:30:00Z"), "usr_fr_1"}};
  const std::string fr = render(r, "fr");
  EXPECT_TRUE(has(fr, "25/02/2026 à 12:00 <bdi dir=\"ltr\">(Africa/Casablanca, UTC+00:00)"));
  EXPECT_TRUE(has(fr, "29/03/2026 à 02:30 <bdi dir=\"ltr\">(Africa/Casablanca, UTC+01:00)"));
  EXPECT_TRUE(has(fr, "<bdi dir=\"ltr\">Africa/Casablanca</bdi> (Maroc)."));
  EXPECT_TRUE(has(render(r, "ar"), "25/02/2026 الساعة 12:00"));
}

TEST(RequestDocument, EnglishDatesSpellTheMonth) {
  domain::Request r = complete_request(Channel::kBudapestRequest);  // executing FR
  r.requested_deadline = at("2026-03-12T13:05:00Z");
  r.urgency = domain::Urgency::kUrgent;
  r.urgency_changed_at = at("2026-03-10T07:00:00Z");
  const std::string en = render(r, "en");
  EXPECT_TRUE(has(en, "12 March 2026, 14:05 <bdi dir=\"ltr\">(Europe/Paris, UTC+01:00)</bdi>"));
  EXPECT_TRUE(has(en, "10 March 2026, 08:00"));
  // Time frame of the fixture: 2026-01-01T00:00:00Z to 2026-03-31T23:59:59Z.
  EXPECT_TRUE(has(en, "From <time datetime=\"2026-01-01T00:00:00.000Z\""));
  EXPECT_TRUE(has(en, "1 January 2026, 01:00"));
  EXPECT_TRUE(has(en, "1 April 2026, 01:59"));
  EXPECT_TRUE(has(en, "Urgent"));
}

TEST(RequestDocument, ZoneFallsBackToTheIssuingCountryThenUtc) {
  // A provider in the United States: no zone is known for it, Spain issued the request.
  domain::Request r = complete_request(Channel::kVoluntaryDisclosure);
  r.status_history = {{RequestState::kSent, at("2026-07-01T10:00:00Z"), "usr_es_1"}};
  const std::string es = render(r, "es");
  EXPECT_TRUE(has(es, "01/07/2026, 12:00 <bdi dir=\"ltr\">(Europe/Madrid, UTC+02:00)"));
  EXPECT_TRUE(has(es, "Estados Unidos"));

  r.issuing_country.clear();
  r.executing_country.clear();
  const std::string utc = render(r, "en");
  EXPECT_TRUE(has(utc, "1 July 2026, 10:00 <bdi dir=\"ltr\">(UTC, UTC+00:00)"));
}

TEST(RequestDocument, UnknownCodesFallBackToTheCode) {
  domain::Request r = eio_under_review();
  r.measures.push_back(
      {"future_measure", "Une mesure que le vocabulaire ne connaît pas encore.", "Lien fictif."});
  r.data_categories.push_back("future_category");
  r.deadlines.push_back({"future_clock", at("2026-05-01T10:00:00Z"), "paused", false});
  for (std::string_view lang : kLanguages) {
    const std::string html = render(r, lang);
    EXPECT_TRUE(has(html, "<span class=\"untranslated\" dir=\"ltr\">future_measure</span>"))
        << lang;
    EXPECT_TRUE(has(html, ">future_category<")) << lang;
    EXPECT_TRUE(has(html, ">future_clock<")) << lang;
    EXPECT_TRUE(has(html, ">paused<")) << lang;
  }
}

TEST(RequestDocument, EveryKnownCodeIsTranslatedInEveryLanguage) {
  std::vector<domain::Request> requests;
  for (Channel channel : domain::all_channels()) {
    domain::Request r = complete_request(channel);
    r.measures.clear();
    for (std::string_view m : domain::request_vocabulary::kMeasureTypes) {
      r.measures.push_back({std::string(m), "Description fictive.", "Lien fictif."});
    }
    r.data_categories.assign(domain::request_vocabulary::kDataCategories.begin(),
                             domain::request_vocabulary::kDataCategories.end());
    r.identifiers.clear();
    for (std::string_view type : domain::vocabulary::kIdentifierTypes) {
      r.identifiers.push_back({std::string(type), "fictional-value"});
    }
    r.languages.assign(domain::vocabulary::kSummaryLanguages.begin(),
                       domain::vocabulary::kSummaryLanguages.end());
    for (RequestState s : domain::all_request_states()) {
      r.status_history.push_back({s, at("2026-03-02T09:00:00Z"), "usr_1"});
    }
    // Every deadline kind clocks/ can produce, with every status.
    std::set<std::string> kinds = {"requested_by_issuer"};
    const clocks::ClockConfig& config = clocks::default_clock_config();
    for (const auto& c : config.channels) {
      for (const auto& rule : c.rules) kinds.insert(rule.kind);
    }
    for (const auto& pair : config.pair_targets) {
      for (const auto& rule : pair.rules) kinds.insert(rule.kind);
    }
    for (const std::string& kind : kinds) {
      for (auto status : {clocks::DeadlineStatus::kOpen, clocks::DeadlineStatus::kMet,
                          clocks::DeadlineStatus::kStopped}) {
        r.deadlines.push_back(
            {kind, at("2026-04-02T21:59:59Z"), std::string(clocks::to_string(status)), true});
      }
    }
    requests.push_back(r);
  }
  for (std::string_view kind : domain::request_vocabulary::kAuthorityKinds) {
    domain::Request r = complete_request(Channel::kEuropeanProductionOrder);
    r.issuing_authority_kind = kind;
    r.validating_authority_kind = kind;
    requests.push_back(r);
  }
  for (auto urgency :
       {domain::Urgency::kNormal, domain::Urgency::kUrgent, domain::Urgency::kEmergency}) {
    domain::Request r = complete_request(Channel::kMutualLegalAssistance);
    r.urgency = urgency;
    requests.push_back(r);
  }
  for (const domain::Request& r : requests) {
    for (std::string_view lang : kLanguages) {
      const std::string html = render(r, lang);
      const size_t missing = html.find("untranslated");
      EXPECT_EQ(missing, std::string::npos)
          << lang << " " << domain::to_string(r.channel) << ": "
          << html.substr(missing == std::string::npos ? 0 : missing, 80);
    }
  }
}

TEST(RequestDocument, FreeTextIsEscapedAndKeptAsWritten) {
  const std::string script = "<script>alert(1)</script>";
  domain::Request r = complete_request(Channel::kEuropeanProductionOrder);
  r.legal_basis = script + "basis";
  r.provider = script + "provider";
  r.urgency_justification = script + "justification";
  r.summary_of_facts.text = script + "facts\nsecond line";
  r.legal_qualification = {script + "article", script + "qualification"};
  r.confidentiality = {true, script + "reason"};
  r.measures = {{"production", script + "description", script + "link"}};
  r.identifiers = {{"email", script + "@example.org"}};
  r.person_ids = {script + "person"};
  r.issuing = "aut_fictional";
  const std::vector<store::Authority> authorities = {
      {"aut_fictional", "FR", script + " Parquet fictif"}};
  const std::vector<domain::RequestAttachment> attachments = {{.filename = script + ".pdf",
                                                               .media_type = "application/pdf",
                                                               .size = 10,
                                                               .sha256 = std::string(64, 'a'),
                                                               .uploaded_by_country = "FR"}};
  for (std::string_view lang : kLanguages) {
    const std::string html = render(r, lang, attachments, authorities);
    EXPECT_FALSE(has(html, "<script")) << lang;
    for (std::string_view field :
         {"basis", "provider", "justification", "facts", "article", "qualification", "reason",
          "description", "link", "@example.org", "person", " Parquet fictif", ".pdf"}) {
      EXPECT_TRUE(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;" + std::string(field)))
          << lang << " " << field;
    }
    // Line breaks the magistrate typed are kept: the text is preserved, and shown pre-wrapped.
    EXPECT_TRUE(has(html, "facts\nsecond line")) << lang;
    EXPECT_TRUE(has(html, "white-space:pre-wrap")) << lang;
  }
}

TEST(RequestDocument, AttachmentsAreListedWithTheirFullHash) {
  domain::Request r = complete_request(Channel::kMutualLegalAssistance);  // FR → MA
  const std::string sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  const std::vector<domain::RequestAttachment> attachments = {
      {.id = "att_1",
       .filename = "Commission rogatoire & annexes.pdf",
       .media_type = "application/pdf",
       .size = 1'500'000,
       .sha256 = sha,
       .uploaded_by_country = "FR",
       .uploaded_at = at("2026-02-25T12:00:00Z")},
      {.id = "att_2",
       .filename = "ترجمة.pdf",
       .media_type = "application/pdf",
       .size = 512,
       .sha256 = std::string(64, '0'),
       .uploaded_by_country = "MA",
       .uploaded_at = at("2026-03-02T09:00:00Z")}};

  const std::string fr = render(r, "fr", attachments);
  EXPECT_TRUE(has(fr, "<h2>Pièces jointes</h2>"));
  EXPECT_TRUE(has(fr, "<code class=\"sha256\" dir=\"ltr\">" + sha + "</code>"));
  EXPECT_TRUE(has(fr, std::string(64, '0')));
  EXPECT_TRUE(has_text(fr, "Commission rogatoire & annexes.pdf"));
  EXPECT_TRUE(has(fr, "<bdi>ترجمة.pdf</bdi>"));
  EXPECT_TRUE(has(fr, "1,5 Mo<br><small>(1\u202f500\u202f000 octets)</small>"));
  EXPECT_TRUE(has(fr, "<td>512 octets</td>"));
  EXPECT_TRUE(has(fr, "<td>France</td>"));
  EXPECT_TRUE(has(fr, "<td>Maroc</td>"));
  EXPECT_TRUE(has(fr, "25/02/2026 à 12:00 <bdi dir=\"ltr\">(Africa/Casablanca, UTC+00:00)"));
  EXPECT_TRUE(has_text(fr, "permet à l'autorité destinataire de vérifier"));
  EXPECT_FALSE(has(fr, "Aucune pièce jointe."));

  const std::string en = render(r, "en", attachments);
  EXPECT_TRUE(has(en, "1.5 MB<br><small>(1,500,000 bytes)</small>"));
  EXPECT_TRUE(has(en, "lets the receiving authority verify"));
  const std::string ar = render(r, "ar", attachments);
  EXPECT_TRUE(has(ar, "<h2>المرفقات</h2>"));
  EXPECT_TRUE(has(ar, "<code class=\"sha256\" dir=\"ltr\">" + sha + "</code>"));
  EXPECT_TRUE(has(ar, "<td>المغرب</td>"));
  EXPECT_TRUE(has(render(r, "es", attachments), "1,5 MB"));
  EXPECT_TRUE(has(render(r, "nl", attachments), "1,5 MB<br><small>(1.500.000 bytes)</small>"));
}

TEST(RequestDocument, SizesRoundToTheNextUnit) {
  domain::Request r = complete_request(Channel::kMutualLegalAssistance);
  std::vector<domain::RequestAttachment> attachments(3);
  attachments[0].size = 1;
  attachments[1].size = 999'960;     // 999.96 kB
  attachments[2].size = 33'554'432;  // kMaxAttachmentBytes
  const std::string en = render(r, "en", attachments);
  EXPECT_TRUE(has(en, "<td>1 byte</td>"));
  EXPECT_TRUE(has(en, "1.0 MB<br><small>(999,960 bytes)"));
  EXPECT_TRUE(has(en, "33.6 MB<br><small>(33,554,432 bytes)"));
}

TEST(RequestDocument, NoAttachmentsSaysSoInEveryLanguage) {
  const domain::Request r = complete_request(Channel::kMutualLegalAssistance);
  const std::array<std::string_view, 5> none{"Aucune pièce jointe.", "لا توجد مرفقات.",
                                             "Ningún documento adjunto.", "Geen bijlagen.",
                                             "None."};
  const std::array<std::string_view, 5> heading{"Pièces jointes", "المرفقات", "Documentos adjuntos",
                                                "Bijlagen", "Attachments"};
  for (size_t i = 0; i < kLanguages.size(); ++i) {
    const std::string html = render(r, kLanguages[i]);
    EXPECT_TRUE(
        has(html, "<h2>" + std::string(heading[i]) + "</h2>\n<p>" + std::string(none[i]) + "</p>"))
        << kLanguages[i];
    EXPECT_FALSE(has(html, "class=\"files\"")) << kLanguages[i];
  }
}

TEST(RequestDocument, EmptySectionsShowTheNoneMark) {
  domain::Request r = complete_request(Channel::kMutualLegalAssistance);  // no deadline yet
  r.measures.clear();
  const std::string html = render(r, "fr");
  EXPECT_TRUE(has(html, "<h2>Mesures demandées</h2>\n<p>—</p>"));
  EXPECT_TRUE(has(html, "<h2>Délais</h2>\n<p>—</p>"));
  EXPECT_TRUE(has(html, "<h2>Historique</h2>\n<p>—</p>"));
  EXPECT_FALSE(has(html, "<table>\n</table>"));
}

TEST(RequestDocument, PrintStylesheetIsA4) {
  const std::string html = render(eio_under_review(), "nl");
  EXPECT_TRUE(has_text(html, "Europees onderzoeksbevel"));
  EXPECT_TRUE(has(html, "@page{size:A4"));
  EXPECT_TRUE(has(html, "@media print{"));
  EXPECT_FALSE(has(html, "<nav"));
}

}  // namespace
}  // namespace taawun::api
