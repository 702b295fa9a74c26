-- The area of origin of foreign participants (issue 10; the evaluation's figure 3.4, ADR 0040). Portable SQL:
-- PostgreSQL and H2.

-- Which area a country of citizenship counts in. Data, not code: managers or the DBA may move a country or add one.
-- Italy is not here (Italians are not of foreign origin); a foreign country not listed counts as OTHER.
-- The groups follow the UN M49 regions:
--   MAGHREB_NEAR_EAST   Maghreb - Vicino Oriente: Northern Africa with Mauritania (a Maghreb state, M49 puts it in
--                       Western Africa) and Western Asia without the Caucasus and Cyprus
--   EASTERN_EUROPE      Europa orientale: Eastern Europe, the Baltic and Balkan states, the Caucasus
--   SUB_SAHARAN_AFRICA  Africa subsahariana
--   ASIA                Asia: Central, Eastern, South-eastern and Southern Asia (Iran included, as in M49)
--   LATIN_AMERICA       America Latina: Latin America and the Caribbean
--   OTHER               the rest: western, northern and southern Europe, North America, Oceania
create table origin_area_country (
  country_code  varchar(2)   primary key check (country_code <> 'IT'),
  origin_area   varchar(20)  not null check (origin_area in ('MAGHREB_NEAR_EAST', 'EASTERN_EUROPE',
                                             'SUB_SAHARAN_AFRICA', 'ASIA', 'LATIN_AMERICA', 'OTHER'))
);

insert into origin_area_country (country_code, origin_area) values
  ('DZ', 'MAGHREB_NEAR_EAST'), ('EG', 'MAGHREB_NEAR_EAST'), ('EH', 'MAGHREB_NEAR_EAST'), ('LY', 'MAGHREB_NEAR_EAST'),
  ('MA', 'MAGHREB_NEAR_EAST'), ('MR', 'MAGHREB_NEAR_EAST'), ('SD', 'MAGHREB_NEAR_EAST'), ('TN', 'MAGHREB_NEAR_EAST'),
  ('AE', 'MAGHREB_NEAR_EAST'), ('BH', 'MAGHREB_NEAR_EAST'), ('IL', 'MAGHREB_NEAR_EAST'), ('IQ', 'MAGHREB_NEAR_EAST'),
  ('JO', 'MAGHREB_NEAR_EAST'), ('KW', 'MAGHREB_NEAR_EAST'), ('LB', 'MAGHREB_NEAR_EAST'), ('OM', 'MAGHREB_NEAR_EAST'),
  ('PS', 'MAGHREB_NEAR_EAST'), ('QA', 'MAGHREB_NEAR_EAST'), ('SA', 'MAGHREB_NEAR_EAST'), ('SY', 'MAGHREB_NEAR_EAST'),
  ('TR', 'MAGHREB_NEAR_EAST'), ('YE', 'MAGHREB_NEAR_EAST'),

  ('AL', 'EASTERN_EUROPE'), ('AM', 'EASTERN_EUROPE'), ('AZ', 'EASTERN_EUROPE'), ('BA', 'EASTERN_EUROPE'),
  ('BG', 'EASTERN_EUROPE'), ('BY', 'EASTERN_EUROPE'), ('CZ', 'EASTERN_EUROPE'), ('EE', 'EASTERN_EUROPE'),
  ('GE', 'EASTERN_EUROPE'), ('HR', 'EASTERN_EUROPE'), ('HU', 'EASTERN_EUROPE'), ('LT', 'EASTERN_EUROPE'),
  ('LV', 'EASTERN_EUROPE'), ('MD', 'EASTERN_EUROPE'), ('ME', 'EASTERN_EUROPE'), ('MK', 'EASTERN_EUROPE'),
  ('PL', 'EASTERN_EUROPE'), ('RO', 'EASTERN_EUROPE'), ('RS', 'EASTERN_EUROPE'), ('RU', 'EASTERN_EUROPE'),
  ('SI', 'EASTERN_EUROPE'), ('SK', 'EASTERN_EUROPE'), ('UA', 'EASTERN_EUROPE'), ('XK', 'EASTERN_EUROPE'),

  ('AO', 'SUB_SAHARAN_AFRICA'), ('BF', 'SUB_SAHARAN_AFRICA'), ('BI', 'SUB_SAHARAN_AFRICA'),
  ('BJ', 'SUB_SAHARAN_AFRICA'), ('BW', 'SUB_SAHARAN_AFRICA'), ('CD', 'SUB_SAHARAN_AFRICA'),
  ('CF', 'SUB_SAHARAN_AFRICA'), ('CG', 'SUB_SAHARAN_AFRICA'), ('CI', 'SUB_SAHARAN_AFRICA'),
  ('CM', 'SUB_SAHARAN_AFRICA'), ('CV', 'SUB_SAHARAN_AFRICA'), ('DJ', 'SUB_SAHARAN_AFRICA'),
  ('ER', 'SUB_SAHARAN_AFRICA'), ('ET', 'SUB_SAHARAN_AFRICA'), ('GA', 'SUB_SAHARAN_AFRICA'),
  ('GH', 'SUB_SAHARAN_AFRICA'), ('GM', 'SUB_SAHARAN_AFRICA'), ('GN', 'SUB_SAHARAN_AFRICA'),
  ('GQ', 'SUB_SAHARAN_AFRICA'), ('GW', 'SUB_SAHARAN_AFRICA'), ('KE', 'SUB_SAHARAN_AFRICA'),
  ('KM', 'SUB_SAHARAN_AFRICA'), ('LR', 'SUB_SAHARAN_AFRICA'), ('LS', 'SUB_SAHARAN_AFRICA'),
  ('MG', 'SUB_SAHARAN_AFRICA'), ('ML', 'SUB_SAHARAN_AFRICA'), ('MU', 'SUB_SAHARAN_AFRICA'),
  ('MW', 'SUB_SAHARAN_AFRICA'), ('MZ', 'SUB_SAHARAN_AFRICA'), ('NA', 'SUB_SAHARAN_AFRICA'),
  ('NE', 'SUB_SAHARAN_AFRICA'), ('NG', 'SUB_SAHARAN_AFRICA'), ('RW', 'SUB_SAHARAN_AFRICA'),
  ('SC', 'SUB_SAHARAN_AFRICA'), ('SL', 'SUB_SAHARAN_AFRICA'), ('SN', 'SUB_SAHARAN_AFRICA'),
  ('SO', 'SUB_SAHARAN_AFRICA'), ('SS', 'SUB_SAHARAN_AFRICA'), ('ST', 'SUB_SAHARAN_AFRICA'),
  ('SZ', 'SUB_SAHARAN_AFRICA'), ('TD', 'SUB_SAHARAN_AFRICA'), ('TG', 'SUB_SAHARAN_AFRICA'),
  ('TZ', 'SUB_SAHARAN_AFRICA'), ('UG', 'SUB_SAHARAN_AFRICA'), ('ZA', 'SUB_SAHARAN_AFRICA'),
  ('ZM', 'SUB_SAHARAN_AFRICA'), ('ZW', 'SUB_SAHARAN_AFRICA'),

  ('AF', 'ASIA'), ('BD', 'ASIA'), ('BN', 'ASIA'), ('BT', 'ASIA'), ('CN', 'ASIA'), ('HK', 'ASIA'), ('ID', 'ASIA'),
  ('IN', 'ASIA'), ('IR', 'ASIA'), ('JP', 'ASIA'), ('KG', 'ASIA'), ('KH', 'ASIA'), ('KP', 'ASIA'), ('KR', 'ASIA'),
  ('KZ', 'ASIA'), ('LA', 'ASIA'), ('LK', 'ASIA'), ('MM', 'ASIA'), ('MN', 'ASIA'), ('MO', 'ASIA'), ('MV', 'ASIA'),
  ('MY', 'ASIA'), ('NP', 'ASIA'), ('PH', 'ASIA'), ('PK', 'ASIA'), ('SG', 'ASIA'), ('TH', 'ASIA'), ('TJ', 'ASIA'),
  ('TL', 'ASIA'), ('TM', 'ASIA'), ('TW', 'ASIA'), ('UZ', 'ASIA'), ('VN', 'ASIA'),

  ('AG', 'LATIN_AMERICA'), ('AR', 'LATIN_AMERICA'), ('BB', 'LATIN_AMERICA'), ('BO', 'LATIN_AMERICA'),
  ('BR', 'LATIN_AMERICA'), ('BS', 'LATIN_AMERICA'), ('BZ', 'LATIN_AMERICA'), ('CL', 'LATIN_AMERICA'),
  ('CO', 'LATIN_AMERICA'), ('CR', 'LATIN_AMERICA'), ('CU', 'LATIN_AMERICA'), ('DM', 'LATIN_AMERICA'),
  ('DO', 'LATIN_AMERICA'), ('EC', 'LATIN_AMERICA'), ('GD', 'LATIN_AMERICA'), ('GT', 'LATIN_AMERICA'),
  ('GY', 'LATIN_AMERICA'), ('HN', 'LATIN_AMERICA'), ('HT', 'LATIN_AMERICA'), ('JM', 'LATIN_AMERICA'),
  ('KN', 'LATIN_AMERICA'), ('LC', 'LATIN_AMERICA'), ('MX', 'LATIN_AMERICA'), ('NI', 'LATIN_AMERICA'),
  ('PA', 'LATIN_AMERICA'), ('PE', 'LATIN_AMERICA'), ('PY', 'LATIN_AMERICA'), ('SR', 'LATIN_AMERICA'),
  ('SV', 'LATIN_AMERICA'), ('TT', 'LATIN_AMERICA'), ('UY', 'LATIN_AMERICA'), ('VC', 'LATIN_AMERICA'),
  ('VE', 'LATIN_AMERICA'),

  ('AD', 'OTHER'), ('AT', 'OTHER'), ('BE', 'OTHER'), ('CH', 'OTHER'), ('CY', 'OTHER'), ('DE', 'OTHER'),
  ('DK', 'OTHER'), ('ES', 'OTHER'), ('FI', 'OTHER'), ('FR', 'OTHER'), ('GB', 'OTHER'), ('GR', 'OTHER'),
  ('IE', 'OTHER'), ('IS', 'OTHER'), ('LI', 'OTHER'), ('LU', 'OTHER'), ('MC', 'OTHER'), ('MT', 'OTHER'),
  ('NL', 'OTHER'), ('NO', 'OTHER'), ('PT', 'OTHER'), ('SE', 'OTHER'), ('SM', 'OTHER'), ('VA', 'OTHER'),
  ('US', 'OTHER'), ('CA', 'OTHER'), ('AU', 'OTHER'), ('NZ', 'OTHER');

-- Each pathway's and each lab visit's area of origin, taken with the citizenship area and kept like it after an
-- erasure: IT for an Italian, the area of the country for a foreign citizen (OTHER if the table has no row for it),
-- UNKNOWN when the citizenship, or for a foreign visitor without consent the area, is not known.
alter table pathway_profile add column origin_area varchar(20);
alter table lab_visit add column origin_area varchar(20);

-- the rows before this migration: from the registry's citizenship where the person is still there (not erased) and
-- still has the foreign citizenship the row was taken with; else UNKNOWN (anonymous visitors gave no country)
update pathway_profile set origin_area = case
  when citizenship_area = 'IT' then 'IT'
  when citizenship_area in ('EU', 'NON_EU') then coalesce((
    select coalesce(c.origin_area, 'OTHER')
    from pathway p join participant pa on pa.id = p.participant_id
         left join origin_area_country c on c.country_code = pa.citizenship
    where p.id = pathway_profile.pathway_id and pa.citizenship is not null and pa.citizenship <> 'IT'), 'UNKNOWN')
  else 'UNKNOWN' end;
update lab_visit set origin_area = case
  when citizenship_area = 'IT' then 'IT'
  when citizenship_area in ('EU', 'NON_EU') then coalesce((
    select coalesce(c.origin_area, 'OTHER')
    from participant pa left join origin_area_country c on c.country_code = pa.citizenship
    where pa.id = lab_visit.participant_id and pa.citizenship is not null and pa.citizenship <> 'IT'), 'UNKNOWN')
  else 'UNKNOWN' end;

alter table pathway_profile alter column origin_area set not null;
alter table lab_visit alter column origin_area set not null;
