-- The parties to the quadripartite agreement and their prosecution authorities. Data, not code:
-- the agreement can grow by a migration like this one.

INSERT INTO countries (code, name) VALUES
  ('MA', 'Maroc'),
  ('FR', 'France'),
  ('BE', 'Belgique'),
  ('ES', 'España');

INSERT INTO authorities (id, country, name) VALUES
  ('ma-pmp', 'MA', 'Présidence du Ministère Public'),
  ('ma-pg-rabat', 'MA', 'Parquet général près la Cour d''appel de Rabat'),
  ('fr-pnat', 'FR', 'Parquet national antiterroriste'),
  ('be-federal', 'BE', 'Parquet fédéral'),
  ('es-fan', 'ES', 'Fiscalía de la Audiencia Nacional');
