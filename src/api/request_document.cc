#include "api/request_document.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <chrono>
#include <exception>
#include <functional>
#include <map>
#include <utility>

#include "clocks/legal_clock.h"
#include "common/time.h"

namespace taawun::api {

namespace {

// One row per label or code: fr, ar, es, nl, en. std::less<> so codes can be looked up by
// string_view without a copy.
using Labels = std::array<const char*, 5>;
using LabelTable = std::map<std::string, Labels, std::less<>>;

const LabelTable& labels() {
  static const LabelTable table = {
      {"title",
       {"Demande d'entraide judiciaire", "طلب تعاون قضائي", "Solicitud de cooperación judicial",
        "Verzoek om justitiële samenwerking", "Request for judicial cooperation"}},
      {"reference", {"Référence", "المرجع", "Referencia", "Referentie", "Reference"}},
      {"channel", {"Instrument", "الآلية", "Instrumento", "Instrument", "Channel"}},
      {"status", {"État", "الحالة", "Estado", "Status", "Status"}},
      {"legal_basis",
       {"Base juridique", "الأساس القانوني", "Base jurídica", "Rechtsgrondslag", "Legal basis"}},
      {"issuing",
       {"Autorité d'émission", "السلطة المصدرة", "Autoridad emisora", "Uitvaardigende autoriteit",
        "Issuing authority"}},
      {"issuing_kind",
       {"Qualité de l'autorité d'émission", "صفة السلطة المصدرة", "Tipo de autoridad emisora",
        "Hoedanigheid van de uitvaardigende autoriteit", "Type of issuing authority"}},
      {"validating_kind",
       {"Autorité de validation", "سلطة المصادقة", "Autoridad de validación",
        "Validerende autoriteit", "Validating authority"}},
      {"executing",
       {"Autorité d'exécution", "السلطة المنفذة", "Autoridad de ejecución",
        "Uitvoerende autoriteit", "Executing authority"}},
      {"provider",
       {"Fournisseur de services", "مزود الخدمة", "Proveedor de servicios", "Dienstverlener",
        "Service provider"}},
      {"languages",
       {"Langues de la demande", "لغات الطلب", "Idiomas de la solicitud", "Talen van het verzoek",
        "Languages of the request"}},
      {"urgency", {"Urgence", "الاستعجال", "Urgencia", "Spoedeisendheid", "Urgency"}},
      {"justification",
       {"Motif de l'urgence", "مبررات الاستعجال", "Motivo de la urgencia", "Reden van spoed",
        "Reason for urgency"}},
      {"urgency_changed_at",
       {"Urgence modifiée le", "تاريخ تغيير درجة الاستعجال", "Urgencia modificada el",
        "Spoedeisendheid gewijzigd op", "Urgency changed on"}},
      {"requested_deadline",
       {"Délai demandé par l'autorité d'émission", "الأجل الذي طلبته السلطة المصدرة",
        "Plazo solicitado por la autoridad emisora",
        "Door de uitvaardigende autoriteit gevraagde termijn",
        "Deadline requested by the issuing authority"}},
      {"facts",
       {"Exposé des faits", "ملخص الوقائع", "Exposición de los hechos",
        "Samenvatting van de feiten", "Summary of facts"}},
      {"qualification",
       {"Qualification juridique", "التكييف القانوني", "Calificación jurídica",
        "Juridische kwalificatie", "Legal qualification"}},
      {"measures",
       {"Mesures demandées", "الإجراءات المطلوبة", "Medidas solicitadas", "Gevraagde maatregelen",
        "Measures requested"}},
      {"link_to_facts",
       {"Lien avec les faits", "الصلة بالوقائع", "Relación con los hechos", "Verband met de feiten",
        "Link to the facts"}},
      {"persons",
       {"Personnes concernées", "الأشخاص المعنيون", "Personas afectadas", "Betrokken personen",
        "Persons concerned"}},
      {"identifiers",
       {"Identifiants concernés", "المعرفات المعنية", "Identificadores afectados",
        "Betrokken identificatoren", "Identifiers concerned"}},
      {"data_categories",
       {"Catégories de données", "فئات البيانات", "Categorías de datos", "Gegevenscategorieën",
        "Data categories"}},
      {"time_frame", {"Période visée", "الفترة المعنية", "Período", "Periode", "Time frame"}},
      {"from", {"Du", "من", "Desde el", "Van", "From"}},
      {"to", {"au", "إلى", "hasta el", "tot en met", "to"}},
      {"until", {"Jusqu'au", "إلى غاية", "Hasta el", "Tot en met", "Until"}},
      {"confidentiality",
       {"Confidentialité", "السرية", "Confidencialidad", "Vertrouwelijkheid", "Confidentiality"}},
      {"deadlines", {"Délais", "الآجال", "Plazos", "Termijnen", "Deadlines"}},
      {"binding",
       {"délai légal", "أجل قانوني", "plazo legal", "wettelijke termijn", "legal time limit"}},
      {"not_binding",
       {"objectif indicatif", "هدف استرشادي", "objetivo orientativo", "indicatieve streeftermijn",
        "indicative target"}},
      {"history", {"Historique", "السجل", "Historial", "Geschiedenis", "History"}},
      {"attachments",
       {"Pièces jointes", "المرفقات", "Documentos adjuntos", "Bijlagen", "Attachments"}},
      {"file_name",
       {"Nom du fichier", "اسم الملف", "Nombre del archivo", "Bestandsnaam", "File name"}},
      {"media_type",
       {"Type de fichier", "نوع الملف", "Tipo de archivo", "Bestandstype", "Media type"}},
      {"size", {"Taille", "الحجم", "Tamaño", "Grootte", "Size"}},
      {"uploaded_by",
       {"Versée par", "أُرفق من طرف", "Aportado por", "Toegevoegd door", "Uploaded by"}},
      {"uploaded_at",
       {"Versée le", "تاريخ الإرفاق", "Fecha de aportación", "Toegevoegd op", "Uploaded on"}},
      {"sha256",
       {"Empreinte SHA-256", "بصمة SHA-256", "Huella SHA-256", "SHA-256-hashwaarde",
        "SHA-256 hash"}},
      {"sha256_note",
       {"L'empreinte SHA-256 permet à l'autorité destinataire de vérifier que chaque fichier reçu "
        "est identique au fichier transmis.",
        "تتيح بصمة SHA-256 للسلطة المتلقية التحقق من أن كل ملف مستلم مطابق للملف المرسل.",
        "La huella SHA-256 permite a la autoridad destinataria verificar que cada archivo recibido "
        "es idéntico al transmitido.",
        "Met de SHA-256-hashwaarde kan de ontvangende autoriteit nagaan of elk ontvangen bestand "
        "identiek is aan het verzonden bestand.",
        "The SHA-256 hash lets the receiving authority verify that each file received is "
        "identical to the file sent."}},
      {"no_attachments",
       {"Aucune pièce jointe.", "لا توجد مرفقات.", "Ningún documento adjunto.", "Geen bijlagen.",
        "None."}},
      {"times_in",
       {"Les dates et heures sont indiquées à l'heure locale du fuseau",
        "التواريخ والأوقات مبينة بالتوقيت المحلي للمنطقة الزمنية",
        "Las fechas y horas se indican en la hora local de la zona horaria",
        "Datums en tijden zijn vermeld in de lokale tijd van de tijdzone",
        "Dates and times are shown in the local time of the time zone"}},
      {"yes", {"oui", "نعم", "sí", "ja", "yes"}},
      {"no", {"non", "لا", "no", "nee", "no"}},
      {"none", {"—", "—", "—", "—", "—"}},
      // Typography: French puts a no-break space before a colon; Arabic has its own comma.
      {"colon", {"\u00a0: ", ": ", ": ", ": ", ": "}},
      {"list_separator", {", ", "، ", ", ", ", ", ", "}},
      // Between the date and the time of day. Spanish "a las" would need "a la" at one o'clock.
      {"at_time", {" à ", " الساعة ", ", ", " om ", ", "}},
      // Numbers keep Western digits in every language, as Moroccan courts write them; U+202F (a
      // narrow no-break space) is a bidi separator, so a grouped number stays whole in Arabic.
      {"decimal", {",", ",", ",", ",", "."}},
      {"thousands", {"\u202f", "\u202f", ".", ".", ","}},
      {"byte", {"octet", "بايت", "byte", "byte", "byte"}},
      {"bytes", {"octets", "بايت", "bytes", "bytes", "bytes"}},
      {"kilobytes", {"ko", "كيلوبايت", "kB", "kB", "kB"}},
      {"megabytes", {"Mo", "ميغابايت", "MB", "MB", "MB"}},
      {"gigabytes", {"Go", "غيغابايت", "GB", "GB", "GB"}},
  };
  return table;
}

// ---- Coded values (the API's codes, as domain/ and clocks/ define them) ----------------------

const LabelTable& channel_names() {
  static const LabelTable table = {
      {"mutual_legal_assistance",
       {"Commission rogatoire / entraide pénale internationale",
        "إنابة قضائية / مساعدة قضائية متبادلة", "Comisión rogatoria / asistencia judicial",
        "Rechtshulpverzoek", "Letter rogatory / mutual legal assistance request"}},
      {"european_investigation_order",
       {"Décision d'enquête européenne", "أمر التحقيق الأوروبي", "Orden europea de investigación",
        "Europees onderzoeksbevel", "European Investigation Order"}},
      {"european_production_order",
       {"Injonction européenne de production", "أمر التقديم الأوروبي (الأدلة الإلكترونية)",
        "Orden europea de producción", "Europees verstrekkingsbevel", "European Production Order"}},
      {"european_preservation_order",
       {"Injonction européenne de conservation", "أمر الحفظ الأوروبي (الأدلة الإلكترونية)",
        "Orden europea de conservación", "Europees bewaringsbevel", "European Preservation Order"}},
      {"budapest_request",
       {"Demande d'entraide au titre de la Convention de Budapest (art. 29 à 31)",
        "طلب مساعدة بموجب اتفاقية بودابست (المواد 29 إلى 31)",
        "Solicitud de asistencia en virtud del Convenio de Budapest (arts. 29 a 31)",
        "Rechtshulpverzoek op grond van het Verdrag van Boedapest (art. 29-31)",
        "Request under the Budapest Convention (Art. 29–31)"}},
      {"voluntary_disclosure",
       {"Demande de communication volontaire (fournisseur de services)",
        "طلب إفصاح طوعي (مزود الخدمة)",
        "Solicitud de revelación voluntaria (proveedor de servicios)",
        "Verzoek om vrijwillige verstrekking (dienstverlener)",
        "Request for voluntary disclosure (service provider)"}},
      {"spontaneous_information",
       {"Transmission spontanée d'informations", "إحالة تلقائية للمعلومات",
        "Transmisión espontánea de información", "Spontane informatieverstrekking",
        "Spontaneous information"}},
  };
  return table;
}

// Feminine in French and Spanish (la demande, la solicitud), masculine in Arabic (الطلب).
const LabelTable& state_names() {
  static const LabelTable table = {
      {"draft", {"Projet", "مسودة", "Borrador", "Ontwerp", "Draft"}},
      {"validated", {"Validée", "مصادق عليه", "Validada", "Gevalideerd", "Validated"}},
      {"sent", {"Envoyée", "مرسل", "Enviada", "Verzonden", "Sent"}},
      {"delivered",
       {"Parvenue au destinataire", "وصل إلى الجهة المتلقية", "Recibida por el destinatario",
        "Ontvangen door de geadresseerde", "Delivered"}},
      {"acknowledged",
       {"Accusé de réception émis", "تم الإشعار بالاستلام", "Acuse de recibo emitido",
        "Ontvangst bevestigd", "Receipt acknowledged"}},
      {"under_review",
       {"En cours d'examen", "قيد الدراسة", "En examen", "In behandeling", "Under review"}},
      {"accepted", {"Acceptée", "مقبول", "Aceptada", "Aanvaard", "Accepted"}},
      {"information_requested",
       {"Complément d'information demandé", "طُلبت معلومات إضافية",
        "Información adicional solicitada", "Aanvullende informatie gevraagd",
        "Further information requested"}},
      {"postponed",
       {"Exécution reportée", "تأجيل التنفيذ", "Ejecución aplazada", "Uitvoering uitgesteld",
        "Execution postponed"}},
      {"refused", {"Refusée", "مرفوض", "Denegada", "Geweigerd", "Refused"}},
      {"in_execution",
       {"En cours d'exécution", "قيد التنفيذ", "En ejecución", "In uitvoering", "In execution"}},
      {"partially_executed",
       {"Partiellement exécutée", "منفذ جزئيا", "Parcialmente ejecutada", "Gedeeltelijk uitgevoerd",
        "Partially executed"}},
      {"executed", {"Exécutée", "منفذ", "Ejecutada", "Uitgevoerd", "Executed"}},
      {"results_received",
       {"Résultats reçus", "تم استلام النتائج", "Resultados recibidos", "Resultaten ontvangen",
        "Results received"}},
      {"closed", {"Clôturée", "مغلق", "Cerrada", "Afgesloten", "Closed"}},
      {"withdrawn", {"Retirée", "مسحوب", "Retirada", "Ingetrokken", "Withdrawn"}},
      {"issued", {"Émise", "صادر", "Emitida", "Uitgevaardigd", "Issued"}},
      {"received_by_provider",
       {"Reçue par le fournisseur de services", "تسلمه مزود الخدمة",
        "Recibida por el proveedor de servicios", "Ontvangen door de dienstverlener",
        "Received by the service provider"}},
      {"preserving",
       {"Conservation des données en cours", "حفظ البيانات جارٍ", "Conservación de datos en curso",
        "Gegevens worden bewaard", "Data being preserved"}},
      {"produced",
       {"Données produites", "تم تقديم البيانات", "Datos transmitidos", "Gegevens verstrekt",
        "Data produced"}},
      {"objected",
       {"Objection formulée", "تم الاعتراض", "Objeción formulada", "Bezwaar gemaakt",
        "Objection raised"}},
      {"cannot_comply",
       {"Exécution impossible", "تعذر التنفيذ", "Imposibilidad de cumplimiento",
        "Naleving onmogelijk", "Unable to comply"}},
  };
  return table;
}

const LabelTable& urgency_names() {
  static const LabelTable table = {
      {"normal", {"Normale", "عادي", "Normal", "Normaal", "Normal"}},
      {"urgent", {"Urgente", "مستعجل", "Urgente", "Spoedeisend", "Urgent"}},
      {"emergency",
       {"Urgence vitale (vie en danger)", "حالة طوارئ (خطر على الحياة)",
        "Emergencia (riesgo para la vida)", "Noodgeval (levensgevaar)",
        "Emergency (life at risk)"}},
  };
  return table;
}

// Budapest Convention measures use the Convention's official wording in each language.
const LabelTable& measure_names() {
  static const LabelTable table = {
      {"hearing_witness",
       {"Audition de témoin", "الاستماع إلى شاهد", "Declaración de testigo",
        "Verhoor van een getuige", "Hearing of a witness"}},
      {"hearing_suspect",
       {"Audition d'une personne soupçonnée", "الاستماع إلى مشتبه فيه",
        "Declaración de investigado", "Verhoor van een verdachte", "Hearing of a suspect"}},
      {"hearing_by_videoconference",
       {"Audition par visioconférence", "الاستماع عن طريق الاتصال المرئي عن بعد",
        "Declaración por videoconferencia", "Verhoor via videoconferentie",
        "Hearing by videoconference"}},
      {"search_and_seizure",
       {"Perquisition et saisie", "التفتيش والحجز", "Registro e incautación",
        "Huiszoeking en inbeslagneming", "Search and seizure"}},
      {"production_of_documents",
       {"Remise de documents", "تقديم الوثائق", "Entrega de documentos", "Overlegging van stukken",
        "Production of documents"}},
      {"banking_information",
       {"Informations bancaires", "معلومات بنكية", "Información bancaria",
        "Informatie over bankrekeningen", "Banking information"}},
      {"monitoring_of_bank_accounts",
       {"Suivi des opérations bancaires", "مراقبة العمليات البنكية",
        "Seguimiento de operaciones bancarias", "Controle van bankverrichtingen",
        "Monitoring of banking operations"}},
      {"interception_of_telecommunications",
       {"Interception de télécommunications", "اعتراض الاتصالات",
        "Intervención de las telecomunicaciones", "Interceptie van telecommunicatie",
        "Interception of telecommunications"}},
      {"electronic_data",
       {"Données électroniques", "بيانات إلكترونية", "Datos electrónicos", "Elektronische gegevens",
        "Electronic data"}},
      {"covert_investigation",
       {"Enquête discrète", "تحقيق سري", "Investigación encubierta", "Heimelijk onderzoek",
        "Covert investigation"}},
      {"controlled_delivery",
       {"Livraison surveillée", "التسليم المراقب", "Entrega vigilada", "Gecontroleerde aflevering",
        "Controlled delivery"}},
      {"freezing_of_assets",
       {"Gel des avoirs", "تجميد الأصول", "Inmovilización de bienes",
        "Bevriezing van vermogensbestanddelen", "Freezing of assets"}},
      {"identification_of_person",
       {"Identification d'une personne", "تحديد هوية شخص", "Identificación de una persona",
        "Identificatie van een persoon", "Identification of a person"}},
      {"temporary_transfer_of_detainee",
       {"Transfèrement temporaire d'une personne détenue", "النقل المؤقت لشخص محتجز",
        "Traslado temporal de una persona detenida", "Tijdelijke overbrenging van een gedetineerde",
        "Temporary transfer of a person held in custody"}},
      {"production",
       {"Production de données", "تقديم البيانات", "Entrega de datos", "Verstrekking van gegevens",
        "Production of data"}},
      {"preservation",
       {"Conservation de données", "حفظ البيانات", "Conservación de datos", "Bewaring van gegevens",
        "Preservation of data"}},
      {"expedited_preservation",
       {"Conservation rapide de données informatiques stockées",
        "التحفظ العاجل على البيانات المعلوماتية المخزنة",
        "Conservación rápida de datos informáticos almacenados",
        "Snelle bewaring van opgeslagen computergegevens",
        "Expedited preservation of stored computer data"}},
      {"expedited_disclosure_of_traffic_data",
       {"Divulgation rapide de données relatives au trafic conservées",
        "الكشف العاجل عن بيانات المرور المحفوظة",
        "Revelación rápida de datos relativos al tráfico conservados",
        "Snelle vrijgave van bewaarde verkeersgegevens",
        "Expedited disclosure of preserved traffic data"}},
      {"access_to_stored_data",
       {"Accès à des données informatiques stockées", "الولوج إلى البيانات المعلوماتية المخزنة",
        "Acceso a datos informáticos almacenados", "Toegang tot opgeslagen computergegevens",
        "Accessing stored computer data"}},
      {"voluntary_disclosure",
       {"Communication volontaire", "إفصاح طوعي", "Revelación voluntaria",
        "Vrijwillige verstrekking", "Voluntary disclosure"}},
      {"emergency_disclosure",
       {"Communication en urgence", "إفصاح في حالة طوارئ", "Revelación de urgencia",
        "Spoedverstrekking", "Emergency disclosure"}},
      {"information",
       {"Informations transmises", "معلومات محالة", "Información transmitida",
        "Verstrekte informatie", "Information provided"}},
  };
  return table;
}

// Regulation (EU) 2023/1543 art. 3 wording where the category comes from it.
const LabelTable& data_category_names() {
  static const LabelTable table = {
      {"subscriber",
       {"Données relatives aux abonnés", "بيانات المشترك", "Datos de los abonados",
        "Abonneegegevens", "Subscriber data"}},
      {"identification",
       {"Données demandées aux seules fins d'identifier l'utilisateur",
        "بيانات مطلوبة لغرض وحيد هو تحديد هوية المستخدم",
        "Datos solicitados con el único fin de identificar al usuario",
        "Gegevens die uitsluitend worden gevraagd om de gebruiker te identificeren",
        "Data requested for the sole purpose of identifying the user"}},
      {"traffic",
       {"Données relatives au trafic", "بيانات المرور", "Datos de tráfico", "Verkeersgegevens",
        "Traffic data"}},
      {"content",
       {"Données relatives au contenu", "بيانات المحتوى", "Datos de contenido", "Inhoudsgegevens",
        "Content data"}},
      {"banking",
       {"Données bancaires", "بيانات بنكية", "Datos bancarios", "Bankgegevens", "Banking data"}},
      {"documents", {"Documents", "وثائق", "Documentos", "Documenten", "Documents"}},
  };
  return table;
}

const LabelTable& authority_kind_names() {
  static const LabelTable table = {
      {"judge", {"Juge", "قاضٍ", "Juez", "Rechter", "Judge"}},
      {"court", {"Juridiction", "محكمة", "Órgano jurisdiccional", "Gerecht", "Court"}},
      {"investigating_judge",
       {"Juge d'instruction", "قاضي التحقيق", "Juez de instrucción", "Onderzoeksrechter",
        "Investigating judge"}},
      {"prosecutor",
       {"Procureur (ministère public)", "النيابة العامة", "Fiscal (Ministerio Fiscal)",
        "Openbaar ministerie", "Public prosecutor"}},
      {"other_competent_authority",
       {"Autre autorité compétente", "سلطة مختصة أخرى", "Otra autoridad competente",
        "Andere bevoegde autoriteit", "Other competent authority"}},
  };
  return table;
}

// The kinds clocks/ produces (legal_clock_tables.cc, and "requested_by_issuer" in legal_clock.cc).
const LabelTable& deadline_kind_names() {
  static const LabelTable table = {
      {"acknowledgement",
       {"Accusé de réception", "الإشعار بالاستلام", "Acuse de recibo", "Ontvangstbevestiging",
        "Acknowledgement of receipt"}},
      {"recognition",
       {"Décision sur la reconnaissance", "البت في الاعتراف", "Decisión sobre el reconocimiento",
        "Beslissing over de erkenning", "Decision on recognition"}},
      {"execution", {"Exécution", "التنفيذ", "Ejecución", "Uitvoering", "Execution"}},
      {"emergency_response",
       {"Réponse en urgence", "الرد في حالة الطوارئ", "Respuesta de emergencia",
        "Antwoord bij noodgeval", "Emergency response"}},
      {"production",
       {"Production des données", "تقديم البيانات", "Entrega de los datos",
        "Verstrekking van de gegevens", "Production of the data"}},
      {"enforcing_state_objection",
       {"Délai d'opposition de l'État d'exécution", "أجل اعتراض دولة التنفيذ",
        "Plazo de oposición del Estado de ejecución",
        "Termijn voor bezwaar van de tenuitvoerleggingsstaat",
        "Enforcing State's objection period"}},
      {"preservation_expiry",
       {"Fin de la conservation", "انتهاء مدة الحفظ", "Fin de la conservación",
        "Einde van de bewaring", "End of preservation"}},
      {"execution_target",
       {"Délai cible d'exécution", "الأجل المستهدف للتنفيذ", "Plazo orientativo de ejecución",
        "Streeftermijn voor uitvoering", "Target date for execution"}},
      {"requested_by_issuer",
       {"Délai demandé par l'autorité d'émission", "الأجل الذي طلبته السلطة المصدرة",
        "Plazo solicitado por la autoridad emisora",
        "Door de uitvaardigende autoriteit gevraagde termijn",
        "Deadline requested by the issuing authority"}},
  };
  return table;
}

const LabelTable& deadline_status_names() {
  static const LabelTable table = {
      {"open", {"en cours", "جارٍ", "en curso", "lopend", "running"}},
      {"met", {"respecté", "تم احترامه", "cumplido", "nageleefd", "met"}},
      {"stopped", {"arrêté", "متوقف", "interrumpido", "gestopt", "stopped"}},
  };
  return table;
}

const LabelTable& identifier_type_names() {
  static const LabelTable table = {
      {"phone",
       {"Numéro de téléphone", "رقم الهاتف", "Número de teléfono", "Telefoonnummer",
        "Telephone number"}},
      {"email",
       {"Adresse électronique", "عنوان البريد الإلكتروني", "Dirección de correo electrónico",
        "E-mailadres", "E-mail address"}},
      {"iban", {"IBAN", "رقم الحساب البنكي الدولي (IBAN)", "IBAN", "IBAN", "IBAN"}},
      {"crypto_wallet",
       {"Portefeuille de crypto-actifs", "محفظة أصول مشفرة", "Monedero de criptoactivos",
        "Cryptoportemonnee", "Crypto-asset wallet"}},
      {"imei", {"IMEI", "الرقم التسلسلي للهاتف (IMEI)", "IMEI", "IMEI", "IMEI"}},
      {"online_handle",
       {"Identifiant en ligne (pseudonyme)", "معرف على الإنترنت (اسم مستعار)",
        "Identificador en línea (alias)", "Online gebruikersnaam", "Online handle"}},
  };
  return table;
}

const LabelTable& language_names() {
  static const LabelTable table = {
      {"fr", {"français", "الفرنسية", "francés", "Frans", "French"}},
      {"ar", {"arabe", "العربية", "árabe", "Arabisch", "Arabic"}},
      {"es", {"espagnol", "الإسبانية", "español", "Spaans", "Spanish"}},
      {"nl", {"néerlandais", "الهولندية", "neerlandés", "Nederlands", "Dutch"}},
      {"en", {"anglais", "الإنجليزية", "inglés", "Engels", "English"}},
  };
  return table;
}

// The parties to the agreement, and where providers commonly have their EU establishment or legal
// representative (the countries clocks/ knows a zone for), plus the United States.
const LabelTable& country_names() {
  static const LabelTable table = {
      {"MA", {"Maroc", "المغرب", "Marruecos", "Marokko", "Morocco"}},
      {"FR", {"France", "فرنسا", "Francia", "Frankrijk", "France"}},
      {"BE", {"Belgique", "بلجيكا", "Bélgica", "België", "Belgium"}},
      {"ES", {"Espagne", "إسبانيا", "España", "Spanje", "Spain"}},
      {"IE", {"Irlande", "أيرلندا", "Irlanda", "Ierland", "Ireland"}},
      {"NL", {"Pays-Bas", "هولندا", "Países Bajos", "Nederland", "Netherlands"}},
      {"LU", {"Luxembourg", "لوكسمبورغ", "Luxemburgo", "Luxemburg", "Luxembourg"}},
      {"DE", {"Allemagne", "ألمانيا", "Alemania", "Duitsland", "Germany"}},
      {"US",
       {"États-Unis", "الولايات المتحدة", "Estados Unidos", "Verenigde Staten", "United States"}},
  };
  return table;
}

constexpr std::array<const char*, 12> kEnglishMonths{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr std::array<std::string_view, 5> kLanguages{"fr", "ar", "es", "nl", "en"};

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Identifiers, hashes and references are Latin strings of letters, digits and punctuation: in an
// Arabic document the bidi algorithm would reorder their punctuation-separated parts.
std::string ltr(std::string_view text) { return "<bdi dir=\"ltr\">" + escape(text) + "</bdi>"; }

std::string two_digits(long long value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string grouped(unsigned long long value, std::string_view separator) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string default_language(std::string_view country) {
  if (country == "MA") return "ar";
  if (country == "ES") return "es";
  return "fr";  // France, Belgium (the federal prosecutor also works in Dutch: ?lang=nl)
}

// The zone every time of the document is shown in. tz == nullptr means UTC.
struct DisplayZone {
  std::string name;
  std::string country;
  const date::time_zone* tz = nullptr;
};

// The document addresses the executing authority, whose legal deadlines run on its local calendar
// (clocks/ counts them there), so its zone is the one the reader can act on. The issuing country's
// zone stands in when the executing side has none we know (a provider outside the table). One zone
// for the whole page: mixing zones on a legal document invites misreading.
DisplayZone display_zone(const domain::Request& r) {
  const clocks::ClockConfig& config = clocks::default_clock_config();
  for (const std::string* country : {&r.executing_country, &r.issuing_country}) {
    const std::string_view zone = clocks::zone_of_country(config, *country);
    if (zone.empty()) continue;
    // The date library reports a zone missing from the OS database by throwing.
    try {
      return {std::string(zone), *country, date::locate_zone(std::string(zone))};
    } catch (const std::exception&) {
    }
  }
  return {"UTC", "", nullptr};
}

class Document {
 public:
  Document(size_t lang, DisplayZone zone, const std::vector<store::Authority>& authorities)
      : lang_(lang), zone_(std::move(zone)), authorities_(authorities) {}

  std::string label(std::string_view key) const {
    return labels().at(std::string(key))[lang_];  // a missing key is a bug: at() throws
  }

  // A coded value in the document's language. A code newer than the table (a future vocabulary
  // entry) is shown as itself rather than dropped, left to right, and marked so that tests can
  // tell a missing row from a translation.
  std::string code(const LabelTable& table, std::string_view value) const {
    const auto it = table.find(value);
    if (it != table.end()) return escape(it->second[lang_]);
    return "<span class=\"untranslated\" dir=\"ltr\">" + escape(value) + "</span>";
  }

  std::string join(const std::vector<std::string>& html_items) const {
    std::string out;
    for (const auto& item : html_items) {
      if (!out.empty()) out += escape(label("list_separator"));
      out += item;
    }
    return out;
  }

  // An authority id from the register, a country code (the API accepts both), or an id we cannot
  // resolve (a provider's), shown as is with the country the service resolved it to.
  std::string party(const std::string& id, const std::string& country) const {
    for (const auto& a : authorities_) {
      if (a.id == id) {
        return "<bdi>" + escape(a.name) + "</bdi> (" + code(country_names(), a.country) + ")";
      }
    }
    if (id.empty()) return country.empty() ? "" : code(country_names(), country);
    if (country_names().contains(id)) return code(country_names(), id);
    return ltr(id) + (country.empty() ? "" : " (" + code(country_names(), country) + ")");
  }

  // Local date and time in the document's zone, with the zone and its offset at that instant
  // (Paris is +01:00 or +02:00, Casablanca +00:00 during Ramadan), so no reader has to know the
  // daylight-saving rules. The UTC instant stays in the markup for anyone who needs it.
  std::string time(Timestamp t) const {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
    const std::chrono::seconds offset =
        zone_.tz ? zone_.tz->get_info(seconds).offset : std::chrono::seconds(0);
    const auto local = seconds + offset;  // a sys_time read as a wall clock
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd(day);
    const date::hh_mm_ss<std::chrono::seconds> hms(local - day);
    const std::string clock =
        two_digits(hms.hours().count()) + ":" + two_digits(hms.minutes().count());
    std::string text;
    if (kLanguages[lang_] == "en") {
      // Day month-name year: neither the British nor the American reader can misread it.
      text = std::to_string(unsigned(ymd.day())) + " " + kEnglishMonths[unsigned(ymd.month()) - 1] +
             " " + std::to_string(int(ymd.year()));
    } else {
      text = two_digits(unsigned(ymd.day())) + "/" + two_digits(unsigned(ymd.month())) + "/" +
             std::to_string(int(ymd.year()));
    }
    text += escape(label("at_time")) + clock;
    const long long minutes = offset.count() / 60;
    const long long magnitude = minutes < 0 ? -minutes : minutes;
    const std::string utc_offset = std::string("UTC") + (minutes < 0 ? "-" : "+") +
                                   two_digits(magnitude / 60) + ":" + two_digits(magnitude % 60);
    const std::string utc = format_rfc3339(t);
    return "<time datetime=\"" + utc + "\" title=\"" + utc + "\">" + text + " <bdi dir=\"ltr\">(" +
           escape(zone_.name) + ", " + utc_offset + ")</bdi></time>";
  }

  std::string zone_line() const {
    std::string out = "<p class=\"zone\">" + escape(label("times_in")) + " " + ltr(zone_.name);
    if (!zone_.country.empty()) out += " (" + code(country_names(), zone_.country) + ")";
    return out + ".</p>\n";
  }

  // Decimal units (1 kB = 1000 bytes) as the unit names say, one decimal, and the exact count:
  // the byte count identifies the file along with its hash.
  std::string size(long long bytes) const {
    if (bytes < 0) return std::to_string(bytes);  // never stored; shown rather than hidden
    const auto n = static_cast<unsigned long long>(bytes);
    const std::string exact =
        grouped(n, label("thousands")) + " " + label(n == 1 ? "byte" : "bytes");
    if (n < 1000) return escape(exact);
    constexpr std::array<const char*, 3> kUnits{"kilobytes", "megabytes", "gigabytes"};
    size_t unit = 0;
    unsigned long long divisor = 1000;
    const auto tenths = [&] { return (n + divisor / 20) / (divisor / 10); };
    while (unit + 1 < kUnits.size() && n >= divisor * 1000) {
      divisor *= 1000;
      ++unit;
    }
    if (tenths() >= 10000 && unit + 1 < kUnits.size()) {  // 999.96 kB rounds to 1.0 MB
      divisor *= 1000;
      ++unit;
    }
    const unsigned long long t = tenths();
    return escape(grouped(t / 10, label("thousands")) + label("decimal") + std::to_string(t % 10) +
                  " " + label(kUnits[unit])) +
           "<br><small>(" + escape(exact) + ")</small>";
  }

  // A row whose value is markup built here: translations, times, escaped parts.
  std::string row(std::string_view key, const std::string& value_html) const {
    return "<tr><th>" + escape(label(key)) + "</th><td>" +
           (value_html.empty() ? escape(label("none")) : value_html) + "</td></tr>\n";
  }

  // A row holding what the magistrate typed: escaped, kept as written (line breaks included), its
  // direction taken from its own first letters.
  std::string text_row(std::string_view key, const std::string& text) const {
    if (text.empty()) return row(key, "");
    return "<tr><th>" + escape(label(key)) + "</th><td class=\"text\" dir=\"auto\">" +
           escape(text) + "</td></tr>\n";
  }

  // A heading and its table, or the "none" mark: an empty table under a heading would look like
  // a printing fault.
  std::string section(std::string_view key, const std::string& rows_html) const {
    return "<h2>" + escape(label(key)) + "</h2>\n" +
           (rows_html.empty() ? "<p>" + escape(label("none")) + "</p>\n"
                              : "<table>\n" + rows_html + "</table>\n");
  }

 private:
  size_t lang_;
  DisplayZone zone_;
  const std::vector<store::Authority>& authorities_;
};

std::string time_frame(const Document& doc, const domain::TimeFrame& frame) {
  if (frame.from && frame.to) {
    return escape(doc.label("from")) + " " + doc.time(*frame.from) + " " + escape(doc.label("to")) +
           " " + doc.time(*frame.to);
  }
  if (frame.from) return escape(doc.label("from")) + " " + doc.time(*frame.from);
  if (frame.to) return escape(doc.label("until")) + " " + doc.time(*frame.to);
  return "";
}

std::string attachments_section(const Document& doc,
                                std::span<const domain::RequestAttachment> attachments) {
  std::string html = "<h2>" + escape(doc.label("attachments")) + "</h2>\n";
  if (attachments.empty()) {
    return html + "<p>" + escape(doc.label("no_attachments")) + "</p>\n";
  }
  html += "<table class=\"files\">\n<thead><tr><th>#</th>";
  for (const char* key : {"file_name", "media_type", "size", "uploaded_by", "uploaded_at"}) {
    html += "<th>" + escape(doc.label(key)) + "</th>";
  }
  html += "</tr></thead>\n";
  // One tbody per file so that print keeps a file's row and its hash on the same page. The hash
  // gets a row of its own: 64 monospace characters do not fit a column of an A4 table.
  for (size_t i = 0; i < attachments.size(); ++i) {
    const domain::RequestAttachment& a = attachments[i];
    html += "<tbody><tr><td>" + std::to_string(i + 1) + "</td><td><bdi>" + escape(a.filename) +
            "</bdi></td><td>" + ltr(a.media_type) + "</td><td>" + doc.size(a.size) + "</td><td>" +
            (a.uploaded_by_country.empty() ? escape(doc.label("none"))
                                           : doc.code(country_names(), a.uploaded_by_country)) +
            "</td><td>" + doc.time(a.uploaded_at) + "</td></tr>\n<tr><td></td><td colspan=\"5\">" +
            escape(doc.label("sha256")) + escape(doc.label("colon")) +
            "<code class=\"sha256\" dir=\"ltr\">" + escape(a.sha256) +
            "</code></td></tr></tbody>\n";
  }
  return html + "</table>\n<p class=\"note\">" + escape(doc.label("sha256_note")) + "</p>\n";
}

}  // namespace

Result<std::string> render_request_document(
    const domain::Request& r, std::string_view lang,
    const std::vector<store::Authority>& authorities,
    std::span<const domain::RequestAttachment> attachments) {
  const std::string language =
      lang.empty() ? default_language(r.issuing_country) : std::string(lang);
  size_t index = kLanguages.size();
  for (size_t i = 0; i < kLanguages.size(); ++i) {
    if (kLanguages[i] == language) index = i;
  }
  if (index == kLanguages.size()) {
    return Error::invalid("validation.invalid_value", "lang must be one of fr, ar, es, nl, en.",
                          "lang");
  }
  const Document doc(index, display_zone(r), authorities);
  const auto title = escape(doc.label("title"));

  std::string html =
      "<!doctype html>\n<html lang=\"" + language + "\" dir=\"" +
      (language == "ar" ? "rtl" : "ltr") + "\">\n<head><meta charset=\"utf-8\"><title>" + title +
      " " + escape(r.meta.id) + "</title>\n<style>\n" +
      "body{font-family:'Noto Sans','Noto Naskh Arabic',sans-serif;margin:2rem;color:#111}"
      "h1{font-size:1.4rem;border-block-end:2px solid #222;padding-block-end:.5rem}"
      "h2{font-size:1.1rem;margin-block-start:1.5rem}"
      "table{border-collapse:collapse;width:100%}"
      "th,td{border:1px solid #999;padding:.35rem .5rem;text-align:start;vertical-align:top}"
      "th{background:#f0f0f0;width:30%}"
      ".files th{width:auto}"
      ".text{white-space:pre-wrap}"
      "code,.sha256{font-family:'Noto Sans Mono','DejaVu Sans Mono',monospace}"
      ".sha256{font-size:.85rem;word-break:break-all}"
      ".zone,.note,small{font-size:.85rem;color:#333}"
      "@page{size:A4;margin:15mm}"
      "@media print{body{margin:0}h2{break-after:avoid}"
      "tr,tbody{break-inside:avoid}}\n"
      "</style></head>\n<body>\n<h1>" +
      title + "</h1>\n" + doc.zone_line() + "<table>\n";
  html += doc.row("reference", ltr(r.meta.id));
  html += doc.row("channel", doc.code(channel_names(), domain::to_string(r.channel)));
  html += doc.row("status", doc.code(state_names(), domain::to_string(r.status)));
  html += doc.text_row("legal_basis", r.legal_basis);
  html += doc.row("issuing", doc.party(r.issuing, r.issuing_country));
  if (!r.issuing_authority_kind.empty()) {
    html += doc.row("issuing_kind", doc.code(authority_kind_names(), r.issuing_authority_kind));
  }
  if (!r.validating_authority_kind.empty()) {
    html +=
        doc.row("validating_kind", doc.code(authority_kind_names(), r.validating_authority_kind));
  }
  html += doc.row("executing", doc.party(r.executing, r.executing_country));
  if (!r.provider.empty()) html += doc.text_row("provider", r.provider);
  std::vector<std::string> languages;
  for (const auto& l : r.languages) languages.push_back(doc.code(language_names(), l));
  html += doc.row("languages", doc.join(languages));
  html += doc.row("urgency", doc.code(urgency_names(), domain::to_string(r.urgency)));
  if (!r.urgency_justification.empty()) {
    html += doc.text_row("justification", r.urgency_justification);
  }
  if (r.urgency_changed_at) html += doc.row("urgency_changed_at", doc.time(*r.urgency_changed_at));
  if (r.requested_deadline) html += doc.row("requested_deadline", doc.time(*r.requested_deadline));
  html += doc.text_row(
      "qualification",
      r.legal_qualification.article +
          (r.legal_qualification.text.empty() ? "" : " — " + r.legal_qualification.text));
  std::vector<std::string> persons;
  for (const auto& id : r.person_ids) persons.push_back(ltr(id));
  html += doc.row("persons", doc.join(persons));
  std::string identifiers;
  for (const auto& i : r.identifiers) {
    identifiers += (identifiers.empty() ? "" : "<br>") + doc.code(identifier_type_names(), i.type) +
                   escape(doc.label("colon")) + ltr(i.value);
  }
  html += doc.row("identifiers", identifiers);
  std::vector<std::string> categories;
  for (const auto& c : r.data_categories) categories.push_back(doc.code(data_category_names(), c));
  html += doc.row("data_categories", doc.join(categories));
  html += doc.row("time_frame", time_frame(doc, r.time_frame));
  html += doc.row("confidentiality", escape(doc.label(r.confidentiality.requested ? "yes" : "no")) +
                                         (r.confidentiality.reason.empty()
                                              ? ""
                                              : " — <span class=\"text\" dir=\"auto\">" +
                                                    escape(r.confidentiality.reason) + "</span>"));
  html += "</table>\n<h2>" + escape(doc.label("facts")) + "</h2>\n<p class=\"text\" dir=\"auto\"" +
          (r.summary_of_facts.lang.empty() ? std::string()
                                           : " lang=\"" + escape(r.summary_of_facts.lang) + "\"") +
          ">" + escape(r.summary_of_facts.text) + "</p>\n";

  std::string measures;
  for (const auto& m : r.measures) {
    measures += "<tr><th>" + doc.code(measure_names(), m.type) +
                "</th><td><div class=\"text\" dir=\"auto\">" + escape(m.description) + "</div>";
    if (!m.link_to_facts.empty()) {
      measures += "<div><em>" + escape(doc.label("link_to_facts")) + escape(doc.label("colon")) +
                  "</em><span class=\"text\" dir=\"auto\">" + escape(m.link_to_facts) +
                  "</span></div>";
    }
    measures += "</td></tr>\n";
  }
  html += doc.section("measures", measures);

  std::string deadlines;
  for (const auto& d : r.deadlines) {
    deadlines += "<tr><th>" + doc.code(deadline_kind_names(), d.kind) + "</th><td>" +
                 doc.time(d.due_at) + "<br><small>" + doc.code(deadline_status_names(), d.status) +
                 " · " + escape(doc.label(d.binding ? "binding" : "not_binding")) +
                 "</small></td></tr>\n";
  }
  html += doc.section("deadlines", deadlines);

  std::string history;
  for (const auto& h : r.status_history) {
    history += "<tr><th>" + doc.code(state_names(), domain::to_string(h.state)) + "</th><td>" +
               doc.time(h.at) + "</td></tr>\n";
  }
  html += doc.section("history", history);
  html += attachments_section(doc, attachments) + "</body>\n</html>\n";
  return html;
}

}  // namespace taawun::api
