#pragma once

// Fictional-person generator data: name elements in Arabic script and in the romanisations French
// (Maghrebi), Spanish, English and Dutch registers use. Variants of one convention are separated
// by '/'. Combined at random, they make people who do not exist.

namespace taawun::match::bench::tables {

struct NameForms {
  const char* arabic;
  const char* french;
  const char* spanish;
  const char* english;
  const char* dutch;
};

inline constexpr NameForms kMaleGiven[] = {
    {"محمد", "Mohamed/Mohammed/Mohamed", "Mohamed/Mohammed", "Muhammad/Mohammad/Mohammed",
     "Mohammed/Mohamed"},
    {"أحمد", "Ahmed", "Ahmed/Ahmad", "Ahmad/Ahmed", "Ahmed"},
    {"علي", "Ali", "Ali", "Ali", "Ali"},
    {"يوسف", "Youssef/Youcef", "Yusef/Yussef", "Yusuf/Yousef", "Joesoef/Youssef"},
    {"خالد", "Khalid/Khaled", "Jalid/Jaled", "Khalid", "Chalid/Khalid"},
    {"ياسين", "Yassine/Yacine", "Yasin", "Yasin/Yaseen", "Jasin/Yassine"},
    {"عبد القادر", "Abdelkader/Abdel Kader", "Abdelkader/Abdel Kader", "Abd al-Qadir/Abdul Qadir",
     "Abdelkader"},
    {"عبد الرحمن", "Abderrahmane/Abderahmane", "Abderrahman", "Abd al-Rahman/Abdulrahman",
     "Abderrahman"},
    {"عبد الله", "Abdallah/Abdellah", "Abdala/Abdallah", "Abdullah/Abd Allah", "Abdallah"},
    {"رشيد", "Rachid", "Rachid/Rashid", "Rashid/Rasheed", "Rachid"},
    {"كريم", "Karim", "Karim", "Karim/Kareem", "Karim"},
    {"حسن", "Hassan", "Hasan/Hassan", "Hasan/Hassan", "Hassan"},
    {"حسين", "Houcine/Hocine/Hussein", "Husein/Hussein", "Hussein/Husayn", "Hoessein"},
    {"مصطفى", "Mustapha/Moustapha", "Mustafa", "Mustafa", "Moestafa"},
    {"عمر", "Omar", "Omar", "Umar/Omar", "Omar"},
    {"سعيد", "Said/Saïd", "Said", "Saeed/Said", "Saïd"},
    {"إبراهيم", "Brahim/Ibrahim", "Ibrahim", "Ibrahim", "Ibrahim"},
    {"إسماعيل", "Ismail/Smail", "Ismail", "Ismail/Ismael", "Ismaïl"},
    {"جمال", "Djamel/Jamal", "Yamal/Jamal", "Jamal", "Djamal/Jamal"},
    {"نور الدين", "Noureddine/Nour Eddine", "Nurdin/Nuredin", "Nur al-Din/Nuruddin",
     "Noerdin/Noureddine"},
    {"صلاح الدين", "Salaheddine/Salah Eddine", "Salahedin", "Salah al-Din/Salahuddin",
     "Salaheddine"},
    {"حمزة", "Hamza", "Hamza", "Hamza/Hamzah", "Hamza"},
    {"أيوب", "Ayoub", "Ayub", "Ayyub/Ayoub", "Ajoeb/Ayoub"},
    {"طارق", "Tarik/Tarek", "Tarik", "Tariq", "Tarik"},
    {"مروان", "Marouane/Marwane", "Maruan", "Marwan", "Marwan"},
    {"سفيان", "Soufiane/Sofiane", "Sufian", "Sufyan", "Soefjan/Soufiane"},
    {"بلال", "Bilal", "Bilal", "Bilal", "Bilal"},
    {"إدريس", "Driss/Idriss", "Idris", "Idris", "Idris"},
    {"عثمان", "Othmane/Otmane", "Otman", "Uthman/Othman", "Otman"},
    {"شكيب", "Chakib", "Chakib", "Shakib", "Sjakib"},
    {"فؤاد", "Fouad", "Fuad", "Fuad/Fouad", "Foead"},
    {"وليد", "Walid", "Ualid/Walid", "Walid/Waleed", "Walid"},
    {"هشام", "Hicham", "Hicham/Hisam", "Hisham", "Hisjam/Hicham"},
    {"زكرياء", "Zakaria/Zakariya", "Zacarías/Zakaria", "Zakariya/Zakaria", "Zakaria"},
    {"موسى", "Moussa", "Musa", "Musa", "Moesa"},
    {"منصور", "Mansour", "Mansur", "Mansur/Mansour", "Mansoer"},
    {"عبد العزيز", "Abdelaziz", "Abdelaziz", "Abd al-Aziz/Abdulaziz", "Abdelaziz"},
    {"يحيى", "Yahia/Yahya", "Yahia", "Yahya", "Jahja"},
    {"أنور", "Anouar/Anwar", "Anuar", "Anwar", "Anouar"},
    {"بوبكر", "Boubker/Boubaker", "Bubker", "Abu Bakr/Boubakar", "Boebker"},
};

inline constexpr NameForms kFemaleGiven[] = {
    {"فاطمة", "Fatima/Fatma", "Fátima/Fatima", "Fatima/Fatimah", "Fatima"},
    {"خديجة", "Khadija/Khadidja", "Jadiya/Jadija", "Khadija/Khadijah", "Chadija/Khadija"},
    {"عائشة", "Aicha/Aïcha", "Aicha/Aixa", "Aisha/Aishah", "Aïsja/Aicha"},
    {"مريم", "Meryem/Myriam", "Mariam/Meriem", "Maryam", "Meryem"},
    {"زينب", "Zineb/Zeineb", "Zeinab/Zaynab", "Zaynab/Zainab", "Zeineb"},
    {"نادية", "Nadia", "Nadia", "Nadia/Nadiya", "Nadia"},
    {"سميرة", "Samira", "Samira", "Samira/Sameera", "Samira"},
    {"أمينة", "Amina", "Amina", "Amina/Aminah", "Amina"},
    {"حفصة", "Hafsa", "Hafsa", "Hafsa/Hafsah", "Hafsa"},
    {"إيمان", "Imane/Imene", "Iman", "Iman/Eman", "Imane"},
    {"هدى", "Houda", "Huda", "Huda", "Hoeda"},
    {"نعيمة", "Naima/Naïma", "Naima", "Naeema/Naima", "Naïma"},
    {"لطيفة", "Latifa", "Latifa", "Latifa/Lateefa", "Latifa"},
    {"سلمى", "Salma", "Salma", "Salma", "Salma"},
    {"كريمة", "Karima", "Karima", "Karima/Kareema", "Karima"},
    {"حنان", "Hanane", "Hanan", "Hanan", "Hanan"},
    {"شيماء", "Chaimae/Chaima", "Chaima", "Shaima/Shaimaa", "Sjaima"},
    {"وفاء", "Ouafae/Wafae", "Uafa/Wafa", "Wafa/Wafaa", "Wafa"},
};

inline constexpr NameForms kFamily[] = {
    {"بن علي", "Benali/Ben Ali", "Benali/Ben Ali", "bin Ali/Ben Ali", "Ben Ali/Benali"},
    {"الغزواني", "Ghazouani/El Ghazouani/El Rhazouani", "El Gazuani/Gazuani",
     "al-Ghazwani/Ghazwani", "El Ghazouani"},
    {"العلوي", "Alaoui/El Alaoui", "Alaui/El Alaui", "al-Alawi/Alawi", "Alaoui"},
    {"الإدريسي", "Idrissi/El Idrissi", "Idrisi/El Idrisi", "al-Idrisi/Idrisi", "Idrissi"},
    {"بناني", "Bennani", "Benani", "Bennani", "Bennani"},
    {"التازي", "Tazi/Ettazi", "Tazi", "al-Tazi/Tazi", "Tazi"},
    {"الشرايبي", "Chraibi", "Chraibi", "Shraybi/al-Shraibi", "Chraibi"},
    {"العمراني", "Amrani/El Amrani", "Amrani/El Amrani", "al-Amrani", "El Amrani"},
    {"السعيدي", "Saidi/Essaidi", "Saidi", "al-Saidi/as-Saidi", "Saïdi"},
    {"المنصوري", "Mansouri/El Mansouri", "Mansuri/El Mansuri", "al-Mansouri/al-Mansuri",
     "El Mansouri"},
    {"الحداد", "Haddad/El Haddad", "Hadad/Haddad", "al-Haddad/Haddad", "Haddad"},
    {"بوزيد", "Bouzid", "Buzid", "Bouzid/Bu Zaid", "Boezid"},
    {"بلقاسم", "Belkacem/Belkassem", "Belkasem", "Belqasim/Belkacem", "Belkacem"},
    {"بن أحمد", "Benahmed/Ben Ahmed", "Benahmed", "bin Ahmad/Ben Ahmed", "Ben Ahmed"},
    {"بن صالح", "Bensalah/Ben Salah", "Bensalah", "bin Salih/Ben Salah", "Ben Salah"},
    {"بوعزة", "Bouazza/Bou Azza", "Buaza", "Bou Azza/Buazza", "Boeazza"},
    {"سليماني", "Slimani/Sliman", "Slimani", "Sulaimani/Slimani", "Slimani"},
    {"الشريف", "Cherif/Echcherif/Ech-Cherif", "Cherif/Charif", "al-Sharif/ash-Sharif/Sharif",
     "Cherif/Sjarif"},
    {"الحسني", "Hassani/El Hassani", "Hasani/El Hasani", "al-Hassani/al-Hasani", "El Hassani"},
    {"الطاهري", "Tahiri/Ettahiri", "Tahiri", "al-Tahiri/at-Tahiri", "Tahiri"},
    {"زياني", "Ziani", "Ziani", "Ziyani/Ziani", "Ziani"},
    {"القدوري", "Kaddouri/El Kaddouri", "Kaduri/El Kaduri", "al-Qadduri/Qadduri", "El Kaddouri"},
    {"الزهراوي", "Zahraoui/Ezzahraoui", "Zahraui", "al-Zahrawi/az-Zahrawi", "Zahraoui"},
    {"الناصري", "Naciri/Nasiri/En-Nasiri", "Nasiri/Naciri", "al-Nasiri/an-Nasiri", "Nasiri"},
    {"بوطيب", "Boutayeb/Boutaib", "Butayeb", "Boutayeb/Bu Tayyib", "Boetajeb"},
    {"الخطابي", "Khattabi/El Khattabi", "Jatabi/El Jatabi", "al-Khattabi", "El Khattabi/Chattabi"},
    {"الرحموني", "Rahmouni/Errahmouni", "Rahmuni", "al-Rahmuni/ar-Rahmuni", "Rahmouni"},
    {"ولد عبد الله", "Ould Abdallah/Ould Abdellah", "Uld Abdala", "Ould Abdullah/Wuld Abd Allah",
     "Ould Abdallah"},
    {"آيت علي", "Ait Ali/Aït Ali", "Ait Ali", "Ait Ali", "Aït Ali"},
    {"الجزائري", "Djazairi/El Djazairi", "Yazairi/El Yazairi", "al-Jazairi/Jazairi", "El Djazairi"},
    {"المصري", "Masri/El Masri", "Masri/El Masri", "al-Masri/Masri", "El Masri"},
    {"الحلبي", "Halabi/El Halabi", "Halabi", "al-Halabi/Halabi", "Halabi"},
    {"ديالو", "Diallo", "Diallo/Dialo", "Diallo/Jallow", "Diallo"},
    {"تراوري", "Traoré/Traore", "Traoré/Traore", "Traore", "Traoré"},
    {"كوليبالي", "Coulibaly", "Coulibaly/Kulibali", "Coulibaly/Kulibali", "Coulibaly"},
    {"الصومالي", "Somali/Es-Somali", "Somali", "al-Somali/as-Somali", "Somali"},
    {"حيدري", "Heydari/Haidari", "Haidari", "Haidari/Heydari", "Haidari"},
    {"يلماز", "Yilmaz/Yılmaz", "Yilmaz", "Yilmaz", "Yilmaz"},
    {"الأنصاري", "Ansari/El Ansari", "Ansari/El Ansari", "al-Ansari/Ansari", "El Ansari"},
    {"المغربي", "Maghrebi/El Maghribi", "Magribi/El Magrebi", "al-Maghribi/Maghribi",
     "El Maghrebi"},
};

// European persons (Latin script only): given and family names.
inline constexpr const char* kEuropeanGiven[] = {
    "Jean",   "Pierre", "Nicolas", "Thomas", "Julien",  "Marie", "Camille", "José",
    "Javier", "Lucía",  "Carmen",  "Pieter", "Jan",     "Sanne", "Daan",    "Emma",
    "David",  "Sarah",  "Michael", "Laura",  "Antoine", "Pablo", "Bram",    "Elena"};
inline constexpr const char* kEuropeanFamily[] = {
    "Martin",  "Dubois",   "Lefebvre", "Moreau",  "García",    "Fernández", "López",     "Martínez",
    "Peeters", "Janssens", "Maes",     "De Smet", "Van Damme", "Willems",   "Durand",    "Rousseau",
    "Navarro", "Romero",   "Claes",    "Mertens", "Dupont",    "Lambert",   "Vermeulen", "Moreno"};

// Syllables for fictional family names (Generator rich_families): a consonant and a long vowel,
// written in Arabic script and in each romanisation. A family name is one or two such syllables,
// then a consonant and the nisba ending -i (بوزاني Bouzani / Buzani / Buzani / Boezani), sometimes
// with the article. The combinations are invented; they are not a list of real families.
struct Letter {
  const char* arabic;
  const char* french;
  const char* spanish;
  const char* english;
  const char* dutch;
};
inline constexpr Letter kConsonants[] = {
    {"ب", "b", "b", "b", "b"},     {"ت", "t", "t", "t", "t"},    {"ج", "dj", "y", "j", "dj"},
    {"ح", "h", "h", "h", "h"},     {"خ", "kh", "j", "kh", "ch"}, {"د", "d", "d", "d", "d"},
    {"ر", "r", "r", "r", "r"},     {"ز", "z", "z", "z", "z"},    {"س", "s", "s", "s", "s"},
    {"ش", "ch", "ch", "sh", "sj"}, {"ط", "t", "t", "t", "t"},    {"غ", "gh", "g", "gh", "gh"},
    {"ف", "f", "f", "f", "f"},     {"ق", "k", "k", "q", "k"},    {"ك", "k", "k", "k", "k"},
    {"ل", "l", "l", "l", "l"},     {"م", "m", "m", "m", "m"},    {"ن", "n", "n", "n", "n"},
    {"ص", "s", "s", "s", "s"},
};
inline constexpr Letter kLongVowels[] = {
    {"ا", "a", "a", "a", "a"},
    {"و", "ou", "u", "u", "oe"},
    {"ي", "i", "i", "i", "i"},
};

}  // namespace taawun::match::bench::tables
