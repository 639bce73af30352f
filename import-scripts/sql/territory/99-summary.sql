-- After the commit: fresh planner statistics, then the lines of the « Résultat » report
-- (run with psql -At -F ' ').
ANALYZE department;
ANALYZE epci;
ANALYZE commune;

SELECT format('  %s %s : %s communes, %s habitants', d.code, d.name, count(c.insee),
              coalesce(sum(c.population), 0))
FROM department d LEFT JOIN commune c ON c.department_code = d.code
GROUP BY d.code, d.name ORDER BY d.code;

SELECT format('  total : %s communes, %s habitants, %s logements estimés ; %s EPCI, %s communes sans EPCI%s',
              count(*), sum(population), sum(dwellings), (SELECT count(*) FROM epci),
              count(*) FILTER (WHERE epci_siren IS NULL),
              coalesce(' (' || string_agg(insee || ' ' || name, ', ' ORDER BY insee)
                                  FILTER (WHERE epci_siren IS NULL) || ')', ''))
FROM commune;
