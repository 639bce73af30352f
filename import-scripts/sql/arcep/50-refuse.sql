-- Every problem found by 20-…40-: the import stops, naming each with its file, line and column.
SELECT pg_temp.refuse_problems('Import refusé') \g /dev/null
