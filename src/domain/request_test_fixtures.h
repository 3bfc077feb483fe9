#pragma once

// Test-only: one complete request per channel, between fictional authorities about fictional
// people (DESIGN.md §10: never a real person as a suspect).

#include "common/time.h"
#include "domain/request.h"

namespace taawun::domain::testing_fixtures {

inline Timestamp at(std::string_view rfc3339) { return parse_rfc3339(rfc3339).value(); }

inline Request complete_request(Channel channel) {
  Request r;
  r.meta.id = "req_fixture";
  r.channel = channel;
  r.proceeding_id = "pro_fictional_1";
  r.summary_of_facts = {"fr",
                        "Entre janvier et mars 2026, un groupe fictif a collecté des fonds en "
                        "ligne pour financer le départ de deux membres vers une zone de conflit."};
  r.legal_qualification = {"art. 421-2-2 code pénal", "Financement d'une entreprise terroriste"};
  r.time_frame = {at("2026-01-01T00:00:00Z"), at("2026-03-31T23:59:59Z")};
  switch (channel) {
    case Channel::kMutualLegalAssistance:
      r.legal_basis = "Convention d'entraide judiciaire en matière pénale France–Maroc, art. 1";
      r.issuing = "FR";
      r.issuing_country = "FR";
      r.executing = "MA";
      r.executing_country = "MA";
      r.languages = {"fr", "ar"};
      r.person_ids = {"per_fictional_1"};
      r.measures = {{"hearing_witness", "Entendre le témoin fictif sur les virements.",
                     "Le témoin a reçu deux virements décrits dans l'exposé des faits."}};
      break;
    case Channel::kEuropeanInvestigationOrder:
      r.legal_basis = "Directive 2014/41/UE; art. 694-15 code de procédure pénale";
      r.issuing = "FR";
      r.issuing_country = "FR";
      r.issuing_authority_kind = "investigating_judge";
      r.executing = "BE";
      r.executing_country = "BE";
      r.languages = {"fr"};
      r.person_ids = {"per_fictional_1"};
      r.measures = {{"banking_information", "Relevés du compte fictif BE00 0000 0000 0000.",
                     "Le compte a servi à la collecte décrite dans les faits."}};
      break;
    case Channel::kEuropeanProductionOrder:
      r.legal_basis = "Regulation (EU) 2023/1543, art. 5";
      r.issuing = "FR";
      r.issuing_country = "FR";
      r.issuing_authority_kind = "judge";
      r.executing = "prov_example_mail_ie";
      r.executing_country = "IE";
      r.provider = "Example Mail Ltd";
      r.languages = {"en"};
      r.identifiers = {{"email", "fictional.user@example.org"}};
      r.data_categories = {"subscriber", "content"};
      r.measures = {{"production", "Subscriber data and mailbox content.",
                     "The mailbox coordinated the fund raising described in the facts."}};
      break;
    case Channel::kEuropeanPreservationOrder:
      r.legal_basis = "Regulation (EU) 2023/1543, art. 6";
      r.issuing = "BE";
      r.issuing_country = "BE";
      r.issuing_authority_kind = "prosecutor";
      r.executing = "prov_example_cloud_nl";
      r.executing_country = "NL";
      r.provider = "Example Cloud BV";
      r.languages = {"en"};
      r.identifiers = {{"online_handle", "@fictional_handle"}};
      r.data_categories = {"traffic"};
      r.measures = {{"preservation", "Preserve connection logs of the account.",
                     "The account announced the departure described in the facts."}};
      break;
    case Channel::kBudapestRequest:
      r.legal_basis = "Convention de Budapest, art. 29";
      r.issuing = "MA";
      r.issuing_country = "MA";
      r.executing = "FR";
      r.executing_country = "FR";
      r.languages = {"fr"};
      r.identifiers = {{"phone", "+212600000000"}};
      r.data_categories = {"traffic"};
      r.measures = {{"expedited_preservation", "Conserver les données de trafic de la ligne.",
                     "La ligne a été utilisée pour coordonner la collecte."}};
      break;
    case Channel::kVoluntaryDisclosure:
      r.legal_basis = "Budapest Convention art. 32(b); provider policy";
      r.issuing = "ES";
      r.issuing_country = "ES";
      r.executing = "prov_example_social_us";
      r.executing_country = "US";
      r.provider = "Example Social Inc.";
      r.languages = {"en"};
      r.identifiers = {{"online_handle", "@fictional_recruiter"}};
      r.data_categories = {"subscriber"};
      r.measures = {{"voluntary_disclosure", "Subscriber information of the account.",
                     "The account posted the recruitment messages described in the facts."}};
      break;
    case Channel::kSpontaneousInformation:
      r.legal_basis = "Convention de Budapest, art. 26";
      r.issuing = "ES";
      r.issuing_country = "ES";
      r.executing = "MA";
      r.executing_country = "MA";
      r.measures = {
          {"information", "Un membre fictif du groupe prévoit un voyage vers le Maroc.", ""}};
      r.time_frame = {};
      break;
  }
  return r;
}

}  // namespace taawun::domain::testing_fixtures
