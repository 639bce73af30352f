-- After the commit: fresh planner statistics, then the per-department check printed at the end
-- (run with psql -At): connectable premises of the latest quarter summed over the commune rows,
-- beside the department file's figure.
ANALYZE arcep_commune;
ANALYZE arcep_epci;
ANALYZE arcep_deployment;
ANALYZE commune_perimeter;

SELECT format('  %s %s : %s locaux raccordables en %s (somme des communes) ; publié : %s', d.code, d.name,
              coalesce(s.connectable, 0), v.value, coalesce(p.connectable::text, 'absent'))
FROM department d
CROSS JOIN (SELECT value FROM dataset_info WHERE key = 'arcep.vintage') v
LEFT JOIN (SELECT a.department_code, sum(x.connectable) AS connectable
           FROM arcep_commune a JOIN arcep_deployment x ON x.level = 'COMMUNE' AND x.code = a.arcep_code
           WHERE x.quarter = (SELECT value FROM dataset_info WHERE key = 'arcep.vintage')
           GROUP BY a.department_code) s ON s.department_code = d.code
LEFT JOIN arcep_deployment p ON p.level = 'DEPARTMENT' AND p.code = d.code AND p.quarter = v.value
ORDER BY d.code;
