// taawun demo: a platform with fictional data for the four member countries. Every person here is
// invented; similar spellings across countries are deliberate, to show cross-border matching.

#include <iostream>

#include "cli/accounts.h"
#include "cli/audit_key.h"
#include "cli/commands.h"
#include "service/duty_service.h"
#include "service/involvement_service.h"
#include "service/match_registry.h"
#include "service/person_service.h"
#include "service/proceeding_service.h"

namespace taawun::cli {

namespace {

struct DemoPerson {
  std::vector<domain::PersonName> names;
  const char* birth_date;
  const char* sex;
  std::vector<std::string> nationalities;
  const char* role;
};

struct DemoCountry {
  const char* code;
  const char* prefix;
  domain::Proceeding proceeding;
  std::vector<DemoPerson> persons;
};

domain::PersonName name(const char* full, const char* given = "", const char* family = "",
                        const char* kind = "primary") {
  return {.full = full, .kind = kind, .given = given, .family = family};
}

domain::Proceeding proceeding(const char* reference, const char* stage,
                              std::vector<std::string> offences, const char* lang,
                              const char* summary, std::vector<std::string> nexus = {}) {
  domain::Proceeding p;
  p.national_reference = reference;
  p.stage = stage;
  p.offence_classes = std::move(offences);
  p.terrorism_type = "jihadist";
  p.group_affiliations = {"Daech"};
  p.crime_nexus = std::move(nexus);
  p.summary = {lang, summary};
  return p;
}

std::vector<DemoCountry> demo_register() {
  return {
      {"MA",
       "ma",
       proceeding("RBA-2026-TER-0042", "investigation", {"participation", "travel"}, "ar",
                  "ملف تجريبي: الاشتباه في الانتماء إلى جماعة إرهابية والسفر إلى منطقة نزاع.",
                  {"document_fraud"}),
       {{{name("محمد بن علي", "محمد", "بن علي")}, "1991-03-14", "male", {"MA"}, "suspect"},
        {{name("يوسف الغزواني", "يوسف", "الغزواني")}, "1988", "male", {"MA"}, "suspect"}}},
      {"FR",
       "fr",
       proceeding("PNAT-2026-0117", "prosecution", {"participation", "financing"}, "fr",
                  "Dossier de démonstration : financement présumé d'une filière, fonds collectés "
                  "en ligne.",
                  {"money_laundering"}),
       {{{name("Mohamed Benali", "Mohamed", "Benali"), name("Abou Ilyas", "", "", "kunya")},
         "1991-03-14",
         "male",
         {"MA", "FR"},
         "accused"},
        {{name("Sofiane Belkacem-Fictif", "Sofiane", "Belkacem-Fictif")},
         "1995-07",
         "male",
         {"FR"},
         "suspect"}}},
      {"BE",
       "be",
       proceeding("FED-2026-TER-031", "investigation", {"recruitment"}, "nl",
                  "Demonstratiedossier: vermoedelijke rekrutering via berichtendiensten.",
                  {"arms"}),
       {{{name("Mohamed Ben Ali", "Mohamed", "Ben Ali")}, "1991", "male", {"BE"}, "suspect"},
        {{name("Youssef El Rhazouani", "Youssef", "El Rhazouani")},
         "1988-05-02",
         "male",
         {"BE", "MA"},
         "suspect"}}},
      {"ES",
       "es",
       proceeding("AN-DP-2026-0088", "trial", {"provocation"}, "es",
                  "Expediente de demostración: enaltecimiento del terrorismo en redes sociales.",
                  {"drugs"}),
       {{{name("Jalid Benhaddou", "Jalid", "Benhaddou")},
         "1990/1993",
         "male",
         {"ES", "MA"},
         "accused"},
        {{name("Muhammad bin Ali", "Muhammad", "bin Ali")}, "1991-03", "male", {"ES"}, "suspect"}}},
  };
}

}  // namespace

void add_demo_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string signing_key;
    std::string password = "taawun-demo-pass";
  };
  auto options = std::make_shared<Options>();
  auto* command =
      app.add_subcommand("demo", "Create a platform with fictional demo data and demo users");
  command->add_option("--db", options->db, "SQLite database file to create")->required();
  command->add_option("--signing-key", options->signing_key,
                      "Audit signing key file to create (default: <db>.signing-key, mode 0600, "
                      "with the public key in <file>.pub)");
  command->add_option("--password", options->password, "Password of every demo user")
      ->capture_default_str();
  command->callback([options] {
    auto platform = create_database_with_key(options->db, options->signing_key, "demo");
    if (!platform) throw CLI::RuntimeError(kExitFailure);
    store::Database& database = *platform->database;
    // The demo's persons are matched as they are entered, so the demo starts with links.
    service::MatchRegistry matching;
    const std::pair<const char*, domain::Role> kRoles[] = {
        {"prosecutor", domain::Role::kProsecutor},
        {"liaison", domain::Role::kLiaisonMagistrate},
        {"analyst", domain::Role::kAnalyst},
        {"auditor", domain::Role::kAuditor},
        {"admin", domain::Role::kAdministrator}};
    for (const DemoCountry& country : demo_register()) {
      std::optional<domain::User> prosecutor, liaison, admin;
      for (const auto& [suffix, role] : kRoles) {
        const std::string username = std::string(country.prefix) + "." + suffix;
        auto created = create_account(database, {username, username, role, "", "", country.code},
                                      options->password);
        if (!created.ok()) {
          std::cerr << "taawun: " << username << ": " << created.error().message << "\n";
          throw CLI::RuntimeError(kExitFailure);
        }
        if (role == domain::Role::kProsecutor) prosecutor = *created;
        if (role == domain::Role::kLiaisonMagistrate) liaison = *created;
        if (role == domain::Role::kAdministrator) admin = *created;
      }
      service::RequestContext context = console_context(*prosecutor, "demo", "demo data");
      Status seeded = database.write([&](store::Store& store) -> Status {
        TAAWUN_ASSIGN_OR_RETURN(auto proceeding,
                                service::create_proceeding(store, context, country.proceeding));
        for (const DemoPerson& demo : country.persons) {
          domain::Person person;
          person.names = demo.names;
          person.birth_date = parse_partial_date(demo.birth_date).value();
          person.sex = demo.sex;
          person.nationalities = demo.nationalities;
          TAAWUN_ASSIGN_OR_RETURN(auto created,
                                  service::create_person(store, context, person, &matching));
          TAAWUN_TRY(service::add_involvement(store, context, proceeding.meta.id, created.meta.id,
                                              demo.role));
        }
        // The desk's roster: the liaison magistrate on call for a week, the prosecutor heading
        // the office, so that the emergency lane has someone to alert.
        service::RequestContext admin_context = context;
        admin_context.actor.user_id = admin->id;
        admin_context.actor.username = admin->username;
        admin_context.actor.role = admin->role;
        const Timestamp start = std::chrono::floor<std::chrono::hours>(context.now);
        TAAWUN_TRY(service::create_duty(
            store, admin_context,
            {"on_call_liaison", liaison->id, start, start + std::chrono::hours(24 * 7)}));
        TAAWUN_TRY(
            service::create_duty(store, admin_context, {"head_of_office", prosecutor->id, start}));
        return {};
      });
      if (!seeded.ok()) {
        std::cerr << "taawun: demo data for " << country.code << ": " << seeded.error().message
                  << "\n";
        throw CLI::RuntimeError(kExitFailure);
      }
    }
    // The log starts covered by a signed checkpoint: whatever is removed from it later shows.
    if (!sign_checkpoint_now(database, platform->key)) throw CLI::RuntimeError(kExitFailure);
    std::cout << "Demo platform created in " << options->db << " (audit signing key "
              << platform->key_path << ")\n"
              << "Users (password '" << options->password << "'):\n";
    for (const char* prefix : {"ma", "fr", "be", "es"}) {
      std::cout << " ";
      for (const auto& [suffix, role] : kRoles) std::cout << " " << prefix << "." << suffix;
      std::cout << "\n";
    }
    std::cout << "At its first login each account enrols an authenticator app (TOTP), then types "
                 "its code at every login.\n";
  });
}

}  // namespace taawun::cli
