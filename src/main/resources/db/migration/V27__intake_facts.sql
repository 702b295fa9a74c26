-- The facts the monitoring committee's indicators count participants by (issue 10), kept with the pathway after the
-- person is erased (ADR 0036, ADR 0040): the age in whole years when the pathway began (mean age, the 18-35 / 36-54 /
-- 55-64 / 65+ bands), and from the intake interview the education, the employment status and the disadvantages
-- (vulnerability codes, NONE when the lab recorded none; no row at all: not recorded).
alter table pathway_profile add column age_years integer;
alter table pathway_profile add column education varchar(30);
alter table pathway_profile add column employment_status varchar(30);
alter table pathway_profile add column interviewed_at timestamp with time zone;

create table pathway_disadvantage (
  pathway_id  uuid        not null references pathway (id),
  code        varchar(40) not null,
  primary key (pathway_id, code)
);

-- the pathways before this migration: the age from the registry (people not erased), on the UTC day the pathway began
update pathway_profile set age_years = (
  select extract(year from p.created_at) - extract(year from pa.birth_date)
         - case when extract(month from p.created_at) * 100 + extract(day from p.created_at)
                     < extract(month from pa.birth_date) * 100 + extract(day from pa.birth_date) then 1 else 0 end
  from pathway p join participant pa on pa.id = p.participant_id
  where p.id = pathway_profile.pathway_id and pa.birth_date is not null);

insert into pathway_disadvantage (pathway_id, code)
select distinct pathway_id, vulnerability from participant_vulnerability;
