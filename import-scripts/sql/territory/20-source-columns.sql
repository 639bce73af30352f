-- Which staging column holds what (psql variables, used as :"name" by 30-normalise.sql).
-- Variables in: staging, has_movements, has_epci, has_departments, and the file paths for the
-- messages (communes_file, populations_file, movements_file, epci_file, departments_file).
\echo '  colonnes des sources…'
SELECT pg_temp.required_column(:'staging', 'communes', '{code,insee_com,code_insee,insee,com,codgeo}',
           '--communes : champ du code INSEE introuvable (code, insee_com, code_insee, insee, com, codgeo) dans '
           || :'communes_file') AS com_code,
       pg_temp.optional_column(:'staging', 'communes', '{nom,nom_com,libelle,libgeo,name}') AS com_name,
       pg_temp.required_column(:'staging', 'populations',
           '{com,codgeo,code_insee,insee,insee_com,depcom,code_commune,code}',
           '--populations : colonne du code INSEE (COM) absente de l''en-tête de ' || :'populations_file') AS pop_com,
       pg_temp.required_column(:'staging', 'populations', '{pmun,population_municipale,population,pop}',
           '--populations : colonne de population municipale (PMUN) absente de l''en-tête de '
           || :'populations_file') AS pop_pmun,
       pg_temp.optional_column(:'staging', 'populations', '{commune,libgeo,libelle,nom,nom_commune,nccenr}') AS pop_name,
       pg_temp.optional_column(:'staging', 'populations', '{dep,code_departement,code_dep}') AS pop_dep
\gset

\if :has_epci
SELECT pg_temp.required_column(:'staging', 'epci', '{code_geo,siren,code_siren,siren_epci,code_epci,code}',
           '--epci : champ SIREN introuvable (code_geo, siren, code_siren, siren_epci, code_epci, code) dans '
           || :'epci_file') AS epci_code,
       pg_temp.required_column(:'staging', 'epci', '{nom_geo,nom,nom_epci,name,libelle,raison_sociale}',
           '--epci : champ du nom introuvable (nom_geo, nom, nom_epci, name, libelle) dans '
           || :'epci_file') AS epci_name
\gset
\endif

\if :has_departments
SELECT pg_temp.required_column(:'staging', 'departments', '{code,insee_dep,code_dep,dep,code_insee}',
           '--departments : champ du code introuvable (code, insee_dep, code_dep, dep, code_insee) dans '
           || :'departments_file') AS dep_code,
       pg_temp.optional_column(:'staging', 'departments', '{nom,nom_dep,name,libelle}') AS dep_name
\gset
\endif
