/**
 * The Redmine baseline's province (scripts/redmine-baseline.sh pipes this file's output into
 * psql): SQL that seeds a freshly migrated Redmine 5 database, with its default data loaded, with
 * a tracker shaped like the province profile (src/seed/province.ts), so that its issue list,
 * issue detail and search for 污水 do the work ours do on a ledger of the same size.
 *
 * - projects ≈ our units: the province, its 11 cities, each city's 8 departments and 8 counties
 *   (188, as the province seed's units), a nested set as Redmine keeps it;
 * - trackers ≈ our domains, statuses ≈ our open statuses in the province seed's mix (named by
 *   their codes: nobody reads them, and Redmine wants them unique);
 * - REDMINE_ISSUES issues (default 50,000, the province seed's size), set-based: each a city's
 *   copy of one of the demo ledger's problems (the texts the province seed draws from, so 污水
 *   matches a similar share), filed under one of that city's departments, due -120…+720 days
 *   from today as ours are.
 *
 * Then the REST API on and an API key (REDMINE_KEY, 40 hex digits) for the admin (user 1).
 * One transaction; deterministic for a given size (setseed).
 */
import { PROBLEM_DOMAINS } from '@rectify/schemas'
import { DEMO_PROBLEMS } from '../src/seed/ledger-data.js'
import { CITIES, COUNTY_SUFFIX, DEPTS, PROVINCE_DEFAULTS, STATUSES } from '../src/seed/province.js'

const issues = Number(process.env.REDMINE_ISSUES ?? PROVINCE_DEFAULTS.problems)
if (!Number.isInteger(issues) || issues < 1)
  throw new Error(`REDMINE_ISSUES must be a positive integer, not ${process.env.REDMINE_ISSUES}`)
const key = process.env.REDMINE_KEY ?? ''
if (!/^[0-9a-f]{40}$/.test(key)) throw new Error('REDMINE_KEY must be 40 lowercase hex digits')

const text = (s: string) => `'${s.replaceAll("'", "''")}'`
const array = (xs: readonly string[]) => `array[${xs.map(text).join(', ')}]`

/** Project ids: the province 1; city c at 2 + 17c, its departments next, then its counties. */
const PER_CITY = 1 + DEPTS.length + COUNTY_SUFFIX.length
const cityId = (c: number) => 2 + c * PER_CITY

function projects(): string {
  const rows: string[] = []
  const row = (
    id: number,
    name: string,
    ident: string,
    parent: number | null,
    lft: number,
    rgt: number,
  ) => rows.push(`(${id}, ${text(name)}, ${text(ident)}, ${parent ?? 'null'}, ${lft}, ${rgt})`)
  row(1, '江南省', 'prov', null, 1, 2 + CITIES.length * 2 * PER_CITY)
  CITIES.forEach((name, c) => {
    const lft = 2 + c * 2 * PER_CITY
    row(cityId(c), `${name}市`, `p${c}`, 1, lft, lft + 2 * PER_CITY - 1)
    const children = [
      ...DEPTS.map((d, k) => [`${name}市${d}`, `p${c}-d${k}`]),
      ...COUNTY_SUFFIX.map((s, k) => [`${name}${s}`, `p${c}-c${k}`]),
    ]
    children.forEach(([child, ident], k) =>
      row(cityId(c) + 1 + k, child!, ident!, cityId(c), lft + 1 + 2 * k, lft + 2 + 2 * k),
    )
  })
  return rows.join(',\n')
}

const statuses = [...new Set(STATUSES)]
const texts = DEMO_PROBLEMS.map(
  (p, n) => `(${n}, ${text(p.title)}, ${text(p.description)}, ${text(p.domain)})`,
).join(',\n')

process.stdout.write(`\\set ON_ERROR_STOP on
begin;
insert into issue_statuses (name, is_closed, position)
  select s, false, 100 + n from unnest(${array(statuses)}) with ordinality as t(s, n);
insert into trackers (name, position, is_in_roadmap, default_status_id)
  select d, 100 + n, true, (select id from issue_statuses where name = ${text(statuses[0]!)})
    from unnest(${array(PROBLEM_DOMAINS)}) with ordinality as t(d, n);
insert into projects (id, name, identifier, parent_id, lft, rgt, is_public, status, inherit_members, created_on, updated_on)
  select id, name, ident, parent, lft, rgt, true, 1, false, now(), now() from (values
${projects()}
  ) as v(id, name, ident, parent, lft, rgt);
select setval('projects_id_seq', (select max(id) from projects));
insert into enabled_modules (project_id, name) select id, 'issue_tracking' from projects;
insert into projects_trackers (project_id, tracker_id)
  select p.id, t.id from projects p cross join trackers t where t.name = any(${array(PROBLEM_DOMAINS)});

create temp table rm_texts (n int primary key, title text, description text, domain text) on commit drop;
insert into rm_texts values
${texts};
select setseed(0.2026);
insert into issues (id, tracker_id, project_id, subject, description, due_date, start_date, status_id,
                    priority_id, author_id, lock_version, done_ratio, root_id, lft, rgt, is_private,
                    created_on, updated_on)
select g.id, tr.id, ${cityId(0)} + g.city * ${PER_CITY} + 1 + g.dept,
       (${array(CITIES)})[g.city + 1] || '市' || x.title, x.description, g.due, g.due - 300, st.id,
       (select id from enumerations where type = 'IssuePriority' and is_default limit 1), 1, 0, 0,
       g.id, 1, 2, false, g.changed, g.changed
  from (select nextval('issues_id_seq') as id, i % ${CITIES.length} as city,
               floor(random() * ${DEPTS.length})::int as dept,
               floor(random() * ${DEMO_PROBLEMS.length})::int as text,
               (${array(STATUSES)})[1 + floor(random() * ${STATUSES.length})::int] as status,
               current_date + (floor(random() * 840)::int - 120) as due,
               now() - random() * interval '700 days' as changed
          from generate_series(0, ${issues - 1}) as i) g
  join rm_texts x on x.n = g.text
  join trackers tr on tr.name = x.domain
  join issue_statuses st on st.name = g.status;

insert into settings (name, value, updated_on) values ('rest_api_enabled', '1', now());
update users set must_change_passwd = false where id = 1;
insert into tokens (user_id, action, value, created_on, updated_on) values (1, 'api', ${text(key)}, now(), now());
commit;
vacuum analyze;
`)
